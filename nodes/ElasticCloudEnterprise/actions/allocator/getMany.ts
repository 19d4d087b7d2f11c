import { returnAllOrLimit, wantedOf } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
import { ALL_ALLOCATORS, ALLOCATORS_PATH, allocatorsOf } from '../../listings';
import { elasticCloudEnterprise } from '../../transport';

export const getManyAllocators: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many allocators',
		description: 'List allocators, one item each, with their zone',
	},
	toolDescription:
		'List Elastic Cloud Enterprise allocators, the hosts that run deployments, optionally filtered by a query such as status.connected:false. Returns one record per allocator with its zone, capacity, health and maintenance mode. Use it to find unhealthy or full hosts.',
	fields: [
		...returnAllOrLimit(),
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			placeholder: 'status.connected:false',
			description: 'Optional query string to filter allocators',
		},
	],
	async execute(itemIndex) {
		const query = String(this.getNodeParameter('query', itemIndex, '')).trim();
		const request = {
			method: 'GET' as const,
			path: ALLOCATORS_PATH,
			qs: { size: ALL_ALLOCATORS, ...(query ? { q: query } : {}) },
		};
		return wantedOf(
			this,
			itemIndex,
			await apiList.call(this, elasticCloudEnterprise, request, allocatorsOf, itemIndex),
		);
	},
};
