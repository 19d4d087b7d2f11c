import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollHealthChanges } from './health-changes';

export class ElasticCloudEnterpriseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Elastic Cloud Enterprise Trigger',
		name: 'elasticCloudEnterpriseTrigger',
		icon: {
			light: 'file:../../icons/elastic-cloud-enterprise.svg',
			dark: 'file:../../icons/elastic-cloud-enterprise.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: 'Deployment health changed',
		description:
			"Manage Elastic Cloud Enterprise deployments and allocators, or start a workflow when a deployment's health changes",
		defaults: { name: 'Elastic Cloud Enterprise Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'elasticCloudEnterpriseApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'deploymentHealthChanged',
				options: [
					{
						name: 'Deployment Health Changed',
						value: 'deploymentHealthChanged',
						description:
							"A deployment's healthy flag or an Elasticsearch resource's status changed; the item has the state before and after",
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollHealthChanges.call(this);
	}
}
