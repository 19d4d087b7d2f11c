import type { IDataObject } from 'n8n-workflow';

import type { PageStrategy } from '../common/paginate';

interface SkipCursor {
	skip: number;
	limit: number;
}

/** skip/limit pages. `listOf` finds the records in an answer, `totalOf` the total when the endpoint states it. */
export function skipLimitPages(
	path: string,
	query: IDataObject,
	maxLimit: number,
	listOf: (body: IDataObject) => IDataObject[],
	totalOf?: (body: IDataObject) => number | undefined,
): PageStrategy<SkipCursor> {
	return {
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
