import { stellarCyberErrorText, stellarCyberRejectedCredential } from '../../credentials/StellarCyberApi.credentials';
import type { VendorApi } from '../common/vendor-api';

export const stellarCyber: VendorApi = {
	credentialType: 'stellarCyberApi',
	platform: 'Stellar Cyber',
	errorText: stellarCyberErrorText,
	rejectedCredential: stellarCyberRejectedCredential,
};
