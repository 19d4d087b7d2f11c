import { parseDateValue } from './date-math';

/**
 * A small evaluator of the Elasticsearch query DSL over plain documents: the subset that vendors built on
 * Elasticsearch/OpenSearch forward (UTMStack filters, Stellar Cyber raw search, ECE deployment search).
 * Text matching models the standard analyzer loosely: case-insensitive tokens split on punctuation.
 */

export class QueryError extends Error {}

export interface QueryContext {
	nowMs: number;
	/** The field `ids` queries and `_id` sorting read. */
	idField?: string;
	/** The document's _id when it is kept beside the source, as Elasticsearch keeps it (then `ids` reads this). */
	id?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function flatten(value: unknown, out: unknown[]): void {
	if (value === undefined || value === null) return;
	if (Array.isArray(value)) for (const item of value) flatten(item, out);
	else out.push(value);
}

/** The leaf values at a dotted path; arrays anywhere on the way are flattened. "x.keyword" reads "x". */
export function fieldValues(doc: unknown, path: string): unknown[] {
	const field = path.endsWith('.keyword') ? path.slice(0, -'.keyword'.length) : path;
	let current: unknown[] = [doc];
	const segments = field.split('.');
	for (let i = 0; i < segments.length; i++) {
		const next: unknown[] = [];
		for (const node of current) {
			if (!isObject(node)) continue;
			// A key that itself holds dots ("source.ip" stored flat) matches the rest of the path at once.
			const joined = segments.slice(i).join('.');
			if (i < segments.length - 1 && joined in node) {
				flatten(node[joined], next);
				continue;
			}
			flatten(node[segments[i]], next);
		}
		current = next;
	}
	return current;
}

/** Every leaf value of a document (for queries on all fields). */
export function allValues(doc: unknown, out: unknown[] = []): unknown[] {
	if (Array.isArray(doc)) for (const item of doc) allValues(item, out);
	else if (isObject(doc)) for (const value of Object.values(doc)) allValues(value, out);
	else if (doc !== null && doc !== undefined) out.push(doc);
	return out;
}

export function tokens(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}.]+/u)
		.map((token) => token.replace(/^\.+|\.+$/g, ''))
		.filter((token) => token !== '');
}

function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

