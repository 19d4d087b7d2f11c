import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	CONTAINMENT_TOOL_NOTE,
	allowAgentsField,
	refuseUnlessAgentsAllowed,
} from '../../../common/agent-tool';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { deploymentIdFields, pathId } from '../ids';
import { RULESETS_PATH, readRuleset, rulesetId, rulesetIdFields } from './ruleset';

export const removeTrafficFilterFromDeployment: Operation = {
	option: {
		name: 'Remove From Deployment',
		value: 'removeFromDeployment',
		action: 'Remove a traffic filter from a deployment',
		description: 'Stop applying a ruleset to a deployment',
	},
	toolDescription: `Stop applying an Elastic Cloud Enterprise traffic filter ruleset to a deployment, given the ruleset ID and the deployment ID (32 hexadecimal characters): the deployment no longer has this ruleset's restriction (other rulesets applied to it still count). Returns the ruleset ID, the deployment ID and changed true, or changed false when the ruleset did not apply to it. ${CONTAINMENT_TOOL_NOTE}`,
	fields: [...rulesetIdFields, ...deploymentIdFields, allowAgentsField],
	async execute(itemIndex) {
		refuseUnlessAgentsAllowed(
			this,
			itemIndex,
			'Removing a traffic filter ruleset from a deployment',
		);
		const id = rulesetId(this, itemIndex);
		const deploymentId = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
		const result = {
			rulesetId: decodeURIComponent(id),
			deploymentId: decodeURIComponent(deploymentId),
			applied: false,
		};
		let refusal: unknown;
		try {
			// 200 EmptyResponse: nothing is read
			await apiRequest.call(
				this,
				elasticCloudEnterprise,
				{
					method: 'DELETE',
					path: `${RULESETS_PATH}/${id}/associations/deployment/${deploymentId}`,
				},
				itemIndex,
			);
		} catch (error) {
			refusal = error;
		}
		if (refusal === undefined) return { ...result, changed: true };
		if (refusal instanceof NodeApiError && refusal.httpCode === '404') {
			// ece-swagger.json gives this route one 404, "The traffic filter ruleset association cannot be found",
			// with the code traffic_filter.not_found: the code an unknown ruleset has on every other route. Which
			// of the two ECE meant is unattested, so the ruleset is read: there, the association was not; missing,
			// the read's 404 says ECE has no such ruleset.
			await readRuleset(this, itemIndex, id, false);
			return { ...result, changed: false };
		}
		// the request path's errors are n8n's already (with the HTTP status and ECE's text); anything else is wrapped
		if (refusal instanceof NodeApiError || refusal instanceof NodeOperationError) throw refusal;
		throw new NodeOperationError(this.getNode(), refusal as Error, { itemIndex });
	},
};
