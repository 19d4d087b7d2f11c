import { utmStackErrorText, utmStackRejectedCredential } from '../../credentials/UtmStackApi.credentials';
import type { VendorApi } from '../common/vendor-api';

export const utmStack: VendorApi = {
	credentialType: 'utmStackApi',
	platform: 'UTMStack',
	errorText: utmStackErrorText,
	rejectedCredential: utmStackRejectedCredential,
};
