import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export function idProperty(displayName: string, name: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', ...(description ? { description } : {}) };
}

/** A required path id, URL-encoded, checked before the request. */
export function pathId(context: IExecuteFunctions, itemIndex: number, name: string, displayName: string): string {
	const id = String(context.getNodeParameter(name, itemIndex)).trim();
	if (id === '') throw new NodeOperationError(context.getNode(), `The "${displayName}" parameter is empty`, { itemIndex });
	return encodeURIComponent(id);
}
