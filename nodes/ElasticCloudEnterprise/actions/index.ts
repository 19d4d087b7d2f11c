import type { Resources } from '../../common/operations';
import { getAllocator } from './allocator/get';
import { getManyAllocators } from './allocator/getMany';
import { startMaintenance } from './allocator/startMaintenance';
import { stopMaintenance } from './allocator/stopMaintenance';
import { createApiKey } from './apiKey/create';
import { deleteApiKey } from './apiKey/delete';
import { getManyApiKeys } from './apiKey/getMany';
import { getDeployment } from './deployment/get';
import { getManyDeployments } from './deployment/getMany';
import { restartElasticsearch } from './deployment/restartElasticsearch';
import { searchDeployments } from './deployment/search';
import { shutdownDeployment } from './deployment/shutdown';
import { getPlatform } from './platform/get';
import { getCurrentUser } from './user/getCurrent';

export const eceResources: Resources = {
	allocator: {
		option: { name: 'Allocator', value: 'allocator' },
		defaultOperation: 'getMany',
		operations: { get: getAllocator, getMany: getManyAllocators, startMaintenance, stopMaintenance },
	},
	apiKey: { option: { name: 'API Key', value: 'apiKey' }, defaultOperation: 'getMany', operations: { create: createApiKey, delete: deleteApiKey, getMany: getManyApiKeys } },
	deployment: {
		option: { name: 'Deployment', value: 'deployment' },
		defaultOperation: 'getMany',
		operations: {
			get: getDeployment,
			getMany: getManyDeployments,
			restartElasticsearch,
			search: searchDeployments,
			shutdown: shutdownDeployment,
		},
	},
	platform: { option: { name: 'Platform', value: 'platform' }, defaultOperation: 'get', operations: { get: getPlatform } },
	user: { option: { name: 'User', value: 'user' }, defaultOperation: 'getCurrent', operations: { getCurrent: getCurrentUser } },
};
