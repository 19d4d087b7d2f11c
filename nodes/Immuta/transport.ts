import { immutaProfile } from '../../credentials/vendors/immuta';
import type { VendorApi } from '../common/vendor-api';

export const immuta: VendorApi = immutaProfile;
