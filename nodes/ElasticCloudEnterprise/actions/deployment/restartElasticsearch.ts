import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { plansBefore, waitFields, waitForPlans, waitSettings } from '../../plan-tracking';
import { elasticCloudEnterprise } from '../../transport';
import { deploymentIdFields, idProperty, pathId } from '../ids';
import { onlyElasticsearch } from './only-resource';

export const restartElasticsearch: Operation = {
	option: {
		name: 'Restart Elasticsearch',
		value: 'restartElasticsearch',
		action: 'Restart the Elasticsearch of a deployment',
		description: 'Restart an Elasticsearch resource',
	},
	toolDescription:
		'Restart the Elasticsearch resource of one Elastic Cloud Enterprise deployment, given the deployment ID and the Elasticsearch ref ID (usually main-elasticsearch). With Wait for Completion on, follows the restart plan and returns its outcome (done, with the seconds it took) or fails with the step that failed; otherwise returns accepted while the restart runs in the background. Changes the platform.',
	fields: [
		...deploymentIdFields,
		{
			...idProperty(
				'Ref ID',
				'refId',
				'The ref_id of the Elasticsearch resource, for example main-elasticsearch',
			),
			displayOptions: { show: { '@version': [1] } },
		},
		{
			displayName: 'Elasticsearch Resource Name or ID',
			name: 'refId',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getElasticsearchResources',
				loadOptionsDependsOn: ['deploymentId.value'],
			},
			default: '',
			description:
				'Pick the deployment first: this lists its Elasticsearch resources. Leave empty to restart its only one (most deployments have one, main-elasticsearch). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { hide: { '@version': [1] } },
		},
		...waitFields,
	],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
		const named = String(this.getNodeParameter('refId', itemIndex, '') ?? '').trim();
		const refId =
			named === ''
				? encodeURIComponent(await onlyElasticsearch(this, itemIndex, id))
				: pathId(this, itemIndex, 'refId', 'Ref ID');
		const { wait, boundMs } = waitSettings(this, itemIndex);
		const before = wait ? await plansBefore(this, itemIndex, id) : undefined;
		await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'POST',
				path: `/api/v1/deployments/${id}/elasticsearch/${refId}/_restart`,
				about: `Elasticsearch resource ${decodeURIComponent(refId)} of deployment ${decodeURIComponent(id)}`,
			},
			itemIndex,
		);
		const accepted = {
			accepted: true,
			deploymentId: decodeURIComponent(id),
			refId: decodeURIComponent(refId),
		};
		if (!before) return accepted;
		const [plan] = await waitForPlans(
			this,
			itemIndex,
			id,
			[{ kind: 'elasticsearch', refId: decodeURIComponent(refId) }],
			before,
			boundMs,
		);
		return { ...accepted, ...plan };
	},
};
