import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, executeOperations } from '../common/operations';
import { stellarCyberResources } from './actions';

export class StellarCyber implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stellar Cyber',
		name: 'stellarCyber',
		icon: 'file:../../icons/stellarcyber.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with cases, alerts and tenants in Stellar Cyber Open XDR',
		defaults: { name: 'Stellar Cyber' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'stellarCyberApi', required: true }],
		properties: describeResources(stellarCyberResources, 'case'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, stellarCyberResources);
	}
}
