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

export const shutdownDeployment: Operation = {
	option: {
		name: 'Shut Down',
		value: 'shutdown',
		action: 'Shut down a deployment',
		description: 'Stop every resource of a deployment',
	},
	toolDescription:
		"Shut down one Elastic Cloud Enterprise deployment by its deployment ID: every resource stops and the data is deleted unless a snapshot is kept. Use only when a person asked for it. Returns the platform's answer; with Wait for Completion on, also how the plan of each resource ended (or fails with the step that failed). Changes the platform.",
	fields: [
		...deploymentIdFields,
		{
			displayName: 'Skip Snapshot',
			name: 'skipSnapshot',
			type: 'boolean',
			default: false,
			description: 'Whether to shut down without taking a last snapshot',
		},
		...waitFields,
	],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
		const skipSnapshot = this.getNodeParameter('skipSnapshot', itemIndex, false) as boolean;
		const { wait, boundMs } = waitSettings(this, itemIndex);
		const before = wait ? await plansBefore(this, itemIndex, id) : undefined;
		const answer = await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'POST',
				path: `/api/v1/deployments/${id}/_shutdown`,
				qs: { skip_snapshot: skipSnapshot },
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
