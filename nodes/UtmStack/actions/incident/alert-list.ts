import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { alertIds, existingAlerts } from '../alert-ids';

/** Where an incident's alerts come from: IDs typed in, or the alerts of the input items (a search before it). */
export const alertSourceFields: INodeProperties[] = [
	{
		displayName: 'Alerts From',
		name: 'alertSource',
		type: 'options',
		default: 'ids',
		options: [
			{ name: 'Alert IDs', value: 'ids', description: 'Alerts given by their IDs' },
			{
				name: 'Input Item',
				value: 'input',
				description: 'The alert in the input item, for example from a UTMStack search',
			},
		],
	},
	{
		displayName: 'Alert IDs',
		name: 'alertIds',
		type: 'string',
		default: '',
		description: 'One or more alert IDs, comma-separated',
		displayOptions: { show: { alertSource: ['ids'] } },
	},
];

const entry = (alert: IDataObject): IDataObject => ({
	alertId: alert.id,
	alertName: alert.name,
	alertStatus: alert.status,
	alertSeverity: alert.severity,
});

/** UTMStack's alertList entries, each with the alert's name, status and severity (looked up for IDs typed in). */
export async function alertList(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	if (context.getNodeParameter('alertSource', itemIndex, 'ids') === 'input') {
		const alert = context.getInputData()[itemIndex].json;
		if (typeof alert.id !== 'string' || alert.id === '') {
			throw new NodeOperationError(
				context.getNode(),
				'The input item has no alert "id": connect a UTMStack alert search, or choose Alert IDs',
				{ itemIndex },
			);
		}
		return [entry(alert)];
	}
	return (await existingAlerts(context, alertIds(context, itemIndex), itemIndex)).map(entry);
}
