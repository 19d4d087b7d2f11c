import type { VendorApp, VendorContext } from './core/app';
import { QueryError, matches, parseLucene, parseSort, sortDocs } from './core/es-query';
import { Router, json, type Handler, type SimReply, type SimRequest } from './core/server';
import { connectorsOf, sensorsOf } from './data/stellar-inventory';
import {
	ALERT_STATUSES,
	CASE_SEVERITIES,
	CASE_STATUSES,
	EVENTS,
	STELLAR_USERS,
	caseAlert,
	caseUser,
	caseRecord,
	seedStellar,
	type StellarAlert,
	type StellarCase,
} from './data/stellar-cyber';
import { STELLAR } from './fixtures';
import { HOSTS, Rng, lazy } from './seed';

/**
 * Stellar Cyber public API v1: an API key (scoped Bearer, or legacy Basic email:key) exchanged at
 * /connect/api/v1/access_token for a 10-minute JWT, then Bearer on every call.
 * Error bodies are {"error": "..."} (inferred: the public sources show only the status codes).
 */

const V1 = '/connect/api/v1';
const MAX_CASE_LIMIT = 500;
const MAX_CASE_ALERT_LIMIT = 50;
/** inferred: the page size when `limit` is not given. */
const DEFAULT_LIMIT = 10;

const error = (status: number, message: string): SimReply => json(status, { error: message });

