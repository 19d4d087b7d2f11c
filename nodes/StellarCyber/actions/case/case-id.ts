import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../../common/id-locator';
import { pathSegment } from '../../../common/path-segment';

export const caseIdFields: INodeProperties[] = idLocator({
	displayName: 'Case ID',
	name: 'caseId',
	searchListMethod: 'searchCases',
	placeholder: 'e.g. 64f1c2a9e4b0a1b2c3d4e5f6',
	pattern: {
		regex: '^[0-9a-fA-F]{24}$',
		says: 'A Stellar Cyber case ID is 24 hexadecimal characters (the _id of a case)',
	},
	description: 'The case (its _id)',
});

export function caseId(context: IExecuteFunctions, itemIndex: number): string {
	return pathSegment(
		context.getNode(),
		context.getNodeParameter('caseId', itemIndex, '', { extractValue: true }),
		'Case ID',
		itemIndex,
	);
}

export const CASE_STATUSES = ['Cancelled', 'Escalated', 'In Progress', 'New', 'Resolved'].map(
	(name) => ({ name, value: name }),
);
export const CASE_SEVERITIES = ['Critical', 'High', 'Low', 'Medium'].map((name) => ({
	name,
	value: name,
}));

export function tagList(raw: unknown): string[] {
	return String(raw ?? '')
		.split(',')
		.map((tag) => tag.trim())
		.filter((tag) => tag !== '');
}
