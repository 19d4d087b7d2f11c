import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { incidentId, incidentIdFields } from './incident-id';

export const addIncidentNote: Operation = {
	option: {
		name: 'Add Note',
		value: 'addNote',
		action: 'Add a note to an incident',
		description: 'Write a note on an incident',
	},
	toolDescription:
		'Add a note to one UTMStack incident, given the numeric incident ID. Returns the note as stored.',
	fields: [
		...incidentIdFields,
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
		const id = incidentId(this, itemIndex);
		const note = String(this.getNodeParameter('note', itemIndex));
		if (note.trim() === '')
			throw new NodeOperationError(this.getNode(), 'The "Note" parameter is empty', { itemIndex });
		return await apiRequest.call(
			this,
			utmStack,
			{
				method: 'POST',
				path: '/api/utm-incident-notes',
				body: { incidentId: id, noteText: note },
				about: `incident ${id}`,
			},
			itemIndex,
		);
	},
};
