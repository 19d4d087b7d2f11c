import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../../../common/id-locator';
import type { Operation } from '../../../common/operations';
import { existingAlerts } from '../alert-ids';

export const getAlert: Operation = {
	option: { name: 'Get', value: 'get', action: 'Get an alert', description: 'Read one alert by its ID' },
	toolDescription:
		'Get one UTMStack alert by its alert ID. Returns the alert: name, severity, status, category, source and destination, tags, notes and time. Use it to look at an alert before acting on it.',
	fields: [
		...idLocator({ displayName: 'Alert ID', name: 'alertId', searchListMethod: 'searchAlerts', placeholder: 'e.g. 3f2c9a1e-7b8d-4c1e-9f00-2a6b5c4d3e21', description: 'The alert (its id)' }),
	],
	async execute(itemIndex) {
		const alertId = String(this.getNodeParameter('alertId', itemIndex, '', { extractValue: true })).trim();
		if (alertId === '') throw new NodeOperationError(this.getNode(), 'The "Alert ID" parameter is empty', { itemIndex });
		const [alert] = await existingAlerts(this, [alertId], itemIndex);
		return alert;
	},
};
