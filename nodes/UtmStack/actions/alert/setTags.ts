import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { alertIds, alertIdsProperty, existingAlerts } from '../alert-ids';

export const setAlertTags: Operation = {
	option: {
		name: 'Set Tags',
		value: 'setTags',
		action: 'Set the tags of alerts',
		description: 'Replace the tags of one or more alerts',
	},
	toolDescription:
		'Replace the tags of one or more UTMStack alerts, given their alert IDs (comma-separated) and the tags. Returns success, the alert IDs and tags. Changes the alerts.',
	fields: [
		alertIdsProperty,
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Comma-separated; empty removes every tag',
		},
	],
	async execute(itemIndex) {
		const ids = alertIds(this, itemIndex);
		const tags = String(this.getNodeParameter('tags', itemIndex, ''))
			.split(',')
			.map((tag) => tag.trim())
			.filter((tag) => tag !== '');
		await existingAlerts(this, ids, itemIndex);
		await apiRequest.call(
			this,
			utmStack,
			{
				method: 'POST',
				path: '/api/utm-alerts/tags',
				body: { alertIds: ids, tags, createRule: false },
			},
			itemIndex,
		);
		return { success: true, alertIds: ids, tags };
	},
};
