import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { apiRequestFull } from '../common/request';
import type { NewRecordSource, TimeCursor } from '../common/new-records';
import type { SearchFilter } from '../UtmStack/search/filters';
import { SEARCH_PAGE_SIZE, searchPages } from '../UtmStack/search/pagination';
import { utmStack } from '../UtmStack/transport';

/** The alerts of an index pattern matching the filters, in @timestamp order, for the shared new-records loop. */
export function newAlertSource(this: IPollFunctions, indexPattern: string, filters: SearchFilter[]): NewRecordSource {
	const search = async (extra: IDataObject[], direction: 'asc' | 'desc', page: number, size: number) => {
		const request = searchPages({ indexPattern, sort: `@timestamp,${direction}` }, [...filters, ...extra]).request({ page, size, top: page * size });
		const response = await apiRequestFull.call(this, utmStack, { ...request, expectsJson: true });
		return Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
	};
	// 'now' as the upper end: an alert stamped ahead of the server clock is taken once its time has come.
	const since = (cursor: TimeCursor): IDataObject[] =>
		cursor.timeText === null ? [] : [{ field: '@timestamp', operator: 'IS_BETWEEN', value: [cursor.timeText, 'now'] }];

	return {
		scope: 'newAlert',
		pageSize: SEARCH_PAGE_SIZE,
		// skip is always a whole number of pages: the shared loop keeps one page size.
		page: async (cursor, size, skip) => await search(since(cursor), 'asc', Math.floor(skip / size) + 1, size),
		newest: async (size, skip) => await search([], 'desc', Math.floor(skip / size) + 1, size),
		timeOf: (alert) => ({ time: Date.parse(String(alert['@timestamp'])), text: String(alert['@timestamp']) }),
		idOf: (alert) => String(alert.id),
	};
}
