import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { alertId, alertIdFields, existingAlerts } from '../alert-ids';

export const addAlertNote: Operation = {
	option: {
		name: 'Add Note',
		value: 'addNote',
		action: 'Add a note to an alert',
		description: 'Write a note on one alert',
	},
	toolDescription:
		"Add a note to one UTMStack alert, given the alert ID, below the notes it has. Returns success, the alert ID, the note added and the alert's notes as they are now. Use it to record what an automation found or did.",
	fields: [
		...alertIdFields,
		{
			displayName: 'Note',
			name: 'note',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 3 },
		},
	],
	async execute(itemIndex) {
		const id = alertId(this, itemIndex);
		const note = String(this.getNodeParameter('note', itemIndex));
		if (note.trim() === '')
			throw new NodeOperationError(this.getNode(), 'The "Note" parameter is empty', { itemIndex });
		const [alert] = await existingAlerts(this, [id], itemIndex);
		// An alert has one notes text, which this request replaces (UtmAlertServiceImpl: ctx._source.notes = ...),
		// as UTMStack's own screen edits it whole: the note goes below the ones already there.
		const earlier = typeof alert?.notes === 'string' ? alert.notes.trim() : '';
		const notes = earlier === '' ? note : `${earlier}\n${note}`;
		// UTMStack takes the notes as the raw request body, not JSON.
		await apiRequest.call(
			this,
			utmStack,
			{
				method: 'POST',
				path: '/api/utm-alerts/notes',
				qs: { alertId: id },
				body: notes,
				headers: { 'Content-Type': 'text/plain' },
			},
			itemIndex,
		);
		return { success: true, alertId: id, note, notes };
	},
};
