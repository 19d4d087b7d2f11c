import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { stellarCyber } from '../../transport';
import { caseId, caseIdFields } from './case-id';

/** One of a case's side views (GET /cases/{id}/<view>), as the platform answers it under `data`. */
function caseView(view: 'summary' | 'observables' | 'scores', option: Operation['option'], toolDescription: string): Operation {
	return {
		option,
		toolDescription,
		fields: [...caseIdFields],
		async execute(itemIndex) {
			const id = caseId(this, itemIndex);
			const answer = await apiRequest.call(
				this,
				stellarCyber,
				{ method: 'GET', path: `/connect/api/v1/cases/${id}/${view}`, about: `case ${decodeURIComponent(id)}` },
				itemIndex,
			);
			return { caseId: decodeURIComponent(id), ...((answer.data as IDataObject | undefined) ?? {}) };
		},
	};
}

export const getCaseSummary = caseView(
	'summary',
	{ name: 'Get Summary', value: 'getSummary', action: 'Get a case summary', description: 'Read what a case is about: its alerts by name and its score' },
	'Get the summary Stellar Cyber keeps of one case, given its case ID (_id): the number and names of its alerts and its score. Use it to describe a case in a ticket or a message.',
);

export const getCaseObservables = caseView(
	'observables',
	{ name: 'Get Observables', value: 'getObservables', action: 'Get the observables of a case', description: 'Read the IPs, hosts and other observables a case involves' },
	'Get the observables of one Stellar Cyber case (IP addresses, hosts, users...), given its case ID (_id). Use them to look the indicators up elsewhere or to block them.',
);

export const getCaseScores = caseView(
	'scores',
	{ name: 'Get Scores', value: 'getScores', action: 'Get the scores of a case', description: 'Read the score and severity of a case' },
	'Get the score and severity of one Stellar Cyber case, given its case ID (_id).',
);
