import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { allocatorIdFields, pathId } from '../ids';

export const stopMaintenance: Operation = {
	option: {
		name: 'Stop Maintenance',
		value: 'stopMaintenance',
		action: 'Stop maintenance mode on an allocator',
		description: 'Let the allocator take deployments again',
	},
	toolDescription:
		'Take one Elastic Cloud Enterprise allocator out of maintenance mode by its allocator ID. Returns accepted, the allocator ID and maintenanceMode false. Changes the platform.',
	fields: [...allocatorIdFields],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'allocatorId', 'Allocator ID');
		const path = `/api/v1/platform/infrastructure/allocators/${id}/maintenance-mode/_stop`;
		await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{ method: 'POST', path, about: `allocator ${decodeURIComponent(id)}` },
			itemIndex,
		);
		return { accepted: true, allocatorId: decodeURIComponent(id), maintenanceMode: false };
	},
};
