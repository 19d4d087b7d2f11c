import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../../../common/id-locator';
import { pathSegment } from '../../../common/path-segment';
import type { Operation } from '../../../common/operations';
import { recordAt } from '../../../common/answer-parts';
import { apiRead } from '../../../common/request';
import { stellarCyber } from '../../transport';
import { tagList } from '../case/case-id';
import { DEFAULT_ALERT_INDEX, alertIndex } from './alert-index';
import { DATA_API_FORBIDDEN } from '../../listings';

// New, In Progress, Cancelled and Closed are the statuses jira-case-sync sets; Ignored is unattested (kept for saved workflows)
const ALERT_STATUSES = ['Cancelled', 'Closed', 'Ignored', 'In Progress', 'New'].map((name) => ({
	name,
	value: name,
}));

export const updateAlert: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an alert',
		description: 'Change the status, comment or tags of a security event',
	},
	toolDescription:
		"Update one Stellar Cyber alert, given its _id (and its _index, or the pattern aella-ser-* to find it): set its status (New, In Progress, Cancelled, Closed), add a comment, add or remove tags. Returns the platform's answer. Changes the alert.",
	fields: [
		{
			displayName: 'Index',
			name: 'index',
			type: 'string',
			required: true,
			default: '',
			description: 'The _index of the alert',
			displayOptions: { show: { '@version': [1] } },
		},
		{
			displayName: 'Index',
			name: 'index',
			type: 'string',
			required: true,
			default: DEFAULT_ALERT_INDEX,
			description:
				"The alert's _index, or a pattern such as aella-ser-* (the alert is then found by its ID first)",
			displayOptions: { hide: { '@version': [1] } },
		},
		...idLocator({
			displayName: 'Alert ID',
			name: 'alertId',
			searchListMethod: 'searchAlerts',
			placeholder: 'e.g. 9f86d081884c7d659a2f',
			description: 'The _id of the alert',
		}),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'In Progress',
					options: ALERT_STATUSES,
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
		const id = pathSegment(
			this.getNode(),
			this.getNodeParameter('alertId', itemIndex, '', { extractValue: true }),
			'Alert ID',
			itemIndex,
		);
		const pattern = String(this.getNodeParameter('index', itemIndex)).trim();
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.status) body.status = fields.status;
		if (fields.comment) body.comments = fields.comment;
		// op add is what jira-case-sync sends; op delete is unattested (a refusal would be the platform's error, not a quiet result)
		const tags = [
			...tagList(fields.tagsToAdd).map((tag) => ({ op: 'add', tag })),
			...tagList(fields.tagsToRemove).map((tag) => ({ op: 'delete', tag })),
		];
		if (tags.length > 0) body.event_tags = tags;
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				'Nothing to update: add at least one field under "Update Fields"',
				{ itemIndex },
			);
		}
		const index = pathSegment(
			this.getNode(),
			await alertIndex(this, pattern, decodeURIComponent(id), itemIndex),
			'Index',
			itemIndex,
		);
		const path = `/connect/api/v1/security_events/${index}/${id}`;
		const request = {
			method: 'POST' as const,
			path,
			body,
			about: `alert ${decodeURIComponent(id)} in ${decodeURIComponent(index)}`,
			forbidden: DATA_API_FORBIDDEN,
		};
		// The answer is unattested (every public client ignores it): its record under `data` when there is one,
		// else what was done; another kind is an error, never output.
		const answer = await apiRead.call(
			this,
			stellarCyber,
			{ ...request, expectsJson: false },
			(body) => {
				const data = body === undefined || body === '' ? undefined : recordAt(body, []).data;
				return data === undefined
					? { success: true, index: decodeURIComponent(index), id: decodeURIComponent(id) }
					: recordAt(data, []);
			},
			itemIndex,
		);
		return answer;
	},
};
