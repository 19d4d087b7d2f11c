import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, executeOperations } from '../common/operations';
import { utmStackMethods } from './methods';
import { utmStackResources } from './actions';

export class UtmStack implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UTMStack',
		name: 'utmStack',
		icon: { light: 'file:../../icons/utmstack.svg', dark: 'file:../../icons/utmstack.dark.svg' },
		group: ['transform'],
		// 2: record ids picked from a list (resource locators); version 1 workflows keep their text fields.
		// 3: a filter's field picked from the index pattern's fields; earlier workflows keep it as text.
		// 4: Sort By chosen from the index pattern's sortable fields; earlier workflows keep it as text.
		version: [1, 2, 3, 4],
		defaultVersion: 4,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Search alerts and logs, and handle alerts and incidents in UTMStack',
		defaults: { name: 'UTMStack' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'utmStackApi', required: true }],
		properties: describeResources(utmStackResources, 'alert'),
	};

	methods = utmStackMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, utmStackResources);
	}
}
