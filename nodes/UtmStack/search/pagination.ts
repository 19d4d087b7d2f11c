import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { IncompleteReadError, type PageStrategy } from '../../common/paginate';
import type { TimeWalk } from '../../common/time-walk';
import type { ApiRequest } from '../../common/vendor-api';

/** UTMStack serves at most this many documents per page (Spring's clamp). */
export const SEARCH_PAGE_SIZE = 1000;
/** The most a Return All asks UTMStack for (`top`); UTMStack truncates the result there. */
export const RETURN_ALL_TOP = 1_000_000;
/**
 * OpenSearch's max_result_window, which UTMStack does not raise: from + size past it fails (HTTP 500),
 * and without track_total_hits the reported total stops there too.
 */
export const RESULT_WINDOW = 10_000;
/** The time field of UTMStack's alerts and logs. */
export const TIME_FIELD = '@timestamp';
/** The upper end of a time walk with no end: later than any document. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

function totalCount(headers: IDataObject): number | undefined {
	const raw = headers['x-total-count'];
	const value = Number(Array.isArray(raw) ? raw[0] : raw);
	return Number.isFinite(value) ? value : undefined;
}

const documents = (response: IN8nHttpFullResponse) => (Array.isArray(response.body) ? (response.body as IDataObject[]) : []);
const documentId = (document: IDataObject) => String(document.id ?? document._id);

/**
 * One request of POST /api/elasticsearch/search: 1-based pages (page 0 and 1 are the same), `top` caps
 * the result and X-Total-Count = min(total, 10,000, top); zero hits come back as [] with no headers.
 */
function searchRequest(query: IDataObject, filters: IDataObject[], page: number, size: number, top: number): ApiRequest {
	return {
		method: 'POST',
		path: '/api/elasticsearch/search',
		qs: { ...query, top, page, size },
		// UTMStack needs a JSON list even without filters; n8n drops an empty array body, so send it as text.
		body: filters.length > 0 ? filters : '[]',
		headers: { 'Content-Type': 'application/json' },
	};
}

interface SearchCursor {
	page: number;
	size: number;
	top: number;
}

/**
 * A search in an order that cannot be walked by time (relevance, or a field other than @timestamp):
 * UTMStack serves its first 10,000 documents only. A read that wants more, of a search that matches
 * 10,000 or more, fails at its first page instead of stopping there in silence.
 */
export function searchPages(query: IDataObject, filters: IDataObject[], sortedBy: string): PageStrategy<SearchCursor> {
	return {
		start: (limit) => ({ page: 1, size: Math.min(limit ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE), top: limit ?? RETURN_ALL_TOP }),
		request: (cursor) => searchRequest(query, filters, cursor.page, cursor.size, cursor.top),
		idOf: documentId,
		read: (response, cursor) => {
			const items = documents(response);
			const total = totalCount(response.headers as IDataObject) ?? 0;
			if (total >= RESULT_WINDOW && cursor.top > RESULT_WINDOW) {
				throw new IncompleteReadError(
					`This search matches ${RESULT_WINDOW.toLocaleString('en-US')} documents or more, and UTMStack serves only the first ${RESULT_WINDOW.toLocaleString('en-US')} of a search sorted by ${sortedBy}`,
					`Set "Sort Field" to ${TIME_FIELD} to read every document (the node then walks the time field), narrow the filters or the time range, or set a Limit of ${RESULT_WINDOW.toLocaleString('en-US')} or less.`,
				);
			}
			const next = cursor.page * cursor.size < total ? { ...cursor, page: cursor.page + 1 } : undefined;
			return { items, next };
		},
	};
}

/**
 * The documents of a search walked by @timestamp: each query starts where the last page ended, so a read
 * of any size stays inside the result window, and documents indexed during the read do not shift it.
 * `until` bounds an ascending walk (the trigger stops at 'now').
 */
export function timestampWalk(
	query: IDataObject,
	filters: IDataObject[],
	direction: 'asc' | 'desc',
	until = END_OF_TIME,
): TimeWalk {
	const sorted = { ...query, sort: `${TIME_FIELD},${direction}` };
	return {
		direction,
		pageSize: SEARCH_PAGE_SIZE,
		window: RESULT_WINDOW,
		request: (cursor, size, skip) => {
			const page = Math.floor(skip / size) + 1;
			const bound =
				cursor.timeText === null
					? []
					: direction === 'asc'
						? [{ field: TIME_FIELD, operator: 'IS_BETWEEN', value: [cursor.timeText, until] }]
						: [{ field: TIME_FIELD, operator: 'IS_LESS_THAN_OR_EQUALS', value: cursor.timeText }];
			return searchRequest(sorted, [...filters, ...bound], page, size, RETURN_ALL_TOP);
		},
		records: documents,
		// Exact below 10,000 only: OpenSearch stops counting there.
		totalOf: (response) => {
			const total = totalCount(response.headers as IDataObject);
			return total !== undefined && total < RESULT_WINDOW ? total : undefined;
		},
		timeOf: (document) => ({ time: Date.parse(String(document[TIME_FIELD])), text: String(document[TIME_FIELD]) }),
		textOf: (time) => new Date(time).toISOString(),
		idOf: documentId,
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
		idOf: (record) => String(record.id),
		read: (response, cursor) => {
			const items = documents(response);
			const total = totalCount(response.headers as IDataObject) ?? 0;
			return { items, next: (cursor.page + 1) * cursor.size < total ? { ...cursor, page: cursor.page + 1 } : undefined };
		},
	};
}
