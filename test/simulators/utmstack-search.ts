import { QueryError, matches, sortDocs, type SortKey } from './core/es-query';
import type { StoredDoc } from './data/utmstack';
import { TIME_FIELD, timeBounds, timeIndexOf, walkByTime } from './utmstack-time-index';

/**
 * UTMStack's filter list ([{field, operator, value}]) as the backend turns it into an OpenSearch bool
 * query, and its search paging quirks (vendor-apis.md).
 */

export const OPERATORS = [
	'IS',
	'IS_NOT',
	'CONTAIN',
	'CONTAIN_ONE_OF',
	'DOES_NOT_CONTAIN_ONE_OF',
	'DOES_NOT_CONTAIN',
	'IS_ONE_OF',
	'IS_NOT_ONE_OF',
	'IS_ONE_OF_TERMS',
	'EXIST',
	'DOES_NOT_EXIST',
	'IS_BETWEEN',
	'IS_NOT_BETWEEN',
	'IS_IN_FIELDS',
	'IS_NOT_IN_FIELDS',
	'ENDS_WITH',
	'NOT_ENDS_WITH',
	'START_WITH',
	'NOT_START_WITH',
	'IS_GREATER_THAN',
	'IS_LESS_THAN_OR_EQUALS',
] as const;

export type Operator = (typeof OPERATORS)[number];

export interface UtmFilter {
	field: string;
	operator: Operator;
	value?: unknown;
}

/** A filter the backend cannot turn into a query: 400 when the JSON does not bind, 500 when building fails. */
export class FilterError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 500,
	) {
		super(message);
	}
}

const isScalar = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function escapeLucene(text: string): string {
	return text.replace(/[+\-=&|><!(){}[\]^"~*?:\\/\s]/g, '\\$&');
}

function scalar(filter: UtmFilter): string | number | boolean {
	if (!isScalar(filter.value)) {
		throw new FilterError(
			`The operator ${filter.operator} needs a single value on field ${filter.field}`,
			500,
		);
	}
	return filter.value as string | number | boolean;
}

function list(filter: UtmFilter): Array<string | number | boolean> {
	if (!Array.isArray(filter.value) || filter.value.length === 0 || !filter.value.every(isScalar)) {
		throw new FilterError(
			`The operator ${filter.operator} needs a non-empty list of values on field ${filter.field}`,
			500,
		);
	}
	return filter.value as Array<string | number | boolean>;
}

function pair(filter: UtmFilter): [unknown, unknown] {
	if (!Array.isArray(filter.value) || filter.value.length !== 2) {
		throw new FilterError(
			`The operator ${filter.operator} needs a [from, to] pair on field ${filter.field}`,
			500,
		);
	}
	return [filter.value[0], filter.value[1]];
}

const not = (query: object) => ({ bool: { must_not: [query] } });
const anyPhrase = (field: string, values: unknown[]) => ({
	bool: {
		should: values.map((value) => ({ match_phrase: { [field]: value } })),
		minimum_should_match: 1,
	},
});

/** One filter as an OpenSearch query (the shapes UTMStack builds: match_phrase, query_string, wildcard, terms, range, exists). */
export function filterQuery(filter: UtmFilter): object {
	const { field, operator } = filter;
	switch (operator) {
		case 'IS':
			return { match_phrase: { [field]: scalar(filter) } };
		case 'IS_NOT':
			return not({ match_phrase: { [field]: scalar(filter) } });
		case 'CONTAIN':
			return {
				query_string: { fields: [field], query: `*${escapeLucene(String(scalar(filter)))}*` },
			};
		case 'DOES_NOT_CONTAIN':
			return not({
				query_string: { fields: [field], query: `*${escapeLucene(String(scalar(filter)))}*` },
			});
		case 'CONTAIN_ONE_OF':
		case 'IS_ONE_OF':
			return anyPhrase(field, list(filter));
		case 'DOES_NOT_CONTAIN_ONE_OF':
		case 'IS_NOT_ONE_OF':
			return not(anyPhrase(field, list(filter)));
		case 'IS_ONE_OF_TERMS':
			return { terms: { [field]: list(filter) } };
		case 'EXIST':
			return { exists: { field } };
		case 'DOES_NOT_EXIST':
			return not({ exists: { field } });
		case 'IS_BETWEEN': {
			const [gte, lte] = pair(filter);
			return { range: { [field]: { gte, lte } } };
		}
		case 'IS_NOT_BETWEEN': {
			const [gte, lte] = pair(filter);
			return not({ range: { [field]: { gte, lte } } });
		}
		case 'IS_IN_FIELDS':
			return {
				query_string: { default_field: '*', query: `*${escapeLucene(String(scalar(filter)))}*` },
			};
		case 'IS_NOT_IN_FIELDS':
			return not({
				query_string: { default_field: '*', query: `*${escapeLucene(String(scalar(filter)))}*` },
			});
		case 'ENDS_WITH':
			return { wildcard: { [field]: `*${String(scalar(filter))}` } };
		case 'NOT_ENDS_WITH':
			return not({ wildcard: { [field]: `*${String(scalar(filter))}` } });
		case 'START_WITH':
			return { wildcard: { [field]: `${String(scalar(filter))}*` } };
		case 'NOT_START_WITH':
			return not({ wildcard: { [field]: `${String(scalar(filter))}*` } });
		case 'IS_GREATER_THAN':
			return { range: { [field]: { gt: scalar(filter) } } };
		case 'IS_LESS_THAN_OR_EQUALS':
			return { range: { [field]: { lte: scalar(filter) } } };
	}
}

/** Binds the request body like Jackson would: a list of {field, operator, value}; an unknown operator is a 400. */
export function parseFilters(body: unknown): UtmFilter[] {
	if (body === undefined || body === null) return [];
	if (!Array.isArray(body))
		throw new FilterError('Cannot deserialize the filter list: expected a JSON array', 400);
	return body.map((item, position) => {
		if (typeof item !== 'object' || item === null)
			throw new FilterError(`Cannot deserialize filter ${position}`, 400);
		const { field, operator, value } = item as Record<string, unknown>;
		if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
			throw new FilterError(
				`Cannot deserialize value of type OperatorType from String "${String(operator)}"`,
				400,
			);
		}
		const needsField = operator !== 'IS_IN_FIELDS' && operator !== 'IS_NOT_IN_FIELDS';
		if (needsField && (typeof field !== 'string' || field.trim() === '')) {
			throw new FilterError(`The filter ${position} (${operator}) has no field`, 500);
		}
		return { field: typeof field === 'string' ? field : '', operator: operator as Operator, value };
	});
}

/** Index-pattern globs ("alert-*", "log-wineventlog-*,log-syslog-*") against index names. */
export function indexMatcher(pattern: string): (index: string) => boolean {
	const parts = pattern
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== '');
	const regexes = parts.map(
		(p) =>
			new RegExp(
				`^${p
					.replace(/[.+^${}()|[\]\\]/g, '\\$&')
					.replace(/\*/g, '.*')
					.replace(/\?/g, '.')}$`,
			),
	);
	return (index) => regexes.some((regex) => regex.test(index));
}

