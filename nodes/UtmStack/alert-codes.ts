/** UTMStack stores an alert's severity and status as numbers; these are the names its console shows. */

export const ALERT_SEVERITIES = [
	{ name: 'Low', value: 1 },
	{ name: 'Medium', value: 2 },
	{ name: 'High', value: 3 },
];

export const ALERT_STATUSES = [
	{ name: 'Automatic Review', value: 1 },
	{ name: 'Open', value: 2 },
	{ name: 'In Review', value: 3 },
	{ name: 'Completed', value: 5 },
];
