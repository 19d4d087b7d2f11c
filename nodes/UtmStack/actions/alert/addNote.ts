import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../../../common/id-locator';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { existingAlerts } from '../alert-ids';

export const addAlertNote: Operation = {
	option: { name: 'Add Note', value: 'addNote', action: 'Add a note to an alert', description: 'Write a note on one alert' },
	toolDescription:
		'Add a note to one UTMStack alert, given the alert ID. Returns success, the alert ID and the note. Use it to record what an automation found or did.',
	fields: [
		...idLocator({ displayName: 'Alert ID', name: 'alertId', searchListMethod: 'searchAlerts', placeholder: 'e.g. 3f2c9a1e-7b8d-4c1e-9f00-2a6b5c4d3e21', description: 'The alert (its id)' }),
		{ displayName: 'Note', name: 'note', type: 'string', required: true, default: '', typeOptions: { rows: 3 } },
	],
	async execute(itemIndex) {
		const alertId = String(this.getNodeParameter('alertId', itemIndex, '', { extractValue: true })).trim();
		const note = String(this.getNodeParameter('note', itemIndex));
		if (alertId === '') throw new NodeOperationError(this.getNode(), 'The "Alert ID" parameter is empty', { itemIndex });
		if (note.trim() === '') throw new NodeOperationError(this.getNode(), 'The "Note" parameter is empty', { itemIndex });
		await existingAlerts(this, [alertId], itemIndex);
		// UTMStack takes the note as the raw request body, not JSON.
		await apiRequest.call(this, utmStack, {
			method: 'POST',
			path: '/api/utm-alerts/notes',
			qs: { alertId },
			body: note,
			headers: { 'Content-Type': 'text/plain' },
		}, itemIndex);
		return { success: true, alertId, note };
	},
};
