import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedOf } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

export const getManyAllocators: Operation = {
	option: { name: 'Get Many', value: 'getMany', action: 'Get many allocators', description: 'List allocators, one item each, with their zone' },
	toolDescription:
		'List Elastic Cloud Enterprise allocators, the hosts that run deployments, optionally filtered by a query such as connected:false. Returns one record per allocator with its zone, capacity, health and maintenance mode. Use it to find unhealthy or full hosts.',
	fields: [...returnAllOrLimit(), { displayName: 'Query', name: 'query', type: 'string', default: '', placeholder: 'connected:false', description: 'Optional query string to filter allocators' }],
	async execute(itemIndex) {
		const query = String(this.getNodeParameter('query', itemIndex, '')).trim();
		const answer = await apiRequest.call(this, elasticCloudEnterprise, {
			method: 'GET',
			path: '/api/v1/platform/infrastructure/allocators',
			qs: { size: 10_000, ...(query ? { q: query } : {}) },
		}, itemIndex);
		const zones = (answer.zones as Array<{ zone_id: string; allocators?: IDataObject[] }>) ?? [];
		return wantedOf(this, itemIndex, zones.flatMap((zone) => (zone.allocators ?? []).map((allocator) => ({ ...allocator, zone_id: allocator.zone_id ?? zone.zone_id }))));
	},
};
