import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import {
	plansBefore,
	targetsOf,
	waitFields,
	waitForPlans,
	waitSettings,
} from '../../plan-tracking';
import { elasticCloudEnterprise } from '../../transport';
import { deploymentIdFields, pathId } from '../ids';
import { jsonObject } from '../../../common/json-parameter';

export const updateDeployment: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a deployment',
		description: 'Change a deployment with a JSON body, as the ECE API takes it',
	},
	toolDescription:
		'Update one Elastic Cloud Enterprise deployment, given its ID and the JSON body of the ECE update API (name, resources and their plans, metadata). Resources left out of the body are kept unless prune_orphans is true. Changes the platform.',
	fields: [
		...deploymentIdFields,
		{
			displayName: 'Update (JSON)',
			name: 'updateJson',
			type: 'json',
			required: true,
			default: '{\n  "prune_orphans": false,\n  "name": "new-name"\n}',
			description:
				'The body of the deployment update request of the ECE API (DeploymentUpdateRequest). Without "prune_orphans" n8n sends false, so resources left out of the body are kept.',
		},
		...waitFields,
	],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
		const body = jsonObject(this, itemIndex, 'updateJson', 'Update (JSON)');
		// ECE requires prune_orphans; true would delete every resource the body does not name.
		if (body.prune_orphans === undefined) body.prune_orphans = false;
		const { wait, boundMs } = waitSettings(this, itemIndex);
		const before = wait ? await plansBefore(this, itemIndex, id) : undefined;
		const answer = await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'PUT',
				path: `/api/v1/deployments/${id}`,
				body,
				about: `deployment ${decodeURIComponent(id)}`,
			},
			itemIndex,
		);
		if (!before) return answer;
		const plans = await waitForPlans(this, itemIndex, id, targetsOf(before), before, boundMs);
		return {
			...answer,
			outcome: plans.every((plan) => plan.outcome === 'no plan') ? 'no plan' : 'done',
			plans,
		};
	},
};
