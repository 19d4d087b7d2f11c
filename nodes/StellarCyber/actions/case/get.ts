import type { Operation } from '../../../common/operations';
import { apiRecord } from '../../../common/request';
import { stellarCyber } from '../../transport';
import { withReadableTimes } from '../../case-times';
import { caseId, caseIdFields } from './case-id';

export const getCase: Operation = {
	option: { name: 'Get', value: 'get', action: 'Get a case', description: 'Read one case' },
	toolDescription:
		"Get one Stellar Cyber case by its case ID (the case's _id, 24 hexadecimal characters). Returns the case: name, status, severity, score, assignee, tags, tenant and created_at/modified_at (epoch milliseconds). Use it to look at a case before changing it.",
	fields: [...caseIdFields],
	async execute(itemIndex) {
		const id = await caseId(this, itemIndex);
		const request = {
			method: 'GET' as const,
			path: `/connect/api/v1/cases/${id}`,
			about: `case ${decodeURIComponent(id)}`,
		};
		return withReadableTimes(
			await apiRecord.call(this, stellarCyber, request, ['data'], itemIndex),
		);
	},
};
