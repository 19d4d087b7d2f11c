import type { INodePropertyOptions } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { plansBefore, waitFields, waitForPlans, waitSettings } from '../../plan-tracking';
import { elasticCloudEnterprise } from '../../transport';
import { deploymentIdFields, pathId } from '../ids';
import { INSTANCE_KINDS, STATELESS_KINDS, resourceFields } from './resource-kinds';

/** A command on one resource of a deployment (POST /deployments/{id}/{kind}/{ref_id}/<command>); ECE answers 202 and runs it in the background. */
function resourceCommand(
	command: string,
	kinds: INodePropertyOptions[],
	defaultKind: string,
	option: Operation['option'],
	toolDescription: string,
	startsPlan = false,
): Operation {
	return {
		option,
		toolDescription,
		fields: [
			...deploymentIdFields,
			...resourceFields(kinds, defaultKind),
			...(startsPlan ? waitFields : []),
		],
		async execute(itemIndex) {
			const id = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
			const kind = pathId(this, itemIndex, 'resourceKind', 'Resource Kind');
			const refId = pathId(this, itemIndex, 'refId', 'Resource');
			const { wait, boundMs } = startsPlan
				? waitSettings(this, itemIndex)
				: { wait: false, boundMs: 0 };
			const before = wait ? await plansBefore(this, itemIndex, id) : undefined;
			const answer = await apiRequest.call(
				this,
				elasticCloudEnterprise,
				{
					method: 'POST',
					path: `/api/v1/deployments/${id}/${kind}/${refId}/${command}`,
					about: `${decodeURIComponent(kind)} resource ${decodeURIComponent(refId)} of deployment ${decodeURIComponent(id)}`,
				},
				itemIndex,
			);
			const accepted = {
				accepted: true,
				deploymentId: decodeURIComponent(id),
				resourceKind: decodeURIComponent(kind),
				refId: decodeURIComponent(refId),
				...answer,
			};
			if (!before) return accepted;
			const [plan] = await waitForPlans(
				this,
				itemIndex,
				id,
				[{ kind: decodeURIComponent(kind), refId: decodeURIComponent(refId) }],
				before,
				boundMs,
			);
			return { ...accepted, ...plan };
		},
	};
}

export const restartResource = resourceCommand(
	'_restart',
	STATELESS_KINDS,
	'kibana',
	{
		name: 'Restart Resource',
		value: 'restartResource',
		action: 'Restart a resource of a deployment',
		description: 'Restart Kibana, APM, Integrations Server or Enterprise Search',
	},
	'Restart a stateless resource (kibana, apm, integrations_server, enterprise_search, appsearch) of one Elastic Cloud Enterprise deployment, given the deployment ID, the kind and the ref ID (for example main-kibana). With Wait for Completion on, returns the outcome of the restart plan; otherwise accepted while it runs in the background. Changes the platform.',
	true,
);

const instancesTool = (verb: string) =>
	`${verb} every instance of one resource of an Elastic Cloud Enterprise deployment, given the deployment ID, the kind (elasticsearch, kibana, apm, integrations_server) and the ref ID. Returns accepted. Changes the platform.`;

export const stopResource = resourceCommand(
	'instances/_stop',
	INSTANCE_KINDS,
	'elasticsearch',
	{
		name: 'Stop Resource',
		value: 'stopResource',
		action: 'Stop the instances of a resource',
		description:
			'Stop every instance of an Elasticsearch, Kibana, APM or Integrations Server resource',
	},
	instancesTool('Stop'),
);

export const startResource = resourceCommand(
	'instances/_start',
	INSTANCE_KINDS,
	'elasticsearch',
	{
		name: 'Start Resource',
		value: 'startResource',
		action: 'Start the instances of a resource',
		description:
			'Start every instance of an Elasticsearch, Kibana, APM or Integrations Server resource',
	},
	instancesTool('Start'),
);
