import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { ALERT_STATUSES } from '../../alert-codes';
import { utmStack } from '../../transport';
import { alertIds, alertIdsProperty, existingAlerts } from '../alert-ids';

export const updateAlertStatus: Operation = {
	option: {
		name: 'Update Status',
		value: 'updateStatus',
		action: 'Update the status of alerts',
		description: 'Set the status of one or more alerts',
	},
	toolDescription:
		'Set the status of one or more UTMStack alerts, given their alert IDs (comma-separated): Open, In Review or Completed (Automatic Review is set by UTMStack itself), with an observation. Returns success, the alert IDs and the new status. Changes the alerts.',
	fields: [
		alertIdsProperty,
		{ displayName: 'Status', name: 'status', type: 'options', default: 3, options: ALERT_STATUSES },
		{
			displayName: 'Observation',
			name: 'observation',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			description: 'Why the status changed',
		},
	],
	async execute(itemIndex) {
		const ids = alertIds(this, itemIndex);
		const status = this.getNodeParameter('status', itemIndex) as number;
		const observation = this.getNodeParameter('observation', itemIndex, '') as string;
		await existingAlerts(this, ids, itemIndex);
		await apiRequest.call(
			this,
			utmStack,
			{
				method: 'POST',
				path: '/api/utm-alerts/status',
				// always sent, '' when empty, as UTMStack's own screen does: left out, UTMStack stores the text "null"
				body: { alertIds: ids, status, statusObservation: observation },
			},
			itemIndex,
		);
		const statusLabel = ALERT_STATUSES.find((option) => option.value === status)?.name;
		return { success: true, alertIds: ids, status, statusLabel };
	},
};
