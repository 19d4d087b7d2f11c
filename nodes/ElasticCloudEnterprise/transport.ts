import { elasticCloudEnterpriseProfile } from '../../credentials/vendors/elastic-cloud-enterprise';
import type { VendorApi } from '../common/vendor-api';

export const elasticCloudEnterprise: VendorApi = elasticCloudEnterpriseProfile;
