import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../common/id-locator';
import { pathSegment } from '../../common/path-segment';

export function idProperty(
	displayName: string,
	name: string,
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		...(description ? { description } : {}),
	};
}

export const deploymentIdFields: INodeProperties[] = idLocator({
	displayName: 'Deployment ID',
	name: 'deploymentId',
	searchListMethod: 'searchDeployments',
	placeholder: 'e.g. 3c9f0a7d2b1e4f5a8c6d7e8f9a0b1c2d',
	pattern: { regex: '^[0-9a-f]{32}$', says: 'A deployment ID is 32 hexadecimal characters' },
	description: 'The deployment',
});

export const allocatorIdFields: INodeProperties[] = idLocator({
	displayName: 'Allocator ID',
	name: 'allocatorId',
	searchListMethod: 'searchAllocators',
	placeholder: 'e.g. 192.168.44.10',
	description: 'The allocator (ECE names allocators by their host IP)',
});

export const apiKeyIdFields: INodeProperties[] = idLocator({
	displayName: 'API Key ID',
	name: 'apiKeyId',
	searchListMethod: 'searchApiKeys',
	placeholder: 'e.g. 47978192f4fe915e3563',
	description: 'The API key (its ID, never the key itself)',
});

/** A required path id, URL-encoded, checked before the request. */
export function pathId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string {
	return pathSegment(
		context.getNode(),
		context.getNodeParameter(name, itemIndex, '', { extractValue: true }),
		displayName,
		itemIndex,
	);
}
