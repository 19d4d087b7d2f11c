import { utmStackProfile } from '../../credentials/vendors/utmstack';
import type { VendorApi } from '../common/vendor-api';

export const utmStack: VendorApi = utmStackProfile;
