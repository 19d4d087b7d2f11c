import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../../common/id-locator';

const NUMBER = { regex: '^\\d+$', says: 'An Immuta ID is a number' };

export const dataSourceIdFields: INodeProperties[] = idLocator({
	displayName: 'Data Source ID',
	name: 'dataSourceId',
	searchListMethod: 'searchDataSources',
	placeholder: 'e.g. 42',
	pattern: NUMBER,
});

export const projectIdFields: INodeProperties[] = idLocator({
	displayName: 'Project ID',
	name: 'projectId',
	searchListMethod: 'searchProjects',
	placeholder: 'e.g. 7',
	pattern: NUMBER,
});

/** A numeric Immuta id, checked before the request. */
export function recordId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string {
	const id = String(context.getNodeParameter(name, itemIndex, '', { extractValue: true })).trim();
	if (!/^\d+$/.test(id))
		throw new NodeOperationError(
			context.getNode(),
			`The "${displayName}" parameter "${id}" is not an Immuta ID (a number)`,
			{ itemIndex },
		);
	return id;
}

export const groupIdFields: INodeProperties[] = idLocator({
	displayName: 'Group ID',
	name: 'groupId',
	searchListMethod: 'searchGroups',
	placeholder: 'e.g. 4',
	pattern: NUMBER,
});
