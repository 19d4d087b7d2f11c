import type { IDataObject } from 'n8n-workflow';

import type { PageStrategy } from '../common/paginate';
import type { TimeWalk } from '../common/time-walk';

interface SkipCursor {
	skip: number;
	limit: number;
}

/**
 * skip/limit pages. `listOf` finds the records in an answer, `totalOf` the total when the endpoint states it.
 * Records created during the read shift the pages: the repeats are dropped by id and reading goes on to the
 * total as it stands at each page.
 */
export function skipLimitPages(
	path: string,
	query: IDataObject,
	maxLimit: number,
	listOf: (body: IDataObject) => IDataObject[],
	totalOf?: (body: IDataObject) => number | undefined,
): PageStrategy<SkipCursor> {
	return {
		idOf: (record) => String(record._id),
		start: (limit) => ({ skip: 0, limit: Math.min(limit ?? maxLimit, maxLimit) }),
		request: (cursor) => ({ method: 'GET', path, qs: { ...query, skip: cursor.skip, limit: cursor.limit } }),
		read: (response, cursor) => {
			const body = (response.body ?? {}) as IDataObject;
			const items = listOf(body);
			const seen = cursor.skip + items.length;
			const total = totalOf?.(body);
			const more = total === undefined ? items.length === cursor.limit : seen < total;
			return { items, next: more ? { ...cursor, skip: seen } : undefined };
		},
	};
}

interface ScrollCursor {
	scrollId?: string;
	size: number;
}

export const SEARCH_PAGE_SIZE = 1000;

/** Raw Elasticsearch search through Stellar's data API: the first page opens a scroll, the next pages follow it. */
export function scrollPages(index: string, query: IDataObject, sort: unknown): PageStrategy<ScrollCursor> {
	return {
		start: (limit) => ({ size: Math.min(limit ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE) }),
		request: (cursor) =>
			cursor.scrollId === undefined
				? {
						method: 'POST',
						path: `/connect/api/data/${encodeURIComponent(index)}/_search`,
						qs: { scroll: '1m' },
						body: { query, size: cursor.size, ...(sort ? { sort } : {}) } as IDataObject,
					}
				: { method: 'POST', path: '/connect/api/data/_search/scroll', body: { scroll: '1m', scroll_id: cursor.scrollId } },
		read: (response, cursor) => {
			const body = (response.body ?? {}) as { _scroll_id?: string; hits?: { hits?: IDataObject[] } };
			const items = body.hits?.hits ?? [];
			const next = items.length === cursor.size && body._scroll_id ? { ...cursor, scrollId: body._scroll_id } : undefined;
			return { items, next };
		},
	};
}

/** Stellar answers at most 500 cases per request. */
export const MAX_CASES_PER_PAGE = 500;

export const casesOf = (body: IDataObject) => ((body.data as IDataObject | undefined)?.cases as IDataObject[] | undefined) ?? [];

/**
 * The cases walked oldest first by created_at or modified_at (FROM~<field> is inclusive): each query starts
 * at the last time read, so cases created or changed during the read neither repeat nor slip past it.
 * Stellar has no upper time bound, so this walk only goes forward in time.
 */
export function caseTimeWalk(timeField: 'created_at' | 'modified_at', query: IDataObject): TimeWalk {
	return {
		direction: 'asc',
		pageSize: MAX_CASES_PER_PAGE,
		request: (cursor, size, skip) => ({
			method: 'GET',
			path: '/connect/api/v1/cases',
			qs: { ...query, sort: timeField, order: 'asc', skip, limit: size, ...(cursor.time === null ? {} : { [`FROM~${timeField}`]: cursor.time }) },
		}),
		records: (response) => casesOf((response.body ?? {}) as IDataObject),
		totalOf: (response) => ((response.body as IDataObject | undefined)?.data as IDataObject | undefined)?.total as number | undefined,
		timeOf: (record) => {
			const time = Number(record[timeField]);
			return { time, text: String(time) };
		},
		textOf: String,
		idOf: (record) => String(record._id),
	};
}
