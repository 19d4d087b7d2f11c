import { immutaErrorText, immutaRejectedCredential } from '../../credentials/ImmutaApi.credentials';
import type { VendorApi } from '../common/vendor-api';

export const immuta: VendorApi = {
	credentialType: 'immutaApi',
	platform: 'Immuta',
	errorText: immutaErrorText,
	rejectedCredential: immutaRejectedCredential,
};
