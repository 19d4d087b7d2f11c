import { stellarCyberProfile } from '../../credentials/vendors/stellar-cyber';
import type { VendorApi } from '../common/vendor-api';

export const stellarCyber: VendorApi = stellarCyberProfile;
