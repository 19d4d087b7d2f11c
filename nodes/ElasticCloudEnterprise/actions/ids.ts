import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../common/path-segment';

export function idProperty(displayName: string, name: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', ...(description ? { description } : {}) };
}

/** A required path id, URL-encoded, checked before the request. */
export function pathId(context: IExecuteFunctions, itemIndex: number, name: string, displayName: string): string {
	return pathSegment(context.getNode(), context.getNodeParameter(name, itemIndex), displayName, itemIndex);
}
