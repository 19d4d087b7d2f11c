import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { incidentId, incidentIdFields } from './incident-id';

export const getIncident: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an incident',
		description: 'Read one incident by its number',
	},
	toolDescription:
		'Get one UTMStack incident by its numeric incident ID. Returns its name, status, severity, assignee, solution and times.',
	fields: [...incidentIdFields],
	async execute(itemIndex) {
		const id = incidentId(this, itemIndex);
		return (await apiRequest.call(
			this,
			utmStack,
			{ method: 'GET', path: `/api/utm-incidents/${id}`, about: `incident ${id}` },
			itemIndex,
		)) as IDataObject;
	},
};
