import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

export const getManyTrafficFilters: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many traffic filters',
		description: 'List the traffic filter rulesets and the deployments they apply to',
	},
	toolDescription:
		'List the traffic filter rulesets of Elastic Cloud Enterprise (IP filters): one record per ruleset with its ID, name, rules (sources allowed) and the deployments it is associated with.',
	fields: [
		{
			displayName: 'Include Associations',
			name: 'includeAssociations',
			type: 'boolean',
			default: true,
			description: 'Whether to list the deployments each ruleset applies to',
		},
	],
	async execute(itemIndex) {
		const includeAssociations =
			this.getNodeParameter('includeAssociations', itemIndex, true) === true;
		// ECE answers every ruleset in one document (no paging).
		return await apiList.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'GET',
				path: '/api/v1/deployments/traffic-filter/rulesets',
				qs: { include_associations: includeAssociations },
			},
			['rulesets'],
			itemIndex,
		);
	},
};