function sameScalar(value: unknown, wanted: unknown, caseInsensitive = false): boolean {
	if (
		typeof value === 'number' &&
		(typeof wanted === 'number' || (typeof wanted === 'string' && wanted.trim() !== ''))
	) {
		return value === Number(wanted);
	}
	const a = scalarText(value);
	const b = scalarText(wanted);
	if (a === undefined || b === undefined) return false;
	return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** match_phrase: the phrase's tokens appear consecutively in the value's tokens. */
export function phraseMatches(value: unknown, phrase: unknown): boolean {
	if (typeof value !== 'string') return sameScalar(value, phrase);
	const wanted = tokens(scalarText(phrase) ?? '');
	if (wanted.length === 0) return value === phrase;
	const have = tokens(value);
	outer: for (let start = 0; start + wanted.length <= have.length; start++) {
		for (let i = 0; i < wanted.length; i++) if (have[start + i] !== wanted[i]) continue outer;
		return true;
	}
	return false;
}

function wildcardRegex(pattern: string, caseInsensitive: boolean): RegExp {
	const source = pattern
		.split('')
		.map((char) =>
			char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
		)
		.join('');
	return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

/** wildcard: the pattern matches the whole value or one of its tokens. */
export function wildcardMatches(value: unknown, pattern: string, caseInsensitive = false): boolean {
	const text = scalarText(value);
	if (text === undefined) return false;
	const regex = wildcardRegex(pattern, caseInsensitive);
	return regex.test(text) || tokens(text).some((token) => regex.test(token));
}

type Bound = 'gte' | 'gt' | 'lte' | 'lt';

/**
 * A range bound is the same for every document of one search: parsed once (date math included) instead of
 * once per document, which made a search over 100,000 alerts take most of a second.
 */
const boundCache = new Map<string, number | undefined>();

function dateBoundOf(bound: unknown, nowMs: number, roundUp: boolean): number | undefined {
	if (typeof bound !== 'string') return parseDateValue(bound, nowMs, roundUp);
	const key = `${nowMs}|${roundUp ? 1 : 0}|${bound}`;
	if (boundCache.has(key)) return boundCache.get(key);
	if (boundCache.size > 1000) boundCache.clear();
	const parsed = parseDateValue(bound, nowMs, roundUp);
	boundCache.set(key, parsed);
	return parsed;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

function compare(
	value: unknown,
	bound: unknown,
	ctx: QueryContext,
	roundUp: boolean,
): number | undefined {
	const numericBound =
		typeof bound === 'number' ||
		(typeof bound === 'string' && /^-?\d+(\.\d+)?$/.test(bound.trim()));
	if (typeof value === 'number' && numericBound) return value - Number(bound);
	const dateValue =
		typeof value === 'string' && ISO_DAY.test(value)
			? Date.parse(value)
			: typeof value === 'number'
				? value
				: NaN;
	const dateBound = dateBoundOf(bound, ctx.nowMs, roundUp);
	if (!Number.isNaN(dateValue) && dateBound !== undefined) return dateValue - dateBound;
	const a = scalarText(value);
	const b = scalarText(bound);
	if (a === undefined || b === undefined) return undefined;
	return a < b ? -1 : a > b ? 1 : 0;
}

const RANGE_CHECKS: Array<[Bound, (diff: number) => boolean, boolean]> = [
	['gte', (d) => d >= 0, false],
	['gt', (d) => d > 0, true],
	['lte', (d) => d <= 0, true],
	['lt', (d) => d < 0, false],
];

export function inRange(
	value: unknown,
	bounds: Partial<Record<Bound, unknown>>,
	ctx: QueryContext,
): boolean {
	for (const [name, ok, roundUp] of RANGE_CHECKS) {
		const bound = bounds[name];
		if (bound === undefined || bound === null || bound === '') continue;
		const diff = compare(value, bound, ctx, roundUp);
		if (diff === undefined || !ok(diff)) return false;
	}
	return true;
}

function single(query: Json, kind: string): [string, unknown] {
	const entries = Object.entries(query).filter(([key]) => key !== 'boost' && key !== '_name');
	if (entries.length !== 1)
		throw new QueryError(`[${kind}] query malformed, expected exactly one field`);
	return entries[0];
}

function asList(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function textMatches(value: unknown, query: string, operator: 'and' | 'or'): boolean {
	if (typeof value !== 'string') return sameScalar(value, query);
	const have = new Set(tokens(value));
	const wanted = tokens(query);
	if (wanted.length === 0) return false;
	return operator === 'and' ? wanted.every((t) => have.has(t)) : wanted.some((t) => have.has(t));
}

/** True when the document matches the query. Unknown query types throw QueryError (a 400 at the vendor). */
export function matches(query: unknown, doc: Json, ctx: QueryContext): boolean {
	if (!isObject(query)) throw new QueryError('query must be an object');
	const keys = Object.keys(query);
	if (keys.length !== 1)
		throw new QueryError(`query malformed, expected one query type, found [${keys.join(', ')}]`);
	const kind = keys[0];
	const body = query[kind];
	switch (kind) {
		case 'match_all':
			return true;
		case 'match_none':
			return false;
		case 'term': {
			const [field, spec] = single(body as Json, kind);
			const wanted = isObject(spec) ? spec.value : spec;
			const ci = isObject(spec) && spec.case_insensitive === true;
			return fieldValues(doc, field).some((v) => sameScalar(v, wanted, ci));
		}
		case 'terms': {
			const [field, list] = single(body as Json, kind);
			if (!Array.isArray(list)) throw new QueryError('[terms] query requires an array of values');
			return fieldValues(doc, field).some((v) => list.some((w) => sameScalar(v, w)));
		}
		case 'match': {
			const [field, spec] = single(body as Json, kind);
			const text = String(isObject(spec) ? spec.query : spec);
			const operator =
				isObject(spec) && String(spec.operator).toLowerCase() === 'and' ? 'and' : 'or';
			return fieldValues(doc, field).some((v) => textMatches(v, text, operator));
		}
		case 'match_phrase': {
			const [field, spec] = single(body as Json, kind);
			const phrase = isObject(spec) ? spec.query : spec;
			return fieldValues(doc, field).some((v) => phraseMatches(v, phrase));
		}
		case 'multi_match': {
			const spec = body as Json;
			const fields = asList(spec.fields).map(String);
			const values =
				fields.length === 0 || fields.includes('*')
					? allValues(doc)
					: fields.flatMap((f) => fieldValues(doc, f));
			return values.some((v) => textMatches(v, String(spec.query), 'or'));
		}
		case 'range': {
			const [field, bounds] = single(body as Json, kind);
			if (!isObject(bounds)) throw new QueryError('[range] query malformed');
			const normalized: Partial<Record<Bound, unknown>> = {
				gte: bounds.gte ?? (bounds.include_lower === false ? undefined : bounds.from),
				gt: bounds.gt,
				lte: bounds.lte ?? (bounds.include_upper === false ? undefined : bounds.to),
				lt: bounds.lt,
			};
			if (bounds.include_lower === false) normalized.gt = bounds.from;
			if (bounds.include_upper === false) normalized.lt = bounds.to;
			return fieldValues(doc, field).some((v) => inRange(v, normalized, ctx));
		}
		case 'exists':
			return fieldValues(doc, String((body as Json).field)).length > 0;
		case 'prefix': {
			const [field, spec] = single(body as Json, kind);
			const value = String(isObject(spec) ? spec.value : spec);
			return fieldValues(doc, field).some((v) =>
				wildcardMatches(v, `${value.replace(/[*?]/g, '\\$&')}*`),
			);
		}
		case 'wildcard': {
			const [field, spec] = single(body as Json, kind);
			const pattern = String(isObject(spec) ? (spec.value ?? spec.wildcard) : spec);
			const ci = isObject(spec) && spec.case_insensitive === true;
			return fieldValues(doc, field).some((v) => wildcardMatches(v, pattern, ci));
		}
		case 'ids': {
			const values = asList((body as Json).values).map(String);
			if (ctx.id !== undefined) return values.includes(ctx.id);
			return fieldValues(doc, ctx.idField ?? '_id').some((v) => values.includes(String(v)));
		}
		case 'bool': {
			const spec = body as Json;
			const must = [...asList(spec.must), ...asList(spec.filter)];
			const should = asList(spec.should);
			if (!must.every((q) => matches(q, doc, ctx))) return false;
			if (asList(spec.must_not).some((q) => matches(q, doc, ctx))) return false;
			const minimum =
				spec.minimum_should_match !== undefined
					? Number(spec.minimum_should_match)
					: must.length === 0
						? 1
						: 0;
			if (should.length === 0) return true;
			return should.filter((q) => matches(q, doc, ctx)).length >= Math.min(minimum, should.length);
		}
		case 'query_string':
		case 'simple_query_string': {
			const spec = body as Json;
			const fields =
				spec.fields !== undefined
					? asList(spec.fields).map(String)
					: spec.default_field !== undefined
						? [String(spec.default_field)]
						: ['*'];
			const operator = String(spec.default_operator ?? 'OR').toUpperCase() === 'AND' ? 'AND' : 'OR';
			return evaluateLucene(parseLucene(String(spec.query ?? '')), doc, fields, operator, ctx);
		}
		default:
			throw new QueryError(`unknown query [${kind}]`);
	}
}

// ---- Lucene query strings (query_string) ----

type LuceneNode =
	| { type: 'and' | 'or'; children: LuceneNode[] }
	| { type: 'implicit'; children: LuceneNode[] }
	| { type: 'not'; child: LuceneNode }
	| { type: 'required'; child: LuceneNode }
	| { type: 'term'; field?: string; value: string; phrase: boolean }
	| { type: 'range'; field?: string; bounds: Partial<Record<Bound, unknown>> }
	| { type: 'exists'; field: string }
	| { type: 'group'; field?: string; child: LuceneNode };

interface Token {
	kind: 'word' | 'phrase' | 'open' | 'close' | 'range';
	text: string;
}

function lex(input: string): Token[] {
	const out: Token[] = [];
	let i = 0;
	while (i < input.length) {
		const char = input[i];
		if (/\s/.test(char)) {
			i++;
		} else if (char === '(' || char === ')') {
			out.push({ kind: char === '(' ? 'open' : 'close', text: char });
			i++;
		} else if (char === '"') {
			let j = i + 1;
			let text = '';
			while (j < input.length && input[j] !== '"') {
				if (input[j] === '\\' && j + 1 < input.length) j++;
				text += input[j++];
			}
			out.push({ kind: 'phrase', text });
			i = j + 1;
		} else if (
			(char === '[' || char === '{') &&
			out.length > 0 &&
			out[out.length - 1].text.endsWith(':')
		) {
			const close = input.indexOf(char === '[' ? ']' : '}', i);
			if (close < 0) throw new QueryError('Cannot parse query: unclosed range');
			out.push({ kind: 'range', text: input.slice(i, close + 1) });
			i = close + 1;
		} else {
			let text = '';
			while (i < input.length && !/[\s()"]/.test(input[i])) {
				if (input[i] === '\\' && i + 1 < input.length) {
					text += input[i + 1];
					i += 2;
					continue;
				}
				text += input[i++];
				if (
					text.endsWith(':') &&
					(input[i] === '(' || input[i] === '"' || input[i] === '[' || input[i] === '{')
				)
					break;
			}
			out.push({ kind: 'word', text });
		}
	}
	return out;
}

function parseRange(text: string): Partial<Record<Bound, unknown>> {
	const inclusiveLow = text.startsWith('[');
	const inclusiveHigh = text.endsWith(']');
	const [low, high] = text.slice(1, -1).split(/\s+TO\s+/);
	const bounds: Partial<Record<Bound, unknown>> = {};
	if (low && low.trim() !== '*') bounds[inclusiveLow ? 'gte' : 'gt'] = low.trim();
	if (high && high.trim() !== '*') bounds[inclusiveHigh ? 'lte' : 'lt'] = high.trim();
	return bounds;
}

export function parseLucene(input: string): LuceneNode {
	const list = lex(input);
	let pos = 0;

	function parseOr(): LuceneNode {
		const children = [parseAnd()];
		while (
			pos < list.length &&
			list[pos].kind === 'word' &&
			(list[pos].text === 'OR' || list[pos].text === '||')
		) {
			pos++;
			children.push(parseAnd());
		}
		return children.length === 1 ? children[0] : { type: 'or', children };
	}

	function parseAnd(): LuceneNode {
		const children = [parseImplicit()];
		while (
			pos < list.length &&
			list[pos].kind === 'word' &&
			(list[pos].text === 'AND' || list[pos].text === '&&')
		) {
			pos++;
			children.push(parseImplicit());
		}
		return children.length === 1 ? children[0] : { type: 'and', children };
	}

	function atOperator(): boolean {
		const token = list[pos];
		return token.kind === 'word' && ['OR', '||', 'AND', '&&'].includes(token.text);
	}

	function parseImplicit(): LuceneNode {
		const children = [parseUnary()];
		while (pos < list.length && list[pos].kind !== 'close' && !atOperator())
			children.push(parseUnary());
		return children.length === 1 ? children[0] : { type: 'implicit', children };
	}

	function parseUnary(): LuceneNode {
		const token = list[pos];
		if (!token) throw new QueryError('Cannot parse query: unexpected end');
		if (token.kind === 'word' && (token.text === 'NOT' || token.text === '!')) {
			pos++;
			return { type: 'not', child: parseUnary() };
		}
		if (
			token.kind === 'word' &&
			token.text.length > 1 &&
			(token.text.startsWith('-') || token.text.startsWith('!') || token.text.startsWith('+'))
		) {
			list[pos] = { kind: 'word', text: token.text.slice(1) };
			const child = parseUnary();
			return token.text.startsWith('+') ? { type: 'required', child } : { type: 'not', child };
		}
		return parsePrimary();
	}

	function parsePrimary(): LuceneNode {
		const token = list[pos++];
		if (token.kind === 'open') {
			const child = parseOr();
			if (list[pos]?.kind !== 'close') throw new QueryError('Cannot parse query: missing )');
			pos++;
			return { type: 'group', child };
		}
		if (token.kind === 'phrase') return { type: 'term', value: token.text, phrase: true };
		if (token.kind === 'word') {
			const colon = token.text.indexOf(':');
			if (colon > 0) {
				const field = token.text.slice(0, colon);
				const rest = token.text.slice(colon + 1);
				if (field === '_exists_') return { type: 'exists', field: rest };
				if (rest === '') {
					const next = list[pos++];
					if (!next) throw new QueryError('Cannot parse query: missing value');
					if (next.kind === 'phrase')
						return { type: 'term', field, value: next.text, phrase: true };
					if (next.kind === 'range') return { type: 'range', field, bounds: parseRange(next.text) };
					if (next.kind === 'open') {
						const child = parseOr();
						pos++;
						return { type: 'group', field, child };
					}
					throw new QueryError('Cannot parse query: missing value');
				}
				const comparison = /^(>=|<=|>|<)(.+)$/.exec(rest);
				if (comparison) {
					const bound = { '>=': 'gte', '<=': 'lte', '>': 'gt', '<': 'lt' }[comparison[1]] as Bound;
					return { type: 'range', field, bounds: { [bound]: comparison[2] } };
				}
				return { type: 'term', field, value: rest, phrase: false };
			}
			return { type: 'term', value: token.text, phrase: false };
		}
		throw new QueryError(`Cannot parse query near "${token.text}"`);
	}

	if (list.length === 0) return { type: 'term', value: '*', phrase: false };
	const node = parseOr();
	if (pos < list.length) throw new QueryError(`Cannot parse query near "${list[pos].text}"`);
	return node;
}

function evaluateLucene(
	node: LuceneNode,
	doc: Json,
	fields: string[],
	operator: 'AND' | 'OR',
	ctx: QueryContext,
): boolean {
	const values = (field: string | undefined) => {
		const names = field ? [field] : fields;
		return names.flatMap((name) => (name === '*' ? allValues(doc) : fieldValues(doc, name)));
	};
	switch (node.type) {
		case 'or':
			return node.children.some((child) => evaluateLucene(child, doc, fields, operator, ctx));
		case 'and':
			return node.children.every((child) => evaluateLucene(child, doc, fields, operator, ctx));
		case 'implicit': {
			const required = node.children.filter((c) => c.type === 'required' || c.type === 'not');
			const optional = node.children.filter((c) => c.type !== 'required' && c.type !== 'not');
			if (!required.every((child) => evaluateLucene(child, doc, fields, operator, ctx)))
				return false;
			if (optional.length === 0) return true;
			return operator === 'AND'
				? optional.every((child) => evaluateLucene(child, doc, fields, operator, ctx))
				: optional.some((child) => evaluateLucene(child, doc, fields, operator, ctx));
		}
		case 'not':
			return !evaluateLucene(node.child, doc, fields, operator, ctx);
		case 'required':
			return evaluateLucene(node.child, doc, fields, operator, ctx);
		case 'group':
			return evaluateLucene(node.child, doc, node.field ? [node.field] : fields, operator, ctx);
		case 'exists':
			return fieldValues(doc, node.field).length > 0;
		case 'range':
			return values(node.field).some((v) => inRange(v, node.bounds, ctx));
		case 'term': {
			if (node.value === '*') return values(node.field).length > 0;
			if (node.phrase) return values(node.field).some((v) => phraseMatches(v, node.value));
			if (/[*?]/.test(node.value))
				return values(node.field).some((v) => wildcardMatches(v, node.value, true));
			return values(node.field).some(
				(v) => sameScalar(v, node.value, true) || textMatches(v, node.value, 'and'),
			);
		}
	}
}

// ---- sorting ----

export interface SortKey {
	field: string;
	order: 'asc' | 'desc';
}

/** ES sort specs: "field", {"field": "desc"}, {"field": {"order": "desc"}}, or a list of those. */
export function parseSort(spec: unknown): SortKey[] {
	const keys: SortKey[] = [];
	for (const item of asList(spec)) {
		if (typeof item === 'string') {
			const [field, order] = item.split(':');
			keys.push({
				field,
				order: order === 'desc' || (field === '_score' && order === undefined) ? 'desc' : 'asc',
			});
		} else if (isObject(item)) {
			for (const [field, value] of Object.entries(item)) {
				const order = isObject(value) ? value.order : value;
				keys.push({ field, order: String(order).toLowerCase() === 'desc' ? 'desc' : 'asc' });
			}
		} else {
			throw new QueryError('[sort] malformed');
		}
	}
	return keys;
}

function sortValue(doc: Json, field: string): unknown {
	const values = fieldValues(doc, field);
	return values.length === 0 ? undefined : values[0];
}

function compareValues(a: unknown, b: unknown): number {
	if (a === undefined && b === undefined) return 0;
	if (a === undefined) return 1; // missing values sort last, as Elasticsearch does by default
	if (b === undefined) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const sa = String(a);
	const sb = String(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * A stable sort; "_score" and "_doc" keep the given (relevance) order. With `first`, only that many
 * documents come back, the first in order: they are selected before sorting (a search over 100,000
 * alerts needs its first 1,000, and sorting them all made the simulator, not the client, the bottleneck).
 */
export function sortDocs<T extends Json>(docs: T[], keys: SortKey[], first = docs.length): T[] {
	const effective = keys.filter((key) => key.field !== '_score' && key.field !== '_doc');
	if (effective.length === 0) return docs.slice(0, first);
	const descending = effective.map((key) => key.order === 'desc');
	type Entry = { doc: T; index: number; values: unknown[] };
	// Each document's sort values are read once, not in every comparison.
	const entries: Entry[] = docs.map((doc, index) => ({
		doc,
		index,
		values: effective.map((key) => sortValue(doc, key.field)),
	}));
	const order = (x: Entry, y: Entry) => {
		for (let position = 0; position < effective.length; position++) {
			const a = x.values[position];
			const b = y.values[position];
			let diff = compareValues(a, b);
			if (a !== undefined && b !== undefined && descending[position]) diff = -diff;
			if (diff !== 0) return diff;
		}
		return x.index - y.index;
	};
	const wanted = Math.max(0, Math.min(first, entries.length));
	if (wanted >= entries.length / 4)
		return entries
			.sort(order)
			.slice(0, wanted)
			.map((entry) => entry.doc);
	selectFirst(entries, wanted, order);
	return entries
		.slice(0, wanted)
		.sort(order)
		.map((entry) => entry.doc);
}

/** Moves the `count` first entries in `order` (a total order) to the front of the list, in no particular order (quickselect). */
function selectFirst<E>(list: E[], count: number, order: (a: E, b: E) => number): void {
	let low = 0;
	let high = list.length - 1;
	while (count > 0 && low < high) {
		const pivot = list[(low + high) >> 1];
		let i = low;
		let j = high;
		while (i <= j) {
			while (order(list[i], pivot) < 0) i++;
			while (order(list[j], pivot) > 0) j--;
			if (i <= j) {
				[list[i], list[j]] = [list[j], list[i]];
				i++;
				j--;
			}
		}
		if (count - 1 <= j) high = j;
		else if (count - 1 >= i) low = i;
		else return;
	}
}