/** Which API key the token call presents, or a reason it is refused. */
function presentedKey(
	request: SimRequest,
): { ok: true; subject: string; keyType: 'scoped' | 'legacy' } | { ok: false; message: string } {
	const header = request.headers.authorization;
	if (typeof header !== 'string' || header.trim() === '')
		return { ok: false, message: 'Authorization header is missing' };
	const [scheme, value = ''] = header.trim().split(/\s+/, 2);
	if (/^bearer$/i.test(scheme)) {
		return value === STELLAR.apiKey
			? { ok: true, subject: 'api-key:soc-automation', keyType: 'scoped' }
			: { ok: false, message: 'Invalid API key' };
	}
	if (/^basic$/i.test(scheme)) {
		const decoded = Buffer.from(value, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const email = decoded.slice(0, colon);
		const key = decoded.slice(colon + 1);
		return colon > 0 && email.toLowerCase() === STELLAR.email && key === STELLAR.legacyApiKey
			? { ok: true, subject: STELLAR.email, keyType: 'legacy' }
			: { ok: false, message: 'Invalid email or API key' };
	}
	return { ok: false, message: 'Unsupported authorization scheme' };
}

function intQuery(request: SimRequest, name: string): number | undefined | 'invalid' {
	const raw = request.query.get(name);
	if (raw === null || raw === '') return undefined;
	return /^\d+$/.test(raw) ? Number(raw) : 'invalid';
}

export function stellarCyberSimulator(context: VendorContext): VendorApp {
	const { options, tokens, logins } = context;
	const data = lazy(() => seedStellar(options.seed, options.caseCount, options.referenceTime));
	const rng = new Rng(options.seed ^ 0x5ce11a);

	const accessToken: Handler = (request) => {
		const presented = presentedKey(request);
		if (!presented.ok) {
			logins.loginFailed();
			return error(401, presented.message);
		}
		const issued = tokens.issue(presented.subject, { key_type: presented.keyType });
		logins.loginSucceeded(issued.token);
		return json(200, { access_token: issued.token, exp: issued.expSeconds });
	};

	/**
	 * Who a call comes from: a Bearer access token, or (on-premises only) Basic email:key on the call itself, the
	 * authentication guide's "Basic Authentication ... still available" and the vendor's on-premises tools. Whether
	 * SaaS refuses Basic on a call, and with what text, is unattested (its guides name only the token).
	 */
	function caller(request: SimRequest): { subject: string; keyType: string } | { refused: string } {
		const header = request.headers.authorization;
		if (typeof header === 'string' && /^Basic\s+/i.test(header)) {
			if (options.stellarEdition === 'saas')
				return { refused: 'Basic authentication is not available: use an access token' };
			const presented = presentedKey(request);
			if (!presented.ok || presented.keyType !== 'legacy')
				return { refused: presented.ok ? 'Invalid email or API key' : presented.message };
			return { subject: presented.subject, keyType: 'legacy' };
		}
		const token =
			typeof header === 'string' && /^Bearer\s+/i.test(header)
				? header.replace(/^Bearer\s+/i, '').trim()
				: undefined;
		const check = tokens.check(token);
		if (!check.valid)
			return {
				refused:
					check.reason === 'expired'
						? 'Access token has expired'
						: token
							? 'Invalid access token'
							: 'Access token is missing',
			};
		return { subject: check.subject, keyType: String(check.claims.key_type) };
	}

	const secured =
		(handler: Handler, rootScopeOnly = false): Handler =>
		(request) => {
			const who = caller(request);
			if ('refused' in who) return error(401, who.refused);
			// The authentication guide's table of restricted endpoints: on-premises 5.5.0 keeps /data, /update_ser and
			// /security_events/... to Super Admin users with root scope (the legacy key; "not available to users with
			// scoped API keys"); SaaS 5.5.0s does not list them. The status and text of the refusal are unattested.
			if (rootScopeOnly && options.stellarEdition !== 'saas' && who.keyType === 'scoped')
				return error(403, 'Insufficient privileges: this API requires root scope');
			request.user = who.subject;
			return handler(request);
		};
	const rootScope = (handler: Handler) => secured(handler, true);

	const DEFAULT_WINDOW_MS = 24 * 3600_000;

	const findCase = (id: string) => data().cases.find((record) => record._id === id);

	const tenants: Handler = () => json(200, { data: data().tenants });

	const listCases: Handler = (request) => {
		const limit = intQuery(request, 'limit');
		const skip = intQuery(request, 'skip');
		// Parameters the platform does not know (min_score, which no public client sends) are ignored, as web
		// frameworks do: the list is then answered unfiltered.
		if (limit === 'invalid' || skip === 'invalid')
			return error(400, 'limit and skip must be non-negative integers');
		if (limit !== undefined && limit > MAX_CASE_LIMIT)
			return error(400, `limit must be less than or equal to ${MAX_CASE_LIMIT}`);
		const sort = request.query.get('sort') ?? 'created_at';
		if (!['score', 'created_at', 'modified_at'].includes(sort))
			return error(400, 'sort must be one of score, created_at, modified_at');
		const order = (request.query.get('order') ?? 'desc').toLowerCase();
		if (order !== 'asc' && order !== 'desc') return error(400, 'order must be asc or desc');

		let list = data().cases;
		const tenant = request.query.get('tenantid');
		if (tenant) list = list.filter((record) => record.cust_id === tenant);
		const status = request.query.get('status');
		if (status) {
			const wanted = status.split(',').map((s) => s.trim().toLowerCase());
			list = list.filter((record) => wanted.includes(String(record.status).toLowerCase()));
		}
		// ticket_id: the case with that ticket number (stellarcyber/jira-case-sync get_stellar_case)
		const ticket = request.query.get('ticket_id');
		if (ticket) list = list.filter((record) => String(record.ticket_id) === ticket);
		const tags = request.query.get('tags');
		if (tags) {
			const wanted = tags.split(',').map((t) => t.trim());
			list = list.filter((record) => (record.tags as string[]).some((tag) => wanted.includes(tag)));
		}
		// Without a created_at bound the list covers the last 24 hours (DSBrit0/stellarcyber-poc-report's notes,
		// from the API description and live checks; the vendor's docs do not say it).
		if (!request.query.has('FROM~created_at') && !request.query.has('TO~created_at')) {
			list = list.filter((record) => record.created_at >= Date.now() - DEFAULT_WINDOW_MS);
		}
		for (const field of ['created_at', 'modified_at'] as const) {
			const from = request.query.get(`FROM~${field}`);
			if (from !== null && from !== '') {
				if (!/^\d+$/.test(from)) return error(400, `FROM~${field} must be epoch milliseconds`);
				list = list.filter((record) => record[field] >= Number(from));
			}
		}
		// The filters of Stellar's sync tools (FROM~score: the minimum score); values comma-separated.
		const fromScore = request.query.get('FROM~score');
		if (fromScore !== null && fromScore !== '') {
			if (Number.isNaN(Number(fromScore))) return error(400, 'FROM~score must be a number');
			list = list.filter((record) => record.score >= Number(fromScore));
		}
		const notTags = (request.query.get('NOT~tags') ?? '')
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean);
		if (notTags.length)
			list = list.filter(
				(record) => !(record.tags as string[]).some((tag) => notTags.includes(tag)),
			);
		const notBy = (request.query.get('NOT~modified_by') ?? '')
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean);
		if (notBy.length) list = list.filter((record) => !notBy.includes(String(record.modified_by)));
		const sorted = sortDocs(list, [
			{ field: sort, order },
			{ field: '_id', order: 'asc' },
		]);
		const start = skip ?? 0;
		return json(200, {
			data: { cases: sorted.slice(start, start + (limit ?? DEFAULT_LIMIT)), total: sorted.length },
		});
	};

	const getCase: Handler = (request) => {
		const record = findCase(request.params.id);
		return record ? json(200, { data: record }) : error(404, 'Case not found');
	};

	const updateCase: Handler = (request) => {
		const record = findCase(request.params.id);
		if (!record) return error(404, 'Case not found');
		const body = request.body as Record<string, unknown> | undefined;
		if (request.bodyInvalid || typeof body !== 'object' || body === null || Array.isArray(body))
			return error(400, 'Request body must be a JSON object');
		if (body.status !== undefined && !CASE_STATUSES.includes(String(body.status)))
			return error(400, `status must be one of ${CASE_STATUSES.join(', ')}`);
		if (body.severity !== undefined && !CASE_SEVERITIES.includes(String(body.severity)))
			return error(400, `severity must be one of ${CASE_SEVERITIES.join(', ')}`);
		if (body.status !== undefined) record.status = body.status;
		if (body.severity !== undefined) record.severity = body.severity;
		// What `assignee` takes is unattested; a case pairs it with assignee_name as it pairs modified_by (an id)
		// with modified_by_name, so the simulator takes a user id.
		if (body.assignee !== undefined) {
			const user = STELLAR_USERS.find((candidate) => candidate.user_id === body.assignee);
			if (body.assignee !== '' && !user) return error(400, 'assignee must be a user id');
			record.assignee = body.assignee;
			record.assignee_name = user ? user.email : 'Unassigned';
		}
		if (body.resolution !== undefined) record.resolution = body.resolution;
		const tagChanges = body.tags as { add?: unknown; delete?: unknown } | undefined;
		if (tagChanges !== undefined) {
			if (typeof tagChanges !== 'object' || tagChanges === null)
				return error(400, 'tags must be {"add": [...], "delete": [...]}');
			const current = new Set(record.tags as string[]);
			for (const tag of Array.isArray(tagChanges.add) ? tagChanges.add : [])
				current.add(String(tag));
			for (const tag of Array.isArray(tagChanges.delete) ? tagChanges.delete : [])
				current.delete(String(tag));
			record.tags = [...current];
		}
		if (body.update_alerts === true && body.status !== undefined) {
			const alertStatus =
				body.status === 'Resolved' || body.status === 'Cancelled'
					? 'Closed'
					: body.status === 'New'
						? 'New'
						: 'In Progress';
			for (const alert of data().alertsByCase.get(record._id) ?? [])
				alert._source.event_status = alertStatus;
		}
		record.modified_at = Date.now();
		Object.assign(record, byUser(request.user ?? 'api'));
		if (record.status === 'Resolved' || record.status === 'Cancelled')
			record.closed = record.modified_at;
		return json(200, { data: record });
	};

	const caseAlerts: Handler = (request) => {
		const record = findCase(request.params.id);
		if (!record) return error(404, 'Case not found');
		const limit = intQuery(request, 'limit');
		const skip = intQuery(request, 'skip');
		if (limit === 'invalid' || skip === 'invalid')
			return error(400, 'limit and skip must be non-negative integers');
		// "limit at most 50 (larger values are cut to 50)": DSBrit0/stellarcyber-poc-report endpoints.js
		const size = Math.min(limit ?? DEFAULT_LIMIT, MAX_CASE_ALERT_LIMIT);
		const all = data().alertsByCase.get(record._id) ?? [];
		const start = skip ?? 0;
		return json(200, { data: { docs: all.slice(start, start + size) } });
	};

	/** A change's author as a case record holds it: the user's id, and a name beside it. */
	function byUser(login: string): { modified_by: string; modified_by_name: string } {
		const user = caseUser(login);
		return { modified_by: user.id, modified_by_name: user.name };
	}

	const getComments: Handler = (request) => {
		const record = findCase(request.params.id);
		if (!record) return error(404, 'Case not found');
		return json(200, { data: data().comments.get(record._id) ?? [] });
	};

	const addComment: Handler = (request) => {
		const record = findCase(request.params.id);
		if (!record) return error(404, 'Case not found');
		const comment = (request.body as Record<string, unknown> | undefined)?.comment;
		if (typeof comment !== 'string' || comment.trim() === '')
			return error(400, 'comment is required');
		// {comment, _id, case_id, created_at, modified_at, user}: the shape jira-case-sync reads
		const at = Date.now();
		const entry = {
			_id: rng.hex(24),
			case_id: record._id,
			comment,
			created_at: at,
			modified_at: at,
			user: request.user ?? 'api',
		};
		const list = data().comments.get(record._id) ?? [];
		list.push(entry);
		data().comments.set(record._id, list);
		return json(200, { data: entry });
	};

	/**
	 * The case side views as the vendor's tools read them (docs/provenance.md): the summary a text under
	 * `data` when asked with formatted=true (XSOAR's recorded get_incident_summary.json is the model; the
	 * answer without it is unattested, so an object stands there), the observables an object of lists by
	 * type at the top level (the fields of one observable are inferred), the scores a list of events with
	 * timestamp and reasons (the score field beside them is inferred).
	 */
	const caseSummary: Handler = (request) => {
		const record = findCase(request.params.id);
		if (!record) return error(404, 'Case not found');
		const alerts = data().alertsByCase.get(record._id) ?? [];
		const hosts = [...new Set(alerts.map((a) => String(a._source.host ?? a._source.srcip)))];
		const names = [...new Set(alerts.map((a) => String(a._source.event_name)))];
		if (request.query.get('formatted') !== 'true')
			return json(200, { data: { alert_count: alerts.length, alert_names: names, hosts } });
		const text = [
			`Observed ${names.length} alert types: ${names.join(', ')}`,
			`Involved ${hosts.length} hosts: ${hosts.join(', ')}`,
		].join('\n');
		return json(200, { data: text });
	};

	const caseObservables: Handler = (request) => {
		const record = findCase(request.params.id);
		if (!record) return error(404, 'Case not found');
		const alerts = data().alertsByCase.get(record._id) ?? [];
		const ips = [...new Set(alerts.flatMap((a) => [a._source.srcip, a._source.dstip]).map(String))];
		return json(200, { observables: { ip: ips.map((ip) => ({ value: ip })) } });
	};

	const caseScores: Handler = (request) => {
		const record = findCase(request.params.id);
		if (!record) return error(404, 'Case not found');
		const events = [
			{
				timestamp: record.created_at,
				score: Math.max(0, record.score - 10),
				reasons: [{ reason: 'Case created' }],
			},
			{
				timestamp: record.modified_at,
				score: record.score,
				reasons: [{ reason: `${record.size} alerts correlated` }],
			},
		];
		return json(200, { data: events });
	};

	// ---- raw search over aella-ser-* (Elasticsearch shape) ----

	/**
	 * aella-ser-* reaches the stellar-index-v1-ser-… indices (the recorded answer above): modelled as an alias
	 * aella-ser-<rest of the name>; how Stellar names it is unattested.
	 */
	const aliasOf = (index: string) => index.replace(/^stellar-index-v1-ser-/, 'aella-ser-');

	function indexRegex(pattern: string): RegExp {
		const parts = pattern.split(',').map((p) =>
			p
				.trim()
				.replace(/[.+^${}()|[\]\\]/g, '\\$&')
				.replace(/\*/g, '.*'),
		);
		return new RegExp(`^(${parts.join('|')})$`);
	}

	interface SearchSpec {
		index: string;
		query: unknown;
		sort: unknown;
		size: number;
		from: number;
	}

	/**
	 * The document a query reads: the alert's _source, with its _id beside it for a Lucene term on _id (as
	 * `q=_id:<id>` in XSOAR's get_alert), but left out of the fields a query on all fields reads (not
	 * enumerable), as Elasticsearch leaves its metadata fields out of the default `*`.
	 */
	const searchable = (alert: StellarAlert) =>
		Object.defineProperty({ ...alert._source }, '_id', { value: alert._id, enumerable: false });

	/**
	 * The one _id a query string asks for when it is a single term on _id, bare or quoted (`_id:abc`,
	 * `_id:"a b"`): Elasticsearch reads it as one exact value (_id is a keyword field, case-sensitive), which
	 * the shared Lucene evaluator's loose text matching would not. Anything else is evaluated as it is.
	 */
	function idTermOf(q: string): string | undefined {
		let node: ReturnType<typeof parseLucene>;
		try {
			node = parseLucene(q);
		} catch {
			return undefined;
		}
		if (node.type !== 'term' || node.field !== '_id') return undefined;
		return node.phrase || !/[*?]/.test(node.value) ? node.value : undefined;
	}

	function runSearch(spec: SearchSpec, scroll: string | undefined): SimReply {
		const started = Date.now();
		const inIndex = indexRegex(spec.index);
		let hits: StellarAlert[];
		try {
			hits = data().alerts.filter(
				(alert) =>
					(inIndex.test(alert._index) || inIndex.test(aliasOf(alert._index))) &&
					matches(spec.query, searchable(alert), { nowMs: Date.now(), id: alert._id }),
			);
			hits = sortDocs(
				hits.map((alert) => ({ ...alert._source, __alert: alert })),
				parseSort(spec.sort),
			).map((doc) => doc.__alert as StellarAlert);
		} catch (failure) {
			if (failure instanceof QueryError) {
				return json(400, {
					error: {
						root_cause: [{ type: 'parsing_exception', reason: failure.message }],
						type: 'parsing_exception',
						reason: failure.message,
					},
					status: 400,
				});
			}
			throw failure;
		}
		if (!scroll && spec.from + spec.size > 10_000) {
			const reason = `Result window is too large, from + size must be less than or equal to: [10000] but was [${spec.from + spec.size}]`;
			return json(400, {
				error: {
					root_cause: [{ type: 'illegal_argument_exception', reason }],
					type: 'search_phase_execution_exception',
					reason,
				},
				status: 400,
			});
		}
		const page = hits.slice(spec.from, spec.from + spec.size);
		const body: Record<string, unknown> = {
			took: Date.now() - started,
			timed_out: false,
			hits: {
				total: { value: hits.length, relation: 'eq' },
				max_score: page.length > 0 ? 1 : null,
				hits: page.map((alert) => ({
					_index: alert._index,
					_id: alert._id,
					_score: 1,
					_source: alert._source,
				})),
			},
		};
		if (scroll)
			body._scroll_id = Buffer.from(
				JSON.stringify({ ...spec, from: spec.from + spec.size }),
			).toString('base64url');
		return json(200, body);
	}

	const search: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (request.bodyInvalid || typeof body !== 'object' || Array.isArray(body))
			return json(400, { error: 'Request body must be a JSON object', status: 400 });
		const q = request.query.get('q');
		const idTerm = q ? idTermOf(q) : undefined;
		const query =
			body.query ??
			(idTerm !== undefined
				? { ids: { values: [idTerm] } }
				: q
					? { query_string: { query: q } }
					: { match_all: {} });
		const size = Number(body.size ?? request.query.get('size') ?? 10);
		const from = Number(body.from ?? request.query.get('from') ?? 0);
		if (!Number.isInteger(size) || size < 0 || !Number.isInteger(from) || from < 0)
			return json(400, { error: 'size and from must be non-negative integers', status: 400 });
		const scroll = request.query.get('scroll') ?? undefined;
		return runSearch({ index: request.params.index, query, sort: body.sort, size, from }, scroll);
	};

	const scroll: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const id = String(body.scroll_id ?? request.query.get('scroll_id') ?? '');
		let spec: SearchSpec;
		try {
			spec = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as SearchSpec;
			if (typeof spec.index !== 'string') throw new Error('bad scroll');
		} catch {
			return json(404, {
				error: {
					type: 'search_context_missing_exception',
					reason: 'No search context found for id',
				},
				status: 404,
			});
		}
		return runSearch(spec, String(body.scroll ?? '1m'));
	};

	const updateSecurityEvent: Handler = (request) => {
		const alert = data().alerts.find(
			(candidate) =>
				candidate._id === request.params.id && candidate._index === request.params.index,
		);
		if (!alert) return error(404, 'Security event not found');
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (body.status !== undefined) {
			if (!ALERT_STATUSES.includes(String(body.status)))
				return error(400, `status must be one of ${ALERT_STATUSES.join(', ')}`);
			alert._source.event_status = body.status;
		}
		if (typeof body.comments === 'string' && body.comments !== '') {
			(alert._source.comments as unknown[]).push({
				comment_user: request.user,
				comment_time: Date.now(),
				comment: body.comments,
			});
		}
		if (body.event_tags !== undefined) {
			if (!Array.isArray(body.event_tags))
				return error(400, 'event_tags must be a list of {op, tag}');
			const current = new Set(alert._source.event_tags as string[]);
			for (const change of body.event_tags as Array<Record<string, unknown>>) {
				if (change?.op === 'add') current.add(String(change.tag));
				else if (change?.op === 'delete') current.delete(String(change.tag));
				else return error(400, 'event_tags op must be add or delete');
			}
			alert._source.event_tags = [...current];
		}
		// inferred answer shape
		return json(200, { data: { _id: alert._id, _index: alert._index, result: 'updated' } });
	};

	const router = new Router()
		.post(`${V1}/access_token`, accessToken)
		.get(`${V1}/tenants`, secured(tenants))
		.get(
			`${V1}/users`,
			secured(() => json(200, { data: STELLAR_USERS })),
		)
		// top-level lists, as jira-case-sync and stellarcyber-galaxy read them (docs/provenance.md)
		.get(
			`${V1}/connectors`,
			secured(() => json(200, { connectors: connectorsOf(data().tenants, options.referenceTime) })),
		)
		.get(
			`${V1}/data_sensors`,
			secured(() => json(200, { sensors: sensorsOf(data().tenants, options.referenceTime) })),
		)
		.get(`${V1}/cases`, secured(listCases))
		.get(`${V1}/cases/:id`, secured(getCase))
		.put(`${V1}/cases/:id`, secured(updateCase))
		.get(`${V1}/cases/:id/alerts`, secured(caseAlerts))
		.get(`${V1}/cases/:id/comments`, secured(getComments))
		.post(`${V1}/cases/:id/comments`, secured(addComment))
		.get(`${V1}/cases/:id/summary`, secured(caseSummary))
		.get(`${V1}/cases/:id/observables`, secured(caseObservables))
		.get(`${V1}/cases/:id/scores`, secured(caseScores))
		.post(`${V1}/security_events/:index/:id`, rootScope(updateSecurityEvent))
		.get('/connect/api/data/:index/_search', rootScope(search))
		.post('/connect/api/data/:index/_search', rootScope(search))
		.get('/connect/api/data/_search/scroll', rootScope(scroll))
		.post('/connect/api/data/_search/scroll', rootScope(scroll));

	return {
		router,
		// inferred: the web front answers unknown paths with 404 before any authentication
		notFound: () => error(404, 'Not Found'),
		internalError: () => error(500, 'Internal Server Error'),
		control(route, body) {
			if (route === 'POST /__sim/cases') return createCases(body);
			if (route === 'POST /__sim/cases/modify') return modifyCases(body);
			if (route === 'POST /__sim/cases/alerts') return changeCaseAlerts(body);
			if (route === 'POST /__sim/alerts/copy') return copyAlert(body);
			return undefined;
		},
	};

	/**
	 * POST /__sim/alerts/copy {id, index}: a copy of alert `id` in another index under the same _id (as a
	 * reindex leaves one; Elasticsearch keeps an _id unique within one index only). Inferred, for the ambiguous case.
	 */
	function copyAlert(body: unknown): SimReply {
		const { id, index } = (body ?? {}) as Record<string, unknown>;
		const alert = data().alerts.find((candidate) => candidate._id === id);
		if (!alert) return error(404, 'Security event not found');
		if (typeof index !== 'string' || index === '' || index === alert._index)
			return error(400, "index must name another index than the alert's own");
		const copy: StellarAlert = { ...alert, _index: index, _source: structuredClone(alert._source) };
		data().alerts.push(copy);
		return json(201, { data: { _id: copy._id, _index: copy._index } });
	}

	/** POST /__sim/cases {count?: 1, score?, status?: 'New', tenantId?}: new cases, all created in the same millisecond. */
	function createCases(body: unknown): SimReply {
		const { count = 1, score, status = 'New', tenantId } = (body ?? {}) as Record<string, unknown>;
		if (!Number.isInteger(count) || (count as number) < 1)
			return error(400, 'count must be a positive integer');
		if (!CASE_STATUSES.includes(String(status)))
			return error(400, `status must be one of ${CASE_STATUSES.join(', ')}`);
		if (score !== undefined && typeof score !== 'number')
			return error(400, 'score must be a number');
		const tenant =
			tenantId === undefined
				? data().tenants[0]
				: data().tenants.find((t) => t.cust_id === tenantId);
		if (!tenant) return error(400, 'unknown tenantId');
		const at = Date.now();
		const created: StellarCase[] = [];
		for (let i = 0; i < (count as number); i++) {
			const id = rng.hex(24);
			const record = caseRecord(rng, {
				ticket: 1000 + data().cases.length,
				id,
				tenant,
				event: rng.pick(EVENTS),
				host: rng.pick(HOSTS),
				created: at,
				modified: at,
				status: String(status),
				size: 0,
			});
			if (score !== undefined) record.score = score;
			data().cases.push(record);
			data().alertsByCase.set(id, []);
			created.push(record);
		}
		return json(201, { data: { cases: created } });
	}

	/** POST /__sim/cases/modify {ids, status?, by?: 'alice.soc'}: an analyst touches these cases now (modified_at and modified_by move). */
	function modifyCases(body: unknown): SimReply {
		const { ids, status, by = 'alice.soc' } = (body ?? {}) as Record<string, unknown>;
		if (!Array.isArray(ids) || ids.length === 0) return error(400, 'ids must be a non-empty list');
		if (status !== undefined && !CASE_STATUSES.includes(String(status)))
			return error(400, `status must be one of ${CASE_STATUSES.join(', ')}`);
		const records = ids.map((id) => findCase(String(id)));
		if (records.some((record) => !record)) return error(404, 'Case not found');
		const at = Date.now();
		for (const record of records as StellarCase[]) {
			record.modified_at = at;
			Object.assign(record, byUser(String(by)));
			if (status !== undefined) record.status = status;
		}
		return json(200, { data: { cases: records } });
	}

	/**
	 * POST /__sim/cases/alerts {caseId, add?: 0, remove?: [alert ids]}: the correlation engine links new alerts
	 * to a case (at the end of its list: inferred, the list keeps the order alerts were linked in), or an
	 * analyst unlinks some.
	 */
	function changeCaseAlerts(body: unknown): SimReply {
		const { caseId, add = 0, remove = [] } = (body ?? {}) as Record<string, unknown>;
		const record = findCase(String(caseId));
		if (!record) return error(404, 'Case not found');
		if (!Number.isInteger(add) || (add as number) < 0)
			return error(400, 'add must be a non-negative integer');
		if (!Array.isArray(remove)) return error(400, 'remove must be a list of alert ids');
		const tenant =
			data().tenants.find((known) => known.cust_id === record.cust_id) ?? data().tenants[0];
		const list = (data().alertsByCase.get(record._id) ?? []).filter(
			(alert) => !remove.includes(alert._id),
		);
		const added = Array.from({ length: add as number }, () =>
			caseAlert(rng, { event: rng.pick(EVENTS), tenant, host: rng.pick(HOSTS) }, Date.now()),
		);
		list.push(...added);
		data().alerts.push(...added);
		data().alertsByCase.set(record._id, list);
		record.size = list.length;
		return json(200, { data: { docs: list } });
	}
}
