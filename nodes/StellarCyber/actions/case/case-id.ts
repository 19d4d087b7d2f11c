import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listAt } from '../../../common/answer-parts';
import { idLocator } from '../../../common/id-locator';
import { pathSegment } from '../../../common/path-segment';
import { apiList } from '../../../common/request';
import { EVERY_CASE } from '../../case-query';
import { stellarCyber } from '../../transport';

const CASE_ID = /^[0-9a-fA-F]{24}$/;
const TICKET = /^#?\d+$/;

/** Where a person finds a case's _id: said in the field, its check, and the errors alike. */
const WHERE_THE_ID_IS =
	'the _id of a case (24 hexadecimal characters, as Case > Get Many returns it): pick the case From List, or name it By Ticket Number (the #1009 Stellar Cyber shows)';

export const caseIdFields: INodeProperties[] = idLocator({
	displayName: 'Case ID',
	name: 'caseId',
	searchListMethod: 'searchCases',
	placeholder: 'e.g. 64f1c2a9e4b0a1b2c3d4e5f6',
	pattern: {
		regex: CASE_ID.source,
		says: `A Stellar Cyber case ID is ${WHERE_THE_ID_IS}`,
	},
	description: 'The case: picked from the list, its _id, or its ticket number',
	modes: [
		{
			displayName: 'By Ticket Number',
			name: 'ticket',
			type: 'string',
			placeholder: 'e.g. 1009',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: TICKET.source,
						errorMessage:
							'A ticket number is the number Stellar Cyber shows on a case, like 1009 or #1009',
					},
				},
			],
		},
	],
});

/**
 * The case the node parameter names, as the _id Stellar Cyber's case routes take. A ticket number (the "By Ticket
 * Number" mode) is looked up with GET /connect/api/v1/cases?ticket_id= (stellarcyber/jira-case-sync's
 * get_stellar_case), over every creation time, and must match exactly one case; a number typed as an _id is
 * refused with where the _id is.
 */
export async function caseId(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	const raw = context.getNodeParameter('caseId', itemIndex, '') as unknown;
	const mode = raw && typeof raw === 'object' ? String((raw as IDataObject).mode ?? '') : 'id';
	const value = String(
		context.getNodeParameter('caseId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (mode === 'ticket') return await caseIdOfTicket(context, itemIndex, value);
	if (TICKET.test(value) && !CASE_ID.test(value))
		throw new NodeOperationError(
			context.getNode(),
			`"${value}" is a ticket number, not a case ID`,
			{ itemIndex, description: `The Case ID is ${WHERE_THE_ID_IS}.` },
		);
	return pathSegment(context.getNode(), value, 'Case ID', itemIndex);
}

async function caseIdOfTicket(
	context: IExecuteFunctions,
	itemIndex: number,
	typed: string,
): Promise<string> {
	if (!TICKET.test(typed))
		throw new NodeOperationError(
			context.getNode(),
			`"${typed}" is not a ticket number (the number Stellar Cyber shows on a case, like 1009)`,
			{ itemIndex },
		);
	const ticket = typed.replace(/^#/, '');
	const cases = await apiList.call(
		context,
		stellarCyber,
		{ method: 'GET', path: '/connect/api/v1/cases', qs: { ...EVERY_CASE, ticket_id: ticket } },
		(body) => listAt(body, ['data', 'cases']),
		itemIndex,
	);
	// kept only on an exact ticket number: a platform that ignored the filter would answer other cases
	const found = cases.filter((record) => String(record.ticket_id) === ticket);
	if (found.length === 0)
		throw new NodeOperationError(context.getNode(), `Stellar Cyber has no case #${ticket}`, {
			itemIndex,
			description:
				'The ticket number is the one Stellar Cyber shows on a case; Case > Get Many lists them as ticket_id.',
		});
	if (found.length > 1)
		throw new NodeOperationError(
			context.getNode(),
			`Stellar Cyber has ${found.length} cases #${ticket} (in the tenants ${found.map((record) => String(record.tenant_name ?? record.cust_id ?? '?')).join(', ')})`,
			{
				itemIndex,
				description: `Name the case by its _id instead: ${WHERE_THE_ID_IS.split(': ')[0]}.`,
			},
		);
	return pathSegment(context.getNode(), String(found[0]._id ?? ''), 'Case ID', itemIndex);
}

export const CASE_STATUSES = ['Cancelled', 'Escalated', 'In Progress', 'New', 'Resolved'].map(
	(name) => ({ name, value: name }),
);
export const CASE_SEVERITIES = ['Critical', 'High', 'Low', 'Medium'].map((name) => ({
	name,
	value: name,
}));

export function tagList(raw: unknown): string[] {
	return String(raw ?? '')
		.split(',')
		.map((tag) => tag.trim())
		.filter((tag) => tag !== '');
}
