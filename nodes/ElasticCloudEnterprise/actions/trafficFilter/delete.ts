import {
	CONTAINMENT_TOOL_NOTE,
	allowAgentsField,
	refuseUnlessAgentsAllowed,
} from '../../../common/agent-tool';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { RULESETS_PATH, rulesetId, rulesetIdFields } from './ruleset';

export const deleteTrafficFilter: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a traffic filter',
		description: 'Delete a ruleset',
	},
	toolDescription: `Delete one Elastic Cloud Enterprise traffic filter ruleset by its ID. Unless Remove From Deployments First is on, ECE refuses while the ruleset applies to a deployment; with it on, the deployments it applied to no longer have its restriction. Returns the ruleset ID and deleted true. ${CONTAINMENT_TOOL_NOTE}`,
	fields: [
		...rulesetIdFields,
		{
			displayName: 'Remove From Deployments First',
			name: 'removeFromDeployments',
			type: 'boolean',
			default: false,
			description:
				'Whether to delete the ruleset even while it applies to deployments, which then no longer have its restriction. Off, ECE refuses to delete a ruleset that applies to a deployment.',
		},
		allowAgentsField,
	],
	async execute(itemIndex) {
		refuseUnlessAgentsAllowed(this, itemIndex, 'Deleting a traffic filter ruleset');
		const id = rulesetId(this, itemIndex);
		const removeFromDeployments =
			this.getNodeParameter('removeFromDeployments', itemIndex, false) === true;
		// ignore_associations (default false): "When false, recognizes the associations, which prevents the
		// deletion" (ece-swagger.json delete-traffic-filter-ruleset); sent either way, as cloud-sdk-go's Delete does.
		// 200 EmptyResponse: nothing is read.
		await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'DELETE',
				path: `${RULESETS_PATH}/${id}`,
				qs: { ignore_associations: removeFromDeployments },
				about: `traffic filter ruleset ${decodeURIComponent(id)}`,
			},
			itemIndex,
		);
		return { id: decodeURIComponent(id), deleted: true };
	},
};
