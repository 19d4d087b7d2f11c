import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, executeOperations } from '../common/operations';
import { eceMethods } from './methods';
import { eceResources } from './actions';

export class ElasticCloudEnterprise implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Elastic Cloud Enterprise',
		name: 'elasticCloudEnterprise',
		icon: {
			light: 'file:../../icons/elastic-cloud-enterprise.svg',
			dark: 'file:../../icons/elastic-cloud-enterprise.dark.svg',
		},
		group: ['transform'],
		// 2: record ids picked from a list (resource locators); version 1 workflows keep their text fields.
		// 3: changes that start a plan wait for its outcome by default; saved version 1 and 2 workflows do not.
		version: [1, 2, 3],
		defaultVersion: 3,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage deployments, allocators and API keys of Elastic Cloud Enterprise',
		defaults: { name: 'Elastic Cloud Enterprise' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'elasticCloudEnterpriseApi', required: true }],
		// API key Create answers the new key once (ECE's ApiKeyResponse.key), declared for n8n's redaction of what it
		// serves. n8n 2.41.1 leaves that strategy unwired (PR 30198) and 1.x does not know it: README says so.
		sensitiveOutputFields: ['key'],
		properties: describeResources(eceResources, 'deployment'),
	};

	methods = eceMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, eceResources);
	}
}
