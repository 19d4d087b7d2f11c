import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { allocatorIdFields, pathId } from '../ids';

export const getAllocator: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an allocator',
		description: 'Read one allocator',
	},
	toolDescription:
		'Get one Elastic Cloud Enterprise allocator (a host that runs deployments) by its allocator ID. Returns its zone, capacity, connected and healthy state, maintenance mode and the deployment instances on it.',
	fields: [...allocatorIdFields],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'allocatorId', 'Allocator ID');
		return await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'GET',
				path: `/api/v1/platform/infrastructure/allocators/${id}`,
				about: `allocator ${decodeURIComponent(id)}`,
			},
			itemIndex,
		);
	},
};
