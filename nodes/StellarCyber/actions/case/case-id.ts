import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../common/path-segment';

export const caseIdProperty: INodeProperties = { displayName: 'Case ID', name: 'caseId', type: 'string', required: true, default: '' };

export function caseId(context: IExecuteFunctions, itemIndex: number): string {
	return pathSegment(context.getNode(), context.getNodeParameter('caseId', itemIndex), 'Case ID', itemIndex);
}

export const CASE_STATUSES = ['Cancelled', 'Escalated', 'In Progress', 'New', 'Resolved'].map((name) => ({ name, value: name }));
export const CASE_SEVERITIES = ['Critical', 'High', 'Low', 'Medium'].map((name) => ({ name, value: name }));

export function tagList(raw: unknown): string[] {
	return String(raw ?? '')
		.split(',')
		.map((tag) => tag.trim())
		.filter((tag) => tag !== '');
}
