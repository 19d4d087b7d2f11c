import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, executeOperations } from '../common/operations';
import { immutaResources } from './actions';

export class Immuta implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Immuta',
		name: 'immuta',
		icon: 'file:../../icons/immuta.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read users, data sources, projects, global policies and audit records in Immuta',
		defaults: { name: 'Immuta' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'immutaApi', required: true }],
		properties: describeResources(immutaResources, 'dataSource'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, immutaResources);
	}
}
