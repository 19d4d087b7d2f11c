import { eceErrorText, eceRejectedCredential } from '../../credentials/ElasticCloudEnterpriseApi.credentials';
import type { VendorApi } from '../common/vendor-api';

export const elasticCloudEnterprise: VendorApi = {
	credentialType: 'elasticCloudEnterpriseApi',
	platform: 'Elastic Cloud Enterprise',
	errorText: eceErrorText,
	rejectedCredential: eceRejectedCredential,
};
