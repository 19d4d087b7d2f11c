import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { alertList, alertSourceFields } from './alert-list';
import { incidentId, incidentIdFields } from './incident-id';
import { markAlertsAsIncident } from './mark-alerts';

export const addAlertsToIncident: Operation = {
	option: {
		name: 'Add Alerts',
		value: 'addAlerts',
		action: 'Add alerts to an incident',
		description: 'Link more alerts to an incident',
	},
	toolDescription:
		"Link UTMStack alerts to an existing incident, given the incident ID and the alerts. Returns the incident. Marks the alerts as part of it, as UTMStack's own screens do. Changes the incident.",
	fields: [...incidentIdFields, ...alertSourceFields],
	async execute(itemIndex) {
		const id = incidentId(this, itemIndex);
		const alerts = await alertList(this, itemIndex);
		const incident = await apiRequest.call(
			this,
			utmStack,
			{
				method: 'POST',
				path: '/api/utm-incidents/add-alerts',
				body: { incidentId: id, alertList: alerts },
				about: `incident ${id}`,
			},
			itemIndex,
		);
		await markAlertsAsIncident(this, alerts, incident, itemIndex);
		return incident;
	},
};
