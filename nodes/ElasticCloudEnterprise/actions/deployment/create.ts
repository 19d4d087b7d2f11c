import { refuseForAgents } from '../../../common/agent-tool';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { optionalListAt, textAt } from '../../../common/answer-parts';
import { waitFields, waitForPlans, waitSettings } from '../../plan-tracking';
import { elasticCloudEnterprise } from '../../transport';
import { jsonObject } from '../../../common/json-parameter';

const EXAMPLE = JSON.stringify(
	{
		name: 'soc-logs',
		resources: {
			elasticsearch: [
				{
					ref_id: 'main-elasticsearch',
					region: 'ece-region',
					plan: { elasticsearch: { version: '8.15.3' }, cluster_topology: [] },
				},
			],
			kibana: [
				{
					ref_id: 'main-kibana',
					elasticsearch_cluster_ref_id: 'main-elasticsearch',
					region: 'ece-region',
					plan: { kibana: {} },
				},
			],
		},
	},
	null,
	2,
);

export const createDeployment: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a deployment',
		description: 'Create a deployment from a JSON body, as the ECE API takes it',
	},
	toolDescription:
		'Create an Elastic Cloud Enterprise deployment. Not available to AI agents: it creates infrastructure and its answer holds the elastic password.',
	fields: [
		{
			displayName: 'Deployment (JSON)',
			name: 'deploymentJson',
			type: 'json',
			required: true,
			default: EXAMPLE,
			description:
				'The body of POST /api/v1/deployments (DeploymentCreateRequest): name, resources and their plans, metadata',
		},
		{
			displayName: 'Validate Only',
			name: 'validateOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to have ECE check the request without creating anything',
		},
		...waitFields.map((field) =>
			field.name === 'waitMinutes'
				? field
				: {
						...field,
						displayOptions: {
							...field.displayOptions,
							hide: { ...field.displayOptions?.hide, validateOnly: [true] },
						},
					},
		),
	],
	async execute(itemIndex) {
		refuseForAgents(
			this,
			itemIndex,
			'Creating a deployment is not available to AI agents: it creates infrastructure, and the answer holds the elastic password.',
		);
		const body = jsonObject(this, itemIndex, 'deploymentJson', 'Deployment (JSON)');
		const validateOnly = this.getNodeParameter('validateOnly', itemIndex, false) === true;
		const answer = await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'POST',
				path: '/api/v1/deployments',
				body,
				...(validateOnly ? { qs: { validate_only: true } } : {}),
			},
			itemIndex,
		);
		const { wait, boundMs } = waitSettings(this, itemIndex);
		if (validateOnly || !wait) return answer;
		// DeploymentCreateResponse: the new deployment's id and its resources (kind, ref_id); no plan existed before
		const id = textAt(answer, ['id']);
		const targets = optionalListAt(answer, ['resources']).map((resource) => ({
			kind: textAt(resource, ['kind']),
			refId: textAt(resource, ['ref_id']),
		}));
		const plans = await waitForPlans(
			this,
			itemIndex,
			encodeURIComponent(id),
			targets,
			new Map(),
			boundMs,
		);
		return { ...answer, outcome: 'done', plans };
	},
};
