import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export function idProperty(displayName: string, name: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '' };
}

/** A numeric Immuta id, checked before the request. */
export function recordId(context: IExecuteFunctions, itemIndex: number, name: string, displayName: string): string {
	const id = String(context.getNodeParameter(name, itemIndex)).trim();
	if (!/^\d+$/.test(id)) throw new NodeOperationError(context.getNode(), `The "${displayName}" parameter "${id}" is not an Immuta ID (a number)`, { itemIndex });
	return id;
}
