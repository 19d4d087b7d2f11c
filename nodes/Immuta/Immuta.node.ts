import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, executeOperations } from '../common/operations';
import { immutaMethods } from './methods';
import { immutaResources } from './actions';

export class Immuta implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Immuta',
		name: 'immuta',
		icon: { light: 'file:../../icons/immuta.svg', dark: 'file:../../icons/immuta.dark.svg' },
		group: ['transform'],
		// 2: record ids picked from a list (resource locators); version 1 workflows keep their text fields.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read data sources, projects, policies and who has access in Immuta; disable users and change group memberships',
		defaults: { name: 'Immuta' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'immutaApi', required: true }],
		properties: describeResources(immutaResources, 'dataSource'),
	};

	methods = immutaMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, immutaResources);
	}
}
