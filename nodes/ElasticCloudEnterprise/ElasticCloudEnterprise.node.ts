import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, executeOperations } from '../common/operations';
import { eceResources } from './actions';

export class ElasticCloudEnterprise implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Elastic Cloud Enterprise',
		name: 'elasticCloudEnterprise',
		icon: 'file:../../icons/ece.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage deployments, allocators and API keys of Elastic Cloud Enterprise',
		defaults: { name: 'Elastic Cloud Enterprise' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'elasticCloudEnterpriseApi', required: true }],
		properties: describeResources(eceResources, 'deployment'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, eceResources);
	}
}
