import type { IDataObject } from 'n8n-workflow';

import { listAt, numberAt } from '../common/answer-parts';
import type { CursorListing, OffsetListing } from '../common/page-strategies';
import type { TimeWalk } from '../common/time-walk';
import type { ApiRequest } from '../common/vendor-api';

/** A Stellar list paged by skip/limit, its records at `records` in the answer. */
export function skipLimitListing(
	path: string,
	query: IDataObject,
	maxPageSize: number,
	records: string[],
	total?: string[],
	about?: string,
): OffsetListing {
	return {
		path,
		query,
		offsetParam: 'skip',
		sizeParam: 'limit',
		maxPageSize,
		records,
		total,
		idField: '_id',
		about,
	};
}

export const SEARCH_PAGE_SIZE = 1000;

/**
 * The authentication guide's table of restricted endpoints (docs/provenance/stellar-cyber.md): on-premises 5.5.0 keeps
 * the data API (/data, /update_ser, /security_events/...) to Super Admin users with root scope, "not available to users
 * with scoped API keys" (6.5.x, "Using the API to Perform an ElasticSearch Query"); SaaS 5.5.0s does not list it there.
 */
export const DATA_API_FORBIDDEN =
	"On Stellar Cyber on-premises, the data API (Alert Search, Alert Get, Alert Update and the alert list) is open only to a Super Admin with root scope, signed in with a legacy user API key (System > Users > Generate New Token): use a credential with Key Type 'Legacy User API Key'. On Stellar Cyber SaaS the data API is not restricted that way, so there this refusal means the key's role lacks the privilege: ask an administrator.";

/**
 * One search of Stellar's data API over an index or an index pattern: Alert Search, Alert Get, Alert Update's
 * lookup and the alert list all send theirs through here, so the path and the per-edition refusal are said once.
 */
export function dataSearch(
	index: string,
	search: Pick<ApiRequest, 'method' | 'qs' | 'body'>,
): ApiRequest {
	return {
		...search,
		path: `/connect/api/data/${encodeURIComponent(index)}/_search`,
		forbidden: DATA_API_FORBIDDEN,
	};
}

/**
 * Raw Elasticsearch search through Stellar's data API: the first page opens a scroll, the next pages follow it.
 * The vendor's tools send GET with a JSON body; n8n's request helper sends no body with GET, so these go as
 * POST, which Elasticsearch takes alike (unattested for Stellar: a refusal would be its error, never a quiet result).
 */
export function scrollSearch(index: string, query: IDataObject, sort: unknown): CursorListing {
	return {
		first: (size) =>
			dataSearch(index, {
				method: 'POST',
				qs: { scroll: '1m' },
				body: { query, size, ...(sort ? { sort } : {}) } as IDataObject,
			}),
		next: (scrollId) => ({
			method: 'POST',
			path: '/connect/api/data/_search/scroll',
			body: { scroll: '1m', scroll_id: scrollId },
			forbidden: DATA_API_FORBIDDEN,
		}),
		maxPageSize: SEARCH_PAGE_SIZE,
		records: ['hits', 'hits'],
		cursor: ['_scroll_id'],
		// an index pattern spans indices, and Elasticsearch ids are unique within one index only
		idOf: (hit) => `${String(hit._index)}/${String(hit._id)}`,
	};
}

/** Stellar answers at most 500 cases per request. */
export const MAX_CASES_PER_PAGE = 500;

/** The cases in a skip/limit order (score, or the newest few by time). */
export const caseListing = (query: IDataObject) =>
	skipLimitListing(
		'/connect/api/v1/cases',
		query,
		MAX_CASES_PER_PAGE,
		['data', 'cases'],
		['data', 'total'],
	);

/**
 * The cases walked oldest first by created_at or modified_at (FROM~<field> is inclusive): each query starts
 * at the last time read, so cases created or changed during the read neither repeat nor slip past it.
 * Stellar has no upper time bound, so this walk only goes forward in time.
 */
export function caseTimeWalk(
	timeField: 'created_at' | 'modified_at',
	query: IDataObject,
): TimeWalk {
	return {
		direction: 'asc',
		pageSize: MAX_CASES_PER_PAGE,
		request: (cursor, size, skip) => ({
			method: 'GET',
			path: '/connect/api/v1/cases',
			qs: {
				...query,
				sort: timeField,
				order: 'asc',
				skip,
				limit: size,
				...(cursor.time === null ? {} : { [`FROM~${timeField}`]: cursor.time }),
			},
		}),
		records: (response) => listAt(response.body, ['data', 'cases']),
		totalOf: (response) => numberAt(response.body, ['data', 'total']),
		timeOf: (record) => {
			const time = Number(record[timeField]);
			return { time, text: String(time) };
		},
		textOf: String,
		boundName: `FROM~${timeField}`,
		idOf: (record) => String(record._id),
	};
}
