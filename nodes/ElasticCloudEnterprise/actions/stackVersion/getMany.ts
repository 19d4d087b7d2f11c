import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

export const getManyStackVersions: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many stack versions',
		description: 'List the Elastic Stack versions this ECE can deploy',
	},
	toolDescription:
		'List the Elastic Stack versions Elastic Cloud Enterprise can deploy: one record per version with the versions it can be upgraded to.',
	fields: [
		{
			displayName: 'Include Deleted',
			name: 'showDeleted',
			type: 'boolean',
			default: false,
			description: 'Whether to list versions that were deleted too',
		},
	],
	async execute(itemIndex) {
		const showDeleted = this.getNodeParameter('showDeleted', itemIndex, false) === true;
		// ECE answers every version in one document (no paging).
		return await apiList.call(
			this,
			elasticCloudEnterprise,
			{ method: 'GET', path: '/api/v1/stack/versions', qs: { show_deleted: showDeleted } },
			['stacks'],
			itemIndex,
		);
	},
};
