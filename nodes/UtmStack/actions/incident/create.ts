import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { alertList, alertSourceFields } from './alert-list';
import { markAlertsAsIncident } from './mark-alerts';
import { userIdsFor } from '../../users';

export const createIncident: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an incident',
		description: 'Open an incident from one or more alerts',
	},
	toolDescription:
		'Create a UTMStack incident from one or more alerts, with a name and optionally a description and assignee. Returns the new incident with its ID, and marks the alerts as part of it. Changes the platform.',
	fields: [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
		...alertSourceFields,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
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
						'The user who handles it (UTMStack keeps user IDs; a login typed here is looked up). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					typeOptions: { rows: 3 },
				},
			],
		},
	],
	async execute(itemIndex) {
		const name = String(this.getNodeParameter('name', itemIndex)).trim();
		if (name === '')
			throw new NodeOperationError(this.getNode(), 'The "Name" parameter is empty', { itemIndex });
		const alerts = await alertList(this, itemIndex);
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as {
			assignee?: string;
			description?: string;
		};
		const assignees = await userIdsFor(
			this,
			String(extra.assignee ?? '')
				.split(',')
				.map((value) => value.trim())
				.filter(Boolean),
			itemIndex,
		);
		const incident = await apiRequest.call(
			this,
			utmStack,
			{
				method: 'POST',
				path: '/api/utm-incidents',
				body: {
					incidentName: name,
					alertList: alerts,
					// NOT NULL in UTMStack's table (UtmIncident @NotNull): always sent, '' when left empty
					incidentDescription: extra.description ?? '',
					...(assignees.length > 0 ? { incidentAssignedTo: assignees.join(',') } : {}),
				},
			},
			itemIndex,
		);
		await markAlertsAsIncident(this, alerts, incident, itemIndex);
		return incident;
	},
};
