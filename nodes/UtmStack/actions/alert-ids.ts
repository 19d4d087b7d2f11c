import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../../common/id-locator';
import { apiList } from '../../common/request';
import { SEARCH_PAGE_SIZE, alertsWithIds } from '../search/listings';
import { utmStack } from '../transport';
import { utmStackId } from '../record-id';

export const alertIdsProperty: INodeProperties = {
	displayName: 'Alert IDs',
	name: 'alertIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f2c9a1e-..., 8b1d...',
	description: 'One or more alert IDs, comma-separated',
};

/** One alert, picked From List (newest first) or typed By ID. */
export const alertIdFields: INodeProperties[] = idLocator({
	displayName: 'Alert ID',
	name: 'alertId',
	searchListMethod: 'searchAlerts',
	placeholder: 'e.g. 3f2c9a1e-7b8d-4c1e-9f00-2a6b5c4d3e21',
	description: 'The alert (its id)',
});

export function alertId(context: IExecuteFunctions, itemIndex: number): string {
	const id = String(
		context.getNodeParameter('alertId', itemIndex, '', { extractValue: true }),
	).trim();
	if (id === '')
		throw new NodeOperationError(context.getNode(), 'The "Alert ID" parameter is empty', {
			itemIndex,
		});
	return id;
}

export function alertIds(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter = 'alertIds',
	displayName = 'Alert IDs',
): string[] {
	const raw = context.getNodeParameter(parameter, itemIndex, '') as string | string[];
	const ids = (Array.isArray(raw) ? raw.map(String) : String(raw).split(','))
		.map((id) => id.trim())
		.filter((id) => id !== '');
	if (ids.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			`The "${displayName}" parameter must list at least one ID`,
			{ itemIndex },
		);
	}
	return [...new Set(ids)];
}

/**
 * The alerts of these ids, or an error naming the ids UTMStack has no alert for. UTMStack changes alerts
 * by query and answers success for an id it does not have, so without this look a typo would pass as done.
 */
export async function existingAlerts(
	context: IExecuteFunctions,
	ids: string[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const found = new Map<string, IDataObject>();
	for (let start = 0; start < ids.length; start += SEARCH_PAGE_SIZE) {
		const alerts = await apiList.call(
			context,
			utmStack,
			alertsWithIds(ids.slice(start, start + SEARCH_PAGE_SIZE)),
			[],
			itemIndex,
		);
		for (const alert of alerts) found.set(utmStackId(alert), alert);
	}
	const missing = ids.filter((id) => !found.has(id));
	if (missing.length > 0) {
		const named =
			missing.length === 1
				? `alert ${missing[0]}`
				: `alerts ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`;
		throw new NodeOperationError(context.getNode(), `UTMStack has no ${named}`, {
			itemIndex,
			description:
				'Check the alert IDs (an alert search returns them in "id"). Nothing was changed.',
		});
	}
	return ids.map((id) => found.get(id) as IDataObject);
}
