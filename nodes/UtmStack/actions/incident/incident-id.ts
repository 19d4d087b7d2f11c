import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocator } from '../../../common/id-locator';

export const incidentIdFields: INodeProperties[] = idLocator({
	displayName: 'Incident ID',
	name: 'incidentId',
	searchListMethod: 'searchIncidents',
	placeholder: 'e.g. 1042',
	pattern: { regex: '^\\d+$', says: 'A UTMStack incident ID is a number' },
	description: 'The incident (its number)',
});

export function incidentId(context: IExecuteFunctions, itemIndex: number): number {
	const raw = String(
		context.getNodeParameter('incidentId', itemIndex, '', { extractValue: true }),
	).trim();
	if (!/^\d+$/.test(raw)) {
		throw new NodeOperationError(
			context.getNode(),
			`The "Incident ID" parameter "${raw}" is not an incident number`,
			{ itemIndex },
		);
	}
	return Number(raw);
}

export const INCIDENT_STATUSES = [
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'In Review', value: 'IN_REVIEW' },
	{ name: 'Merged', value: 'MERGED' },
	{ name: 'Open', value: 'OPEN' },
];
