import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';

/**
 * Marks the alerts as part of the incident in the alert index (isIncident, incidentDetail), as UTMStack's
 * own screens do right after creating an incident or adding alerts to one: the incident endpoints record
 * the link for the incident only, so without this the alert view shows the alerts as free.
 */
export async function markAlertsAsIncident(
	context: IExecuteFunctions,
	alerts: IDataObject[],
	incident: IDataObject,
	itemIndex: number,
): Promise<void> {
	await apiRequest.call(
		context,
		utmStack,
		{
			method: 'POST',
			path: '/api/utm-alerts/convert-to-incident',
			body: {
				eventIds: alerts.map((alert) => String(alert.alertId)),
				incidentName: incident.incidentName,
				incidentId: incident.id,
				incidentSource: 'INCIDENT',
			},
			expectsJson: false,
		},
		itemIndex,
	);
}
