import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { NewRecordSource } from '../common/new-records';
import { apiRequest } from '../common/request';
import { caseQuery, type CaseFilters } from '../StellarCyber/case-query';
import { stellarCyber } from '../StellarCyber/transport';

/** Stellar answers at most 500 cases per request. */
const MAX_CASES_PER_PAGE = 500;

export type CaseEvent = 'newCase' | 'updatedCase';

/** The cases matching the filters in created_at (new cases) or modified_at (updated cases) order. */
export function caseChangeSource(this: IPollFunctions, event: CaseEvent, filters: CaseFilters): NewRecordSource {
	const timeField = event === 'newCase' ? 'created_at' : 'modified_at';
	const query: IDataObject = { sort: timeField, ...caseQuery(filters) };

	const cases = async (qs: IDataObject) => {
		const body = await apiRequest.call(this, stellarCyber, { method: 'GET', path: '/connect/api/v1/cases', qs: { ...query, ...qs } });
		return ((body.data as IDataObject | undefined)?.cases as IDataObject[] | undefined) ?? [];
	};

	return {
		scope: event,
		pageSize: MAX_CASES_PER_PAGE,
		page: async (cursor, size, skip) =>
			await cases({ order: 'asc', skip, limit: size, ...(cursor.time === null ? {} : { [`FROM~${timeField}`]: cursor.time }) }),
		newest: async (size, skip) => await cases({ order: 'desc', skip, limit: size }),
		timeOf: (record) => {
			const time = Number(record[timeField]);
			return { time, text: String(time) };
		},
		idOf: (record) => String(record._id),
	};
}