export interface SearchParams {
	filters: UtmFilter[];
	indexPattern: string;
	top: number;
	/** The raw `page` parameter (UTMStack: offset = size*page - size; page <= 0 is page 1). */
	page: number;
	size: number;
	sort: SortKey[];
	nowMs: number;
	/** OpenSearch index.max_result_window (default 10000). */
	maxResultWindow?: number;
}

export interface SearchResult {
	/** Every match, before `top` truncation; sorted by time, counted up to 10,000 (or the page's end) only. */
	total: number;
	hits: Array<Record<string, unknown>>;
}

/** OpenSearch counts hits exactly up to here without track_total_hits; UTMStack reports no more. */
const TRACKED_TOTAL_HITS = 10_000;

/** Runs a search the way UTMStack does; a from+size beyond the result window is a FilterError 500. */
export function runSearch(docs: StoredDoc[], params: SearchParams): SearchResult {
	const query = { bool: { filter: params.filters.map(filterQuery) } };
	const inIndex = indexMatcher(params.indexPattern);
	const page = params.page <= 0 ? 1 : params.page;
	const offset = params.size * page - params.size;
	const size = Math.min(params.size, Math.max(0, params.top - offset));
	const window = params.maxResultWindow ?? 10_000;
	const hit = (doc: StoredDoc) =>
		inIndex(doc.index) && matches(query, doc.source, { nowMs: params.nowMs });
	try {
		const byTime =
			params.sort.length === 1 && params.sort[0].field === TIME_FIELD
				? timeIndexOf(docs)
				: undefined;
		if (byTime && size > 0 && offset + size <= window) {
			// Counted as far as the page and OpenSearch's exact count need, in time order from the bound.
			const countUpTo = Math.max(TRACKED_TOTAL_HITS, offset + size);
			const hits: Array<Record<string, unknown>> = [];
			let total = 0;
			walkByTime(byTime, timeBounds(params.filters, params.nowMs), params.sort[0].order, (doc) => {
				if (!hit(doc)) return true;
				if (total >= offset && total < offset + size) hits.push(doc.source);
				total++;
				return total < countUpTo;
			});
			return { total, hits };
		}
		const matched = docs.filter(hit).map((doc) => doc.source);
		const total = matched.length;
		if (size === 0) return { total, hits: [] };
		if (offset + size > window) {
			throw new FilterError(
				`Result window is too large, from + size must be less than or equal to: [${window}] but was [${offset + size}]`,
				500,
			);
		}
		return {
			total,
			hits: sortDocs(matched, params.sort, offset + size).slice(offset, offset + size),
		};
	} catch (error) {
		if (error instanceof QueryError) throw new FilterError(error.message, 500);
		throw error;
	}
}
