import type { Operation } from '../../../common/operations';
import { alertId, alertIdFields, existingAlerts } from '../alert-ids';

export const getAlert: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an alert',
		description: 'Read one alert by its ID',
	},
	toolDescription:
		'Get one UTMStack alert by its alert ID. Returns the alert: name, severity, status, category, source and destination, tags, notes and time. Use it to look at an alert before acting on it.',
	fields: [...alertIdFields],
	async execute(itemIndex) {
		const [alert] = await existingAlerts(this, [alertId(this, itemIndex)], itemIndex);
		return alert;
	},
};
