import type { IDataObject } from 'n8n-workflow';

import type { NewRecordSource } from '../common/new-records';
import { caseQuery, type CaseFilters } from '../StellarCyber/case-query';
import { MAX_CASES_PER_PAGE, caseTimeWalk } from '../StellarCyber/listings';
import { stellarCyber } from '../StellarCyber/transport';

export type CaseEvent = 'newCase' | 'updatedCase';

/** The cases matching the filters in created_at (new cases) or modified_at (updated cases) order. */
export function caseChangeSource(event: CaseEvent, filters: CaseFilters): NewRecordSource {
	const timeField = event === 'newCase' ? 'created_at' : 'modified_at';
	const query: IDataObject = caseQuery(filters);
	return {
		scope: event,
		api: stellarCyber,
		walk: caseTimeWalk(timeField, query),
		newest: (size, skip) => ({
			method: 'GET',
			path: '/connect/api/v1/cases',
			qs: {
				...query,
				sort: timeField,
				order: 'desc',
				skip,
				limit: Math.min(size, MAX_CASES_PER_PAGE),
			},
		}),
	};
}
