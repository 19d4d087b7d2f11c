import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const alertIdsProperty: INodeProperties = {
	displayName: 'Alert IDs',
	name: 'alertIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f2c9a1e-..., 8b1d...',
	description: 'One or more alert IDs, comma-separated',
};

export function alertIds(context: IExecuteFunctions, itemIndex: number, parameter = 'alertIds', displayName = 'Alert IDs'): string[] {
	const raw = context.getNodeParameter(parameter, itemIndex, '') as string | string[];
	const ids = (Array.isArray(raw) ? raw.map(String) : String(raw).split(','))
		.map((id) => id.trim())
		.filter((id) => id !== '');
	if (ids.length === 0) {
		throw new NodeOperationError(context.getNode(), `The "${displayName}" parameter must list at least one ID`, { itemIndex });
	}
	return ids;
}
