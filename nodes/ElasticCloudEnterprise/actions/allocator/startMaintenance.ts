import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { allocatorIdFields, pathId } from '../ids';

export const startMaintenance: Operation = {
	option: {
		name: 'Start Maintenance',
		value: 'startMaintenance',
		action: 'Start maintenance mode on an allocator',
		description: 'Move deployments off the allocator and keep new ones away',
	},
	toolDescription:
		'Put one Elastic Cloud Enterprise allocator into maintenance mode by its allocator ID, so no new deployment instances are placed on it. Returns accepted, the allocator ID and maintenanceMode true. Changes the platform.',
	fields: [...allocatorIdFields],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'allocatorId', 'Allocator ID');
		const path = `/api/v1/platform/infrastructure/allocators/${id}/maintenance-mode/_start`;
		await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{ method: 'POST', path, about: `allocator ${decodeURIComponent(id)}` },
			itemIndex,
		);
		return { accepted: true, allocatorId: decodeURIComponent(id), maintenanceMode: true };
	},
};
