import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { INCIDENT_STATUSES, incidentId, incidentIdFields } from './incident-id';

export const updateIncidentStatus: Operation = {
	option: {
		name: 'Update Status',
		value: 'updateStatus',
		action: 'Update the status of an incident',
		description: 'Set the status of an incident',
	},
	toolDescription:
		'Set the status of one UTMStack incident, given the numeric incident ID (Open, In Review, Completed or Merged), with an optional solution. Returns the incident as changed. Changes the incident.',
	fields: [
		...incidentIdFields,
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'IN_REVIEW',
			options: INCIDENT_STATUSES,
		},
		{
			displayName: 'Solution',
			name: 'solution',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			description: 'How it was resolved (kept when empty)',
		},
	],
	async execute(itemIndex) {
		const id = incidentId(this, itemIndex);
		const status = this.getNodeParameter('status', itemIndex) as string;
		const solution = this.getNodeParameter('solution', itemIndex, '') as string;
		// change-status takes the whole incident: read it, change the status, write it back.
		const incident = (await apiRequest.call(
			this,
			utmStack,
			{ method: 'GET', path: `/api/utm-incidents/${id}`, about: `incident ${id}` },
			itemIndex,
		)) as IDataObject;
		const body: IDataObject = {
			...incident,
			incidentStatus: status,
			...(solution ? { incidentSolution: solution } : {}),
		};
		return await apiRequest.call(
			this,
			utmStack,
			{ method: 'PUT', path: '/api/utm-incidents/change-status', body, about: `incident ${id}` },
			itemIndex,
		);
	},
};
