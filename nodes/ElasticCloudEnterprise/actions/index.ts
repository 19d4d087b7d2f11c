import type { Resources } from '../../common/operations';
import { getAllocator } from './allocator/get';
import { getManyAllocators } from './allocator/getMany';
import { startMaintenance } from './allocator/startMaintenance';
import { stopMaintenance } from './allocator/stopMaintenance';
import { createApiKey } from './apiKey/create';
import { deleteApiKey } from './apiKey/delete';
import { getManyApiKeys } from './apiKey/getMany';
import { createDeployment } from './deployment/create';
import { getDeployment } from './deployment/get';
import { getManyDeployments } from './deployment/getMany';
import { restartElasticsearch } from './deployment/restartElasticsearch';
import { restartResource, startResource, stopResource } from './deployment/resource-commands';
import { searchDeployments } from './deployment/search';
import { shutdownDeployment } from './deployment/shutdown';
import { updateDeployment } from './deployment/update';
import { getPlatform } from './platform/get';
import { getManyStackVersions } from './stackVersion/getMany';
import { applyTrafficFilterToDeployment } from './trafficFilter/applyToDeployment';
import { createTrafficFilter } from './trafficFilter/create';
import { deleteTrafficFilter } from './trafficFilter/delete';
import { getTrafficFilter } from './trafficFilter/get';
import { getManyTrafficFilters } from './trafficFilter/getMany';
import { removeTrafficFilterFromDeployment } from './trafficFilter/removeFromDeployment';
import { updateTrafficFilter } from './trafficFilter/update';
import { getCurrentUser } from './user/getCurrent';

export const eceResources: Resources = {
	allocator: {
		option: { name: 'Allocator', value: 'allocator' },
		defaultOperation: 'getMany',
		operations: {
			get: getAllocator,
			getMany: getManyAllocators,
			startMaintenance,
			stopMaintenance,
		},
	},
	apiKey: {
		option: { name: 'API Key', value: 'apiKey' },
		defaultOperation: 'getMany',
		operations: { create: createApiKey, delete: deleteApiKey, getMany: getManyApiKeys },
	},
	deployment: {
		option: { name: 'Deployment', value: 'deployment' },
		defaultOperation: 'getMany',
		operations: {
			create: createDeployment,
			get: getDeployment,
			getMany: getManyDeployments,
			restartElasticsearch,
			restartResource,
			search: searchDeployments,
			shutdown: shutdownDeployment,
			startResource,
			stopResource,
			update: updateDeployment,
		},
	},
	platform: {
		option: { name: 'Platform', value: 'platform' },
		defaultOperation: 'get',
		operations: { get: getPlatform },
	},
	stackVersion: {
		option: { name: 'Stack Version', value: 'stackVersion' },
		defaultOperation: 'getMany',
		operations: { getMany: getManyStackVersions },
	},
	trafficFilter: {
		option: { name: 'Traffic Filter', value: 'trafficFilter' },
		defaultOperation: 'getMany',
		operations: {
			applyToDeployment: applyTrafficFilterToDeployment,
			create: createTrafficFilter,
			delete: deleteTrafficFilter,
			get: getTrafficFilter,
			getMany: getManyTrafficFilters,
			removeFromDeployment: removeTrafficFilterFromDeployment,
			update: updateTrafficFilter,
		},
	},
	user: {
		option: { name: 'User', value: 'user' },
		defaultOperation: 'getCurrent',
		operations: { getCurrent: getCurrentUser },
	},
};
