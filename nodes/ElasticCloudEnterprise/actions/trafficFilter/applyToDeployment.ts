import { NodeOperationError } from 'n8n-workflow';

import {
	CONTAINMENT_TOOL_NOTE,
	allowAgentsField,
	refuseUnlessAgentsAllowed,
} from '../../../common/agent-tool';
import type { Operation } from '../../../common/operations';
import { apiRequestFull } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { deploymentIdFields, pathId } from '../ids';
import { RULESETS_PATH, rulesetId, rulesetIdFields } from './ruleset';

export const applyTrafficFilterToDeployment: Operation = {
	option: {
		name: 'Apply to Deployment',
		value: 'applyToDeployment',
		action: 'Apply a traffic filter to a deployment',
		description: 'Restrict a deployment to the sources the ruleset allows',
	},
	toolDescription: `Apply an Elastic Cloud Enterprise traffic filter ruleset to a deployment, given the ruleset ID and the deployment ID (32 hexadecimal characters): the deployment then accepts traffic only from the sources its rulesets allow, and ECE's proxy refuses the rest. Returns the ruleset ID, the deployment ID and changed true, or changed false when the ruleset already applied to it. ${CONTAINMENT_TOOL_NOTE}`,
	fields: [...rulesetIdFields, ...deploymentIdFields, allowAgentsField],
	async execute(itemIndex) {
		refuseUnlessAgentsAllowed(this, itemIndex, 'Applying a traffic filter ruleset to a deployment');
		const id = rulesetId(this, itemIndex);
		const deploymentId = decodeURIComponent(
			pathId(this, itemIndex, 'deploymentId', 'Deployment ID'),
		);
		// FilterAssociation {entity_type, id}; cloud-sdk-go's CreateAssociation sends entity type "deployment".
		// No `about`: a 404 may name the ruleset or the deployment, so ECE's own text says which.
		const path = `${RULESETS_PATH}/${id}/associations`;
		const response = await apiRequestFull.call(
			this,
			elasticCloudEnterprise,
			{ method: 'POST', path, body: { entity_type: 'deployment', id: deploymentId } },
			itemIndex,
		);
		// ece-swagger.json create-traffic-filter-ruleset-association: 201 "the association has been created",
		// 200 "the association already exists" (both EmptyResponse): the status is the part read.
		if (response.statusCode !== 201 && response.statusCode !== 200) {
			throw new NodeOperationError(
				this.getNode(),
				`Elastic Cloud Enterprise answered POST ${path} with HTTP ${response.statusCode}, which its API description does not give for this request`,
				{
					itemIndex,
					description:
						'ECE answers 201 when it applies the ruleset and 200 when the ruleset already applies. Read the ruleset (Get) to see whether it applies to the deployment now.',
				},
			);
		}
		return {
			rulesetId: decodeURIComponent(id),
			deploymentId,
			changed: response.statusCode === 201,
			applied: true,
		};
	},
};
