import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, executeOperations } from '../common/operations';
import { stellarCyberMethods } from './methods';
import { stellarCyberResources } from './actions';

export class StellarCyber implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stellar Cyber',
		name: 'stellarCyber',
		icon: {
			light: 'file:../../icons/stellar-cyber.svg',
			dark: 'file:../../icons/stellar-cyber.dark.svg',
		},
		group: ['transform'],
		// 2: record ids picked from a list (resource locators); version 1 workflows keep their text fields.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with cases, alerts and tenants in Stellar Cyber Open XDR',
		defaults: { name: 'Stellar Cyber' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'stellarCyberApi', required: true }],
		properties: describeResources(stellarCyberResources, 'case'),
	};

	methods = stellarCyberMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, stellarCyberResources);
	}
}
