import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRecord } from '../../../common/request';
import { stellarCyber } from '../../transport';
import { withReadableTimes } from '../../case-times';
import { CASE_SEVERITIES, CASE_STATUSES, caseId, caseIdFields, tagList } from './case-id';

export const updateCase: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a case',
		description: 'Change the status, severity, assignee, tags or resolution of a case',
	},
	toolDescription:
		'Update one Stellar Cyber case, given the case ID: status (New, In Progress, Escalated, Resolved, Cancelled), severity (Low, Medium, High, Critical), assignee, resolution, tags to add or remove. Returns the case as changed. Changes the case.',
	fields: [
		...caseIdFields,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Assignee Name or ID',
					name: 'assignee',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getUsers' },
					default: '',
					description:
						'The user the case is assigned to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Resolution',
					name: 'resolution',
					type: 'string',
					default: '',
					description: "Stellar Cyber's own tools send False Positive, Benign or True Positive",
				},
				{
					displayName: 'Severity',
					name: 'severity',
					type: 'options',
					default: 'High',
					options: CASE_SEVERITIES,
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'In Progress',
					options: CASE_STATUSES,
				},
				{
					displayName: 'Tags to Add',
					name: 'tagsToAdd',
					type: 'string',
					default: '',
					description: 'Comma-separated',
				},
				{
					displayName: 'Tags to Remove',
					name: 'tagsToRemove',
					type: 'string',
					default: '',
					description: 'Comma-separated',
				},
			],
		},
	],
	async execute(itemIndex) {
		const id = await caseId(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		for (const name of ['status', 'severity', 'assignee', 'resolution'])
			if (fields[name]) body[name] = fields[name];
		const add = tagList(fields.tagsToAdd);
		const remove = tagList(fields.tagsToRemove);
		// {add} is what the vendor's tools send; delete is unattested: each side only when it has tags
		if (add.length > 0 || remove.length > 0)
			body.tags = {
				...(add.length > 0 ? { add } : {}),
				...(remove.length > 0 ? { delete: remove } : {}),
			};
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				'Nothing to update: add at least one field under "Update Fields"',
				{ itemIndex },
			);
		}
		const request = {
			method: 'PUT' as const,
			path: `/connect/api/v1/cases/${id}`,
			body,
			about: `case ${decodeURIComponent(id)}`,
		};
		return withReadableTimes(
			await apiRecord.call(this, stellarCyber, request, ['data'], itemIndex),
		);
	},
};
