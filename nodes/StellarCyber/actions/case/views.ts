import type { IDataObject } from 'n8n-workflow';

import { listAt, recordAt, textAt } from '../../../common/answer-parts';
import type { Operation } from '../../../common/operations';
import { apiRead } from '../../../common/request';
import { stellarCyber } from '../../transport';
import { caseId, caseIdFields } from './case-id';

/**
 * A case's side views (GET /cases/{id}/<view>), each read as the vendor's own sync tools read it
 * (docs/provenance.md): the summary as text, the observables by type, the scores as a list of events.
 */
function caseView(
	view: 'summary' | 'observables' | 'scores',
	option: Operation['option'],
	toolDescription: string,
	read: (body: unknown, caseId: string) => IDataObject,
	qs?: IDataObject,
): Operation {
	return {
		option,
		toolDescription,
		fields: [...caseIdFields],
		async execute(itemIndex) {
			const id = await caseId(this, itemIndex);
			const request = {
				method: 'GET' as const,
				path: `/connect/api/v1/cases/${id}/${view}`,
				qs,
				about: `case ${decodeURIComponent(id)}`,
			};
			return await apiRead.call(
				this,
				stellarCyber,
				request,
				(body) => read(body, decodeURIComponent(id)),
				itemIndex,
			);
		},
	};
}

export const getCaseSummary = caseView(
	'summary',
	{
		name: 'Get Summary',
		value: 'getSummary',
		action: 'Get a case summary',
		description: 'Read the text Stellar Cyber writes about a case',
	},
	'Get the summary Stellar Cyber writes of one case, given its case ID (_id): a text of a few lines (kill chain stages, tactics, hosts involved). Use it to describe a case in a ticket or a message.',
	(body, id) => ({ caseId: id, summary: textAt(body, ['data']) }),
	// every public client asks for the text form; no public source shows the answer without it
	{ formatted: 'true' },
);

export const getCaseObservables = caseView(
	'observables',
	{
		name: 'Get Observables',
		value: 'getObservables',
		action: 'Get the observables of a case',
		description: 'Read the IPs, hosts and other observables a case involves',
	},
	'Get the observables of one Stellar Cyber case (IP addresses, hosts, users...), grouped by type, given its case ID (_id). Use them to look the indicators up elsewhere or to block them.',
	(body, id) => ({ caseId: id, observables: recordAt(body, ['observables']) }),
);

export const getCaseScores = caseView(
	'scores',
	{
		name: 'Get Scores',
		value: 'getScores',
		action: 'Get the score history of a case',
		description: 'Read how the score of a case changed, newest first',
	},
	'Get the score history of one Stellar Cyber case, given its case ID (_id): each score event with its time and reasons, newest first, and the newest one as `latest`.',
	(body, id) => {
		const events = [...listAt(body, ['data'])].sort(
			(a, b) => Number(b.timestamp ?? 0) - Number(a.timestamp ?? 0),
		);
		return { caseId: id, latest: events[0] ?? null, scores: events };
	},
);
