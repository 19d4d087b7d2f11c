import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
import { stellarCyber } from '../../transport';
import { caseId, caseIdFields } from './case-id';

export const getCaseComments: Operation = {
	option: {
		name: 'Get Comments',
		value: 'getComments',
		action: 'Get the comments of a case',
		description: 'List the comments on a case',
	},
	toolDescription:
		'List the comments of one Stellar Cyber case, given the case ID. Returns one record per comment with its text, author and time.',
	fields: [...caseIdFields],
	async execute(itemIndex) {
		const id = await caseId(this, itemIndex);
		const request = {
			method: 'GET' as const,
			path: `/connect/api/v1/cases/${id}/comments`,
			about: `case ${decodeURIComponent(id)}`,
		};
		return await apiList.call(this, stellarCyber, request, ['data'], itemIndex);
	},
};
