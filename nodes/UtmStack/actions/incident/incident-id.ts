import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const incidentIdProperty: INodeProperties = {
	displayName: 'Incident ID',
	name: 'incidentId',
	type: 'string',
	required: true,
	default: '',
	description: 'The number of the incident',
};

export function incidentId(context: IExecuteFunctions, itemIndex: number): number {
	const raw = String(context.getNodeParameter('incidentId', itemIndex)).trim();
	if (!/^\d+$/.test(raw)) {
		throw new NodeOperationError(context.getNode(), `The "Incident ID" parameter "${raw}" is not an incident number`, { itemIndex });
	}
	return Number(raw);
}

export const INCIDENT_STATUSES = [
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'In Review', value: 'IN_REVIEW' },
	{ name: 'Merged', value: 'MERGED' },
	{ name: 'Open', value: 'OPEN' },
];
