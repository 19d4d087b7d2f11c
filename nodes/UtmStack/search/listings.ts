import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { headerNumber, type NumberedListing } from '../../common/page-strategies';
import type { TimeWalk } from '../../common/time-walk';
import type { ApiRequest } from '../../common/vendor-api';
import { listAt } from '../../common/answer-parts';
import { utmStackId } from '../record-id';

/** Documents per page: within Spring Data's default clamp of 2,000 (UTMStack sets no max-page-size). */
export const SEARCH_PAGE_SIZE = 1000;

/**
 * UTMStack's system indices: alert-* and log-* up to v10, v11-alert-* and v11-log-* since v11
 * (main-index-pattern.constant.ts, 20241227001_updating-system-index-pattern.xml). UTMStack's search takes
 * a comma list, so one pattern serves both release lines.
 */
export const ALERT_INDEXES = 'alert-*,v11-alert-*';
export const LOG_INDEXES = 'log-*,v11-log-*';
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

const documents = (response: IN8nHttpFullResponse) => listAt(response.body, []);

/**
 * One request of POST /api/elasticsearch/search: 1-based pages (page 0 and 1 are the same), `top` caps
 * the result and X-Total-Count = min(total, 10,000, top); zero hits come back as [] with no headers.
 */
function searchRequest(
	query: IDataObject,
	filters: IDataObject[],
): Omit<ApiRequest, 'qs'> & { qs: IDataObject } {
	return {
		method: 'POST',
		path: '/api/elasticsearch/search',
		qs: query,
		// UTMStack needs a JSON list even without filters; n8n drops an empty array body, so send it as text.
		body: filters.length > 0 ? filters : '[]',
		headers: { 'Content-Type': 'application/json' },
	};
}

/** One page of the newest alerts, of those whose name contains `name` when given. */
export function newestAlerts(page: number, size: number, name: string): ApiRequest {
	const filters = name ? [{ field: 'name', operator: 'CONTAIN', value: name }] : [];
	return searchRequest(
		{ indexPattern: ALERT_INDEXES, page, size, top: page * size, sort: `${TIME_FIELD},desc` },
		filters,
	);
}

/** The alerts of these ids (at most a page of them), in one search. */
export function alertsWithIds(ids: string[]): ApiRequest {
	return searchRequest(
		{ indexPattern: ALERT_INDEXES, page: 1, size: ids.length, top: ids.length },
		[{ field: 'id', operator: 'IS_ONE_OF', value: ids }],
	);
}

const windowText = RESULT_WINDOW.toLocaleString('en-US');

/**
 * A search in an order that cannot be walked by time (relevance, or a field other than @timestamp):
 * UTMStack serves its first 10,000 documents only. A read that wants more, of a search that matches
 * 10,000 or more, fails at its first page instead of stopping there in silence.
 */
export function searchListing(
	query: IDataObject,
	filters: IDataObject[],
	sortedBy: string,
): NumberedListing {
	return {
		request: searchRequest(query, filters),
		pageParam: 'page',
		sizeParam: 'size',
		firstPage: 1,
		maxPageSize: SEARCH_PAGE_SIZE,
		totalHeader: 'x-total-count',
		idField: utmStackId,
		wantedParam: { name: 'top', all: RETURN_ALL_TOP },
		window: {
			size: RESULT_WINDOW,
			message: `This search matches ${windowText} documents or more, and UTMStack serves only the first ${windowText} of a search sorted by ${sortedBy}`,
			description: `Set "Sort By" to ${TIME_FIELD} to read every document (the node then walks the time field), narrow the filters or the time range, or set a Limit of ${windowText} or less.`,
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
		pageNumbers: true,
		request: (cursor, size, skip) => {
			const page = Math.floor(skip / size) + 1;
			const bound =
				cursor.timeText === null
					? []
					: direction === 'asc'
						? [{ field: TIME_FIELD, operator: 'IS_BETWEEN', value: [cursor.timeText, until] }]
						: [{ field: TIME_FIELD, operator: 'IS_LESS_THAN_OR_EQUALS', value: cursor.timeText }];
			return searchRequest({ ...sorted, top: RETURN_ALL_TOP, page, size }, [...filters, ...bound]);
		},
		records: documents,
		// Exact below 10,000 only: OpenSearch stops counting there.
		totalOf: (response) => {
			const total = headerNumber(response, 'x-total-count');
			return total !== undefined && total < RESULT_WINDOW ? total : undefined;
		},
		timeOf: (document) => ({
			time: Date.parse(String(document[TIME_FIELD])),
			text: String(document[TIME_FIELD]),
		}),
		textOf: (time) => new Date(time).toISOString(),
		boundName: `${TIME_FIELD} ${direction === 'asc' ? 'IS_BETWEEN' : 'IS_LESS_THAN_OR_EQUALS'}`,
		idOf: utmStackId,
	};
}

/**
 * Incidents (a JHipster resource: 0-based pages, X-Total-Count, criteria filters such as id.lessThanOrEqual)
 * newest first, walked by id: ids grow with creation, so this is the incidentCreatedDate order, and as
 * each query starts at the last id read, incidents created, closed or changed during the read move nothing.
 */
export function incidentWalk(query: IDataObject): TimeWalk {
	return {
		direction: 'desc',
		pageSize: SEARCH_PAGE_SIZE,
		// ids are unique: a page never stays at one id, so the walk never pages by number inside a tie
		pageNumbers: true,
		request: (cursor, size, skip) => ({
			method: 'GET',
			path: '/api/utm-incidents',
			qs: {
				...query,
				sort: 'id,desc',
				page: Math.floor(skip / size),
				size,
				...(cursor.time === null ? {} : { 'id.lessThanOrEqual': cursor.time }),
			},
		}),
		records: documents,
		totalOf: (response) => headerNumber(response, 'x-total-count'),
		timeOf: (incident) => ({ time: Number(incident.id), text: String(incident.id) }),
		textOf: String,
		boundName: 'id.lessThanOrEqual',
		idOf: utmStackId,
	};
}
