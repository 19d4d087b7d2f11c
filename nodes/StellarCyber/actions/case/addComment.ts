import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRecord } from '../../../common/request';
import { stellarCyber } from '../../transport';
import { caseId, caseIdFields } from './case-id';

export const addCaseComment: Operation = {
	option: {
		name: 'Add Comment',
		value: 'addComment',
		action: 'Add a comment to a case',
		description: 'Write a comment on a case',
	},
	toolDescription:
		"Add a comment to one Stellar Cyber case, given the case ID (the case's _id). Returns the comment as stored. Use it to record what an automation found or did.",
	fields: [
		...caseIdFields,
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 3 },
		},
	],
	async execute(itemIndex) {
		const id = await caseId(this, itemIndex);
		const comment = String(this.getNodeParameter('comment', itemIndex));
		if (comment.trim() === '')
			throw new NodeOperationError(this.getNode(), 'The "Comment" parameter is empty', {
				itemIndex,
			});
		const request = {
			method: 'POST' as const,
			path: `/connect/api/v1/cases/${id}/comments`,
			body: { comment },
			about: `case ${decodeURIComponent(id)}`,
		};
		return await apiRecord.call(this, stellarCyber, request, ['data'], itemIndex);
	},
};
