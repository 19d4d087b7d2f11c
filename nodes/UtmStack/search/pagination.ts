import type { IDataObject } from 'n8n-workflow';

import type { PageStrategy } from '../../common/paginate';

/** UTMStack serves at most this many documents per page (Spring's clamp). */
export const SEARCH_PAGE_SIZE = 1000;
/** The most a Return All asks UTMStack for (`top`); UTMStack truncates the result there. */
export const RETURN_ALL_TOP = 1_000_000;

function totalCount(headers: IDataObject): number | undefined {
	const raw = headers['x-total-count'];
	const value = Number(Array.isArray(raw) ? raw[0] : raw);
	return Number.isFinite(value) ? value : undefined;
}

interface SearchCursor {
	page: number;
	size: number;
	top: number;
}

/**
 * POST /api/elasticsearch/search pages: 1-based (page 0 and 1 are the same page), `top` caps the result
 * and X-Total-Count = min(total, top); zero hits come back as [] with no headers.
 */
export function searchPages(query: IDataObject, filters: IDataObject[]): PageStrategy<SearchCursor> {
	return {
		start: (limit) => ({ page: 1, size: Math.min(limit ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE), top: limit ?? RETURN_ALL_TOP }),
		request: (cursor) => ({
			method: 'POST',
			path: '/api/elasticsearch/search',
			qs: { ...query, top: cursor.top, page: cursor.page, size: cursor.size },
			// UTMStack needs a JSON list even without filters; n8n drops an empty array body, so send it as text.
			body: filters.length > 0 ? filters : '[]',
			headers: { 'Content-Type': 'application/json' },
		}),
		read: (response, cursor) => {
			const items = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
			const total = totalCount(response.headers as IDataObject) ?? 0;
			const next = cursor.page * cursor.size < total ? { ...cursor, page: cursor.page + 1 } : undefined;
			return { items, next };
		},
	};
}

interface SpringCursor {
	page: number;
	size: number;
}

/** Spring Data pages (0-based page, size, X-Total-Count), as /api/utm-incidents serves them. */
export function springPages(path: string, query: IDataObject): PageStrategy<SpringCursor> {
	return {
		start: (limit) => ({ page: 0, size: Math.min(limit ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE) }),
		request: (cursor) => ({ method: 'GET', path, qs: { ...query, page: cursor.page, size: cursor.size } }),
		read: (response, cursor) => {
			const items = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
			const total = totalCount(response.headers as IDataObject) ?? 0;
			return { items, next: (cursor.page + 1) * cursor.size < total ? { ...cursor, page: cursor.page + 1 } : undefined };
		},
	};
}
