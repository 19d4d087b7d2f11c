import type { VendorApp, VendorContext } from './core/app';
import { sortDocs, type SortKey } from './core/es-query';
import {
	Router,
	empty,
	json,
	text,
	type HeaderValues,
	type Handler,
	type SimReply,
	type SimRequest,
} from './core/server';
import { v11Alert, v11Alerts } from './data/utmstack-v11';
import {
	ALERT_STATUS,
	ALERT_TAGS,
	INDEX_PATTERNS,
	SEVERITY,
	alertDoc,
	linkAlert,
	seedAlerts,
	seedIncidents,
	seedLogs,
	type StoredDoc,
	type UtmIncident,
	type UtmIncidentNote,
} from './data/utmstack';
import { totp } from './core/totp';
import { UTMSTACK } from './fixtures';
import { Rng, lazy, subSeed } from './seed';
import { indexProperties } from './utmstack-fields';
import { FilterError, parseFilters, runSearch } from './utmstack-search';

/**
 * UTMStack (Spring Boot / JHipster backend): POST /api/authenticate with HS512 JWTs that die when the
 * backend restarts, Utm-Internal-Key and Utm-Api-Key headers, X-UtmStack-error headers on empty error
 * bodies, 423 after repeated bad passwords, two-factor logins, and the alert/log search with its quirks.
 */

interface UtmUser {
	id: number;
	login: string;
	password?: string;
	firstName: string;
	lastName: string;
	email: string;
	authorities: string[];
	/** The second factor the account must give, if any. */
	/** 'ENROLL': two-factor enforced, none set up yet (UserJWTController: forceTfa true, tfaConfigured false, method null). */
	tfa: false | 'TOTP' | 'EMAIL' | 'ENROLL';
}

const USERS: UtmUser[] = [
	{
		id: 1,
		login: UTMSTACK.firstAdmin,
		firstName: 'Administrator',
		lastName: 'Administrator',
		email: 'admin@localhost',
		authorities: ['ROLE_ADMIN', 'ROLE_USER'],
		tfa: false,
	},
	{
		id: 3,
		login: UTMSTACK.username,
		password: UTMSTACK.password,
		firstName: 'SOC',
		lastName: 'Administrator',
		email: 'soc-admin@example.test',
		authorities: ['ROLE_ADMIN', 'ROLE_USER'],
		tfa: false,
	},
	{
		id: 4,
		login: UTMSTACK.tfaUsername,
		password: UTMSTACK.tfaPassword,
		firstName: 'Two-Factor',
		lastName: 'Analyst',
		email: 'tfa-analyst@example.test',
		authorities: ['ROLE_USER'],
		tfa: 'TOTP',
	},
	{
		id: 5,
		login: UTMSTACK.emailTfaUsername,
		password: UTMSTACK.emailTfaPassword,
		firstName: 'Mail',
		lastName: 'Analyst',
		email: 'mail-tfa-analyst@example.test',
		authorities: ['ROLE_USER'],
		tfa: 'EMAIL',
	},
	{
		id: 6,
		login: UTMSTACK.enrollUsername,
		password: UTMSTACK.enrollPassword,
		firstName: 'New',
		lastName: 'Analyst',
		email: 'new-analyst@example.test',
		authorities: ['ROLE_USER'],
		tfa: 'ENROLL',
	},
];

/** The authority of a token issued before the second factor (inferred name); the API refuses it. */
const PRE_VERIFICATION = 'ROLE_PRE_VERIFICATION_USER';
/** vendor-apis.md: the two-factor token lives 5 minutes. */
const TFA_TOKEN_SECONDS = 300;
/** vendor-apis.md: remember-me tokens live 30 days. */
const REMEMBER_ME_SECONDS = 30 * 24 * 3600;
/** Spring Data's default max-page-size: larger `size` values are clamped silently. */
const MAX_PAGE_SIZE = 2000;
/** OpenSearch's default track_total_hits: without it a search reports at most this many hits (utmstack-backends.md). */
const TRACKED_TOTAL_HITS = 10_000;

const REASON: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	500: 'Internal Server Error',
};

/** Spring Boot's default error body. */
function springError(status: number, request: SimRequest, headers?: HeaderValues): SimReply {
	return json(
		status,
		{
			timestamp: new Date().toISOString(),
			status,
			error: REASON[status] ?? 'Error',
			path: request.path,
		},
		headers,
	);
}

/**
 * A request body that fails bean validation (@Valid): ExceptionTranslator's problem, as application/problem+json, with a
 * translation key for `message` and the reasons in `fieldErrors` (web/rest/errors/ExceptionTranslator.java,
 * ErrorConstants.java, FieldErrorVM.java; docs/provenance/utmstack.md "Errors").
 */
function validationProblem(
	request: SimRequest,
	objectName: string,
	fieldErrors: Array<{ field: string; message: string }>,
): SimReply {
	const problem = {
		type: 'https://www.jhipster.tech/problem/constraint-violation',
		title: 'Method argument not valid',
		status: 400,
		path: request.path,
		message: 'error.validation',
		fieldErrors: fieldErrors.map((error) => ({ objectName, ...error })),
	};
	return text(400, JSON.stringify(problem), {}, 'application/problem+json');
}

/** UTMStack's own error answers: no body, the message in X-UtmStack-error. */
function utmError(status: number, message: string): SimReply {
	return empty(status, { 'X-UtmStack-error': message.replace(/[^\x20-\x7e]/g, ' ') });
}

function bearerToken(request: SimRequest): string | undefined {
	const header = request.headers.authorization;
	if (typeof header === 'string' && /^Bearer\s+/i.test(header))
		return header.replace(/^Bearer\s+/i, '').trim();
	return request.query.get('access_token') ?? undefined;
}

export function utmstackSimulator(context: VendorContext): VendorApp {
	const { options, tokens, logins } = context;
	const now = () => tokens.clock();
	// v11 prefixes every system index with "v11-"
	const release = (doc: StoredDoc): StoredDoc =>
		options.utmstackRelease === 'v11' ? { ...doc, index: `v11-${doc.index}` } : doc;
	const alerts = lazy(() => {
		const seeded = seedAlerts(options.seed, options.alertCount, options.referenceTime);
		return options.utmstackRelease === 'v11' ? v11Alerts(seeded) : seeded;
	});
	const logs = lazy(() =>
		seedLogs(options.seed, options.logCount, options.referenceTime).map(release),
	);
	const indexPatterns = () =>
		INDEX_PATTERNS.map((pattern) => ({
			...pattern,
			pattern:
				options.utmstackRelease === 'v11' && pattern.patternSystem
					? `v11-${pattern.pattern}`
					: pattern.pattern,
		}));
	const documents = lazy(() => [...alerts(), ...logs()]);
	const alertById = lazy(() => new Map(alerts().map((doc) => [String(doc.source.id), doc])));
	const incidents = lazy(() => seedIncidents(options.seed, 40, options.referenceTime, alerts()));
	const notes: UtmIncidentNote[] = [];
	/**
	 * LoginAttemptService: failed logins counted per client address (X-Forwarded-For's first entry, else the
	 * socket's), in a cache that forgets a count 10 minutes after its last write (expireAfterWrite). The block is
	 * checked before the password, so an attempt while blocked counts nothing and does not extend it; a good
	 * login writes 0 (AuthenticationSuccessListener).
	 */
	const failures = new Map<string, { count: number; writtenAt: number }>();
	/** Passwords an administrator set on this platform since it started (POST /__sim/users/password). */
	const passwordsSet = new Map<string, string>();
	const passwordOf = (user: UtmUser) => passwordsSet.get(user.login) ?? user.password;
	const failureCount = (address: string): number => {
		const record = failures.get(address);
		if (record && now() - record.writtenAt >= options.utmstackLockSeconds * 1000)
			failures.delete(address);
		return failures.get(address)?.count ?? 0;
	};
	const liveRng = new Rng(subSeed(options.seed, 'utmstack-live-alerts'));

	/** Who is calling, or undefined: internal key, API key, Bearer JWT or ?access_token=. */
	/** A pre-verification token (the first step of a two-factor login): valid, but not a user of the API. */
	function preVerification(request: SimRequest): boolean {
		const check = tokens.check(bearerToken(request));
		return check.valid && String(check.claims.auth ?? '').includes(PRE_VERIFICATION);
	}

	function caller(request: SimRequest): string | undefined {
		const internalKey = request.headers['utm-internal-key'];
		if (internalKey !== undefined)
			return internalKey === UTMSTACK.internalKey ? UTMSTACK.firstAdmin : undefined;
		const apiKey = request.headers['utm-api-key'];
		if (apiKey !== undefined) return apiKey === UTMSTACK.apiKey ? UTMSTACK.username : undefined;
		const check = tokens.check(bearerToken(request));
		if (!check.valid) return undefined;
		if (String(check.claims.auth ?? '').includes(PRE_VERIFICATION)) return undefined;
		return check.subject;
	}

	/** Spring Security: everything under /api needs a valid principal except the public endpoints. */
	const secured =
		(handler: Handler): Handler =>
		(request) => {
			const user = caller(request);
			// ROLE_PRE_VERIFICATION_USER is neither ADMIN nor USER: Spring answers 403 (SecurityConfiguration)
			if (!user) return springError(preVerification(request) ? 403 : 401, request);
			request.user = user;
			return handler(request);
		};

	function lifetimeFor(rememberMe: boolean): number {
		if (rememberMe && !context.lifetimeIsExplicit()) return REMEMBER_ME_SECONDS;
		return tokens.lifetimeSeconds;
	}

	const authenticate: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const { username, password, rememberMe } = body;
		if (
			typeof username !== 'string' ||
			username.length < 1 ||
			username.length > 50 ||
			typeof password !== 'string' ||
			password.length > 100
		) {
			logins.loginFailed();
			return springError(400, request);
		}
		const address = request.clientAddress;
		if (failureCount(address) >= options.utmstackLockAfter) {
			logins.loginFailed();
			// UtilResponse.buildLockedResponse: 423, no body, the text in X-UtmStack-error; no Retry-After.
			return utmError(
				423,
				`UserJWTController.authorize: Client IP ${address} blocked due to too many failed login attempts`,
			);
		}
		const user = USERS.find(
			(candidate) => candidate.login.toLowerCase() === username.toLowerCase(),
		);
		if (!user || passwordOf(user) === undefined || passwordOf(user) !== password) {
			failures.set(address, { count: failureCount(address) + 1, writtenAt: now() });
			logins.loginFailed();
			return utmError(401, 'Bad credentials: invalid username or password');
		}
		failures.set(address, { count: 0, writtenAt: now() });

		if (user.tfa === 'ENROLL') {
			// No challenge is generated: the pre-verification token only opens /api/enrollment/** (not modelled).
			const temporary = tokens.issue(user.login, { auth: PRE_VERIFICATION }, TFA_TOKEN_SECONDS);
			logins.loginSucceeded(temporary.token);
			return json(200, {
				success: true,
				tfaConfigured: false,
				forceTfa: true,
				method: null,
				token: temporary.token,
				tfaExpiresInSeconds: TFA_TOKEN_SECONDS,
				firstLogin: true,
			});
		}
		if (user.tfa) {
			// Two-factor: a temporary token good only for /api/tfa/verifyCode.
			const temporary = tokens.issue(user.login, { auth: PRE_VERIFICATION }, TFA_TOKEN_SECONDS);
			logins.loginSucceeded(temporary.token);
			// The current LoginResponseDTO comes with no Authorization header; the older JWTToken with one.
			return options.utmstackLoginStyle === 'legacy'
				? json(
						200,
						{ id_token: temporary.token, authenticated: false },
						{ Authorization: `Bearer ${temporary.token}` },
					)
				: json(200, {
						success: true,
						tfaConfigured: true,
						forceTfa: true,
						method: user.tfa,
						token: temporary.token,
						tfaExpiresInSeconds: TFA_TOKEN_SECONDS,
						firstLogin: false,
					});
		}
		const issued = tokens.issue(
			user.login,
			{ auth: user.authorities.join(',') },
			lifetimeFor(rememberMe === true),
		);
		logins.loginSucceeded(issued.token);
		// With APP_TFA_ENABLED=false (the only way a password login is not asked for a second factor) the
		// current answer is forceTfa false; it carries no Authorization header.
		return options.utmstackLoginStyle === 'legacy'
			? json(
					200,
					{ id_token: issued.token, authenticated: true },
					{ Authorization: `Bearer ${issued.token}` },
				)
			: json(200, {
					success: true,
					tfaConfigured: false,
					forceTfa: false,
					method: null,
					token: issued.token,
					tfaExpiresInSeconds: 0,
					firstLogin: false,
				});
	};

	/** An administrator sets an account's password on the platform: {login, password}. */
	function setPassword(body: unknown): SimReply {
		const { login, password } = (body ?? {}) as { login?: unknown; password?: unknown };
		const user = USERS.find((candidate) => candidate.login === login);
		if (!user || typeof password !== 'string' || password === '')
			return json(400, { error: 'expected {login, password} of a known user' });
		passwordsSet.set(user.login, password);
		return json(200, { login: user.login });
	}

	/**
	 * POST /api/tfa/verify-code, the raw code as the body, with the temporary token: 412 on a wrong code
	 * (utmstack-backends.md). The answer is {id_token, authenticated: true, tfaMethod} (TfaResource; docs/provenance/utmstack.md). Codes: RFC 6238 (SHA-1, 30 s, 6 digits), one step of clock drift either way. An email
	 * code goes to the user's mailbox, so no code a client can compute is right for an EMAIL account.
	 */
	const verifyCode: Handler = (request) => {
		const check = tokens.check(bearerToken(request));
		if (!check.valid || !String(check.claims.auth ?? '').includes(PRE_VERIFICATION))
			return springError(401, request);
		const user = USERS.find((candidate) => candidate.login === check.subject);
		// Spring reads the body as the raw text (@RequestBody String), whatever the content type says.
		const code = request.rawBody.trim();
		const step = Math.floor(now() / 30_000);
		const right =
			user?.tfa === 'TOTP' &&
			[step - 1, step, step + 1].some((at) => totp(UTMSTACK.tfaTotpSecret, at) === code);
		if (!user || !right) {
			logins.loginFailed();
			return utmError(412, 'Invalid verification code');
		}
		tokens.revoke(bearerToken(request) ?? '');
		const issued = tokens.issue(
			user.login,
			{ auth: user.authorities.join(',') },
			tokens.lifetimeSeconds,
		);
		logins.loginSucceeded(issued.token);
		return json(200, { id_token: issued.token, authenticated: true, tfaMethod: user.tfa });
	};

	const account: Handler = (request) => {
		const user = USERS.find((candidate) => candidate.login === request.user) ?? USERS[0];
		return json(200, {
			id: user.id,
			login: user.login,
			firstName: user.firstName,
			lastName: user.lastName,
			email: user.email,
			activated: true,
			langKey: 'en',
			authorities: user.authorities,
		});
	};

	function intParam(request: SimRequest, name: string): number | undefined | 'invalid' {
		const raw = request.query.get(name);
		if (raw === null || raw === '') return undefined;
		return /^-?\d+$/.test(raw) ? Number(raw) : 'invalid';
	}

	/** Spring's `sort=field,dir` (repeatable). */
	function sortParams(request: SimRequest): SortKey[] {
		return request.query.getAll('sort').flatMap((value) => {
			const [field, direction] = value.split(',');
			if (!field) return [];
			return [{ field, order: direction?.toLowerCase() === 'desc' ? 'desc' : 'asc' } as SortKey];
		});
	}

	/** JHipster-style Link header, built from the page number as Spring read it (0-based): do not follow it on this endpoint. */
	function linkHeader(base: string, page: number, size: number, total: number): string {
		const last = Math.max(0, Math.ceil(total / Math.max(size, 1)) - 1);
		const link = (p: number, rel: string) => `<${base}?page=${p}&size=${size}>; rel="${rel}"`;
		const parts: string[] = [];
		if (page < last) parts.push(link(page + 1, 'next'));
		if (page > 0) parts.push(link(page - 1, 'prev'));
		parts.push(link(last, 'last'), link(0, 'first'));
		return parts.join(',');
	}

	const search: Handler = (request) => {
		const top = intParam(request, 'top');
		const page = intParam(request, 'page');
		const size = intParam(request, 'size');
		const indexPattern = request.query.get('indexPattern');
		if (
			top === undefined ||
			top === 'invalid' ||
			page === 'invalid' ||
			size === 'invalid' ||
			!indexPattern
		)
			return springError(400, request);
		// @RequestBody(required = false) List<FilterType>: no body searches with no filters; a non-JSON one does not bind
		if (request.bodyInvalid) return springError(400, request);
		let filters;
		try {
			filters = parseFilters(request.rawBody.trim() === '' ? [] : request.body);
		} catch (error) {
			if (error instanceof FilterError && error.status === 400) return springError(400, request);
			return utmError(500, error instanceof Error ? error.message : 'search failed');
		}
		const pageSize = Math.min(size === undefined || size < 1 ? 20 : size, MAX_PAGE_SIZE);
		const pageNumber = page ?? 0;
		try {
			const result = runSearch(documents(), {
				filters,
				indexPattern,
				top,
				page: pageNumber,
				size: pageSize,
				sort: sortParams(request),
				nowMs: now(),
				maxResultWindow: options.utmstackMaxResultWindow,
			});
			if (result.total === 0) return json(200, []);
			// No track_total_hits in UTMStack's search: OpenSearch counts hits up to 10,000 and stops there.
			const shownTotal = Math.min(result.total, TRACKED_TOTAL_HITS, top);
			return json(200, result.hits, {
				'X-Total-Count': shownTotal,
				Link: linkHeader(
					'/api/elasticsearch/search',
					Math.max(0, pageNumber),
					pageSize,
					shownTotal,
				),
			});
		} catch (error) {
			return utmError(500, error instanceof Error ? error.message : 'search failed');
		}
	};

	const genericSearch: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (typeof body.index !== 'string' || body.index === '') return springError(400, request);
		try {
			const top = typeof body.top === 'number' ? body.top : 100;
			const result = runSearch(documents(), {
				filters: parseFilters(body.filters ?? []),
				indexPattern: body.index,
				top,
				page: 1,
				size: Math.min(top, 10_000),
				sort: [],
				nowMs: now(),
			});
			return json(200, result.hits);
		} catch (error) {
			return utmError(500, error instanceof Error ? error.message : 'search failed');
		}
	};

	function alertIdsOf(body: Record<string, unknown>): string[] | undefined {
		const ids = body.alertIds;
		return Array.isArray(ids) && ids.length > 0 && ids.every((id) => typeof id === 'string')
			? (ids as string[])
			: undefined;
	}

	const updateStatus: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const ids = alertIdsOf(body);
		const status = body.status;
		if (!ids || typeof status !== 'number' || !(status in ALERT_STATUS))
			return springError(400, request);
		for (const id of ids) {
			const alert = alertById().get(id);
			if (!alert) continue; // an update by query: unknown ids change nothing (inferred)
			alert.source.status = status;
			alert.source.statusLabel = ALERT_STATUS[status];
			if (typeof body.statusObservation === 'string')
				alert.source.statusObservation = body.statusObservation;
		}
		return empty(200);
	};

	const addNote: Handler = (request) => {
		const id = request.query.get('alertId');
		const alert = id ? alertById().get(id) : undefined;
		if (!id) return springError(400, request);
		// an update by query: an id it does not have matches nothing, and the answer is still 200 (UtmAlertServiceImpl)
		if (alert)
			alert.source.notes = typeof request.body === 'string' ? request.body : request.rawBody;
		return empty(200);
	};

	const setTags: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const ids = alertIdsOf(body);
		if (!ids || !Array.isArray(body.tags) || !body.tags.every((tag) => typeof tag === 'string'))
			return springError(400, request);
		for (const id of ids) {
			const alert = alertById().get(id);
			if (alert) alert.source.tags = [...(body.tags as string[])];
		}
		return empty(200);
	};

	const countOpenAlerts: Handler = () =>
		json(200, alerts().filter((doc) => doc.source.status === 2).length);

	// ---- incidents (JHipster resources: 0-based page, X-Total-Count) ----

	/** The incident as the API shows it (the linked alert ids are the simulator's own bookkeeping). */
	const incidentJson = (incident: UtmIncident): Record<string, unknown> => {
		const shown: Record<string, unknown> = { ...incident };
		delete shown.alertIds;
		return shown;
	};

	function alertList(body: Record<string, unknown>): { ids: string[] } | { error: SimReply } {
		const list = body.alertList;
		if (!Array.isArray(list) || list.length === 0)
			return { error: utmError(400, 'The incident must have at least one alert') };
		const ids: string[] = [];
		for (const item of list) {
			const alertId = (item as Record<string, unknown> | null)?.alertId;
			if (typeof alertId !== 'string')
				return { error: utmError(400, 'Every alert of the list needs an alertId') };
			const alert = alertById().get(alertId);
			if (!alert) return { error: utmError(400, `Alert ${alertId} not found`) };
			// UtmIncidentResource checks its incident-alert table, not the alert document's isIncident.
			if (incidents().some((incident) => incident.alertIds.includes(alertId))) {
				return {
					error: utmError(
						409,
						`Some alerts are already linked to another incident. Alert IDs: ${alertId}. Check the related incidents for more details.`,
					),
				};
			}
			ids.push(alertId);
		}
		return { ids };
	}

	const createIncident: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		// NewIncidentDTO: incidentName @NotNull and @Pattern(^[^"]*$, "Double quotes are not allowed"), alertList @NotNull;
		// Spring's default text for @NotNull is "must not be null"
		const invalid = [
			...(typeof body.incidentName !== 'string'
				? [{ field: 'incidentName', message: 'must not be null' }]
				: body.incidentName.includes('"')
					? [{ field: 'incidentName', message: 'Double quotes are not allowed' }]
					: []),
			...(body.alertList == null ? [{ field: 'alertList', message: 'must not be null' }] : []),
		];
		if (invalid.length) return validationProblem(request, 'newIncidentDTO', invalid);
		// unattested: a blank name passes validation; the simulator refuses it as Spring's default 400
		if (typeof body.incidentName === 'string' && body.incidentName.trim() === '')
			return springError(400, request);
		// incident_name is UNIQUE (tables.sql): a second incident of the same name fails in the database, a 500
		if (incidents().some((incident) => incident.incidentName === body.incidentName)) {
			return utmError(
				500,
				'UtmIncidentResource.createIncident: could not execute statement; duplicate key value violates unique constraint "utm_incident_incident_name_key"',
			);
		}
		// incident_description is NOT NULL (tables.sql); the service saves it as given and the resource turns the failure into a 500
		if (typeof body.incidentDescription !== 'string') {
			return utmError(
				500,
				'UtmIncidentResource.createIncident: could not execute statement; null value in column "incident_description" violates not-null constraint',
			);
		}
		const list = alertList(body);
		if ('error' in list) return list.error;
		const linked = list.ids.map((id) => alertById().get(id) as StoredDoc);
		const incident: UtmIncident = {
			id: Math.max(0, ...incidents().map((i) => i.id)) + 1,
			incidentName: String(body.incidentName),
			incidentDescription: body.incidentDescription,
			incidentStatus: 'OPEN',
			incidentAssignedTo:
				typeof body.incidentAssignedTo === 'string' ? body.incidentAssignedTo : null,
			incidentCreatedDate: new Date().toISOString(),
			incidentSeverity: Math.max(...linked.map((alert) => Number(alert.source.severity))),
			incidentSolution: null,
			alertIds: list.ids,
		};
		// UtmIncidentService records the link for the incident only; the alert documents change when the client
		// calls convert-to-incident next, as UTMStack's own screens do.
		incidents().push(incident);
		// UtmIncidentResource.createIncident answers ResponseEntity.ok (200), with no Location
		return json(200, incidentJson(incident));
	};

	/**
	 * POST /api/utm-alerts/convert-to-incident {eventIds, incidentName, incidentId, incidentSource}
	 * (UtmAlertServiceImpl.convertToIncident): marks the alerts of these ids that are not part of an incident
	 * yet (isIncident, incidentDetail); 200 with no body. A missing field is Spring's 400; an empty id list
	 * fails inside the service, which the resource answers 500 with the text in X-UtmStack-error.
	 */
	const convertToIncident: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const { eventIds, incidentName, incidentId, incidentSource } = body;
		if (
			!Array.isArray(eventIds) ||
			typeof incidentName !== 'string' ||
			!Number.isInteger(incidentId) ||
			typeof incidentSource !== 'string' ||
			incidentName.includes('"')
		) {
			return springError(400, request);
		}
		if (eventIds.length === 0)
			return utmError(
				500,
				'UtmAlertResource.convertToIncident: UtmAlertServiceImpl.convertToIncident: Parameter eventIds is null or empty',
			);
		const at = new Date().toISOString();
		for (const id of eventIds.map(String)) {
			const alert = alertById().get(id);
			if (!alert || alert.source.isIncident === true) continue;
			alert.source.isIncident = true;
			alert.source.incidentDetail = {
				incidentName,
				incidentId: String(incidentId),
				creationDate: at,
				createdBy: request.user ?? 'system',
				source: incidentSource,
			};
		}
		return empty(200);
	};

	const findIncident = (id: unknown) => incidents().find((incident) => incident.id === Number(id));

	const addAlerts: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const incident = findIncident(body.incidentId);
		// UtmIncidentService: "Incident not found", which the resource answers 500; success is 201 Created
		if (!incident)
			return utmError(500, 'UtmIncidentResource.addAlertsToUtmIncident: Incident not found');
		const list = alertList(body);
		if ('error' in list) return list.error;
		incident.alertIds.push(...list.ids);
		return json(201, incidentJson(incident));
	};

	const STATUSES = ['OPEN', 'IN_REVIEW', 'COMPLETED', 'MERGED'];

	/** PUT of the whole incident: a body without its name or status is refused, as the API requires the full object. */
	const changeStatus: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const incident = findIncident(body.id);
		if (body.id === undefined) return springError(400, request);
		if (!incident)
			return utmError(500, 'UtmIncidentResource.changeIncidentStatus: Incident not found');
		if (
			typeof body.incidentName !== 'string' ||
			typeof body.incidentStatus !== 'string' ||
			!STATUSES.includes(body.incidentStatus)
		) {
			return springError(400, request);
		}
		incident.incidentName = body.incidentName;
		incident.incidentStatus = body.incidentStatus as UtmIncident['incidentStatus'];
		if ('incidentDescription' in body)
			incident.incidentDescription = (body.incidentDescription as string | null) ?? null;
		if ('incidentAssignedTo' in body)
			incident.incidentAssignedTo = (body.incidentAssignedTo as string | null) ?? null;
		if ('incidentSolution' in body)
			incident.incidentSolution = (body.incidentSolution as string | null) ?? null;
		for (const id of incident.alertIds) {
			const detail = alertById().get(id)?.source.incidentDetail as
				| Record<string, unknown>
				| undefined;
			if (detail) detail.incidentStatus = incident.incidentStatus;
		}
		return json(200, incidentJson(incident));
	};

	function pageOf(
		request: SimRequest,
		items: Array<Record<string, unknown>>,
		base: string,
	): SimReply {
		const page = Math.max(0, Number(request.query.get('page') ?? 0) || 0);
		const size = Math.min(
			Math.max(1, Number(request.query.get('size') ?? 20) || 20),
			MAX_PAGE_SIZE,
		);
		let sorted = items;
		const sort = sortParams(request);
		if (sort.length > 0) sorted = sortDocs(items, sort);
		return json(200, sorted.slice(page * size, page * size + size), {
			'X-Total-Count': items.length,
			Link: linkHeader(base, page, size, items.length),
		});
	}

	/** JHipster's LongFilter on the incident id (UtmIncidentCriteria.id): equals, in, and the four comparisons. */
	const ID_FILTERS: Record<string, (id: number, value: number) => boolean> = {
		'id.equals': (id, value) => id === value,
		'id.greaterThan': (id, value) => id > value,
		'id.greaterThanOrEqual': (id, value) => id >= value,
		'id.lessThan': (id, value) => id < value,
		'id.lessThanOrEqual': (id, value) => id <= value,
	};

	const listIncidents: Handler = (request) => {
		let list = incidents();
		for (const [name, test] of Object.entries(ID_FILTERS)) {
			const raw = request.query.get(name);
			if (raw === null) continue;
			// Spring cannot convert the text to a Long: a 400 like any binding error
			if (!/^-?\d+$/.test(raw)) return springError(400, request);
			list = list.filter((incident) => test(incident.id, Number(raw)));
		}
		const idsIn = request.query.get('id.in');
		if (idsIn !== null)
			list = list.filter((incident) => idsIn.split(',').map(Number).includes(incident.id));
		const equals = request.query.get('incidentStatus.equals');
		const within = request.query.get('incidentStatus.in');
		const nameContains = request.query.get('incidentName.contains');
		if (equals) list = list.filter((incident) => incident.incidentStatus === equals);
		if (within)
			list = list.filter((incident) => within.split(',').includes(incident.incidentStatus));
		if (nameContains)
			list = list.filter((incident) =>
				incident.incidentName.toLowerCase().includes(nameContains.toLowerCase()),
			);
		return pageOf(request, list.map(incidentJson), '/api/utm-incidents');
	};

	const getIncident: Handler = (request) => {
		const incident = /^\d+$/.test(request.params.id) ? findIncident(request.params.id) : undefined;
		// wrapOrNotFound throws ResponseStatusException(NOT_FOUND), which the resource's catch answers 500 (inferred from the code path)
		return incident
			? json(200, incidentJson(incident))
			: utmError(500, 'UtmIncidentResource.getUtmIncident: 404 NOT_FOUND');
	};

	const addIncidentNote: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (typeof body.noteText !== 'string' || body.noteText === '') return springError(400, request);
		// UtmIncidentNote: @Size(max = 1000), checked when it is saved, so a 500
		if (body.noteText.length > 1000)
			return utmError(
				500,
				'UtmIncidentNoteResource.createUtmIncidentNote: size must be between 0 and 1000',
			);
		// the note's foreign key to the incident fails: a 500 (fk_utm_incident_note_incident_id)
		if (!findIncident(body.incidentId))
			return utmError(
				500,
				'UtmIncidentNoteResource.createUtmIncidentNote: could not execute statement; violates foreign key constraint "fk_utm_incident_note_incident_id"',
			);
		const note: UtmIncidentNote = {
			id: notes.length + 1,
			incidentId: Number(body.incidentId),
			noteText: body.noteText,
			noteSendDate: new Date().toISOString(),
			noteSendBy: request.user ?? 'system',
		};
		notes.push(note);
		return json(201, note);
	};

	const listIncidentNotes: Handler = (request) => {
		const id = request.query.get('incidentId.equals');
		const selected = id ? notes.filter((note) => note.incidentId === Number(id)) : notes;
		return pageOf(
			request,
			selected.map((note) => ({ ...note })),
			'/api/utm-incident-notes',
		);
	};

	const router = new Router()
		.post('/api/authenticate', authenticate)
		.post('/api/tfa/verify-code', verifyCode)
		.get('/api/ping', () => text(200, 'OK'))
		// inferred: a small health document
		.get('/api/healthcheck', () => json(200, { status: 'UP' }))
		.get('/api/account', secured(account))
		.post('/api/elasticsearch/search', secured(search))
		.get(
			'/api/elasticsearch/index/properties',
			secured((request) => {
				const pattern = request.query.get('indexPattern');
				// @RequestParam String indexPattern: required
				if (!pattern) return springError(400, request);
				const fields = indexProperties(documents(), pattern);
				return fields
					? json(200, fields)
					: // a missing index is a 404 in the X-UtmStack-error shape; its text is unattested
						utmError(404, `ElasticsearchResource.getIndexProperties: no such index [${pattern}]`);
			}),
		)
		.post('/api/elasticsearch/generic-search', secured(genericSearch))
		.post('/api/utm-alerts/status', secured(updateStatus))
		.post('/api/utm-alerts/notes', secured(addNote))
		.post('/api/utm-alerts/tags', secured(setTags))
		.post('/api/utm-alerts/convert-to-incident', secured(convertToIncident))
		.get('/api/utm-alerts/count-open-alerts', secured(countOpenAlerts))
		.post('/api/utm-incidents', secured(createIncident))
		.get('/api/utm-incidents', secured(listIncidents))
		.post('/api/utm-incidents/add-alerts', secured(addAlerts))
		.put('/api/utm-incidents/change-status', secured(changeStatus))
		.get('/api/utm-incidents/:id', secured(getIncident))
		.post('/api/utm-incident-notes', secured(addIncidentNote))
		.get('/api/utm-incident-notes', secured(listIncidentNotes))
		// JHipster's UserResource (admin only in UTMStack's console; the list of people an incident is assigned to)
		// UserResource.getAllUsers: administrators only
		.get(
			'/api/users',
			secured((request) => {
				const caller = USERS.find((user) => user.login === request.user);
				if (!caller?.authorities.includes('ROLE_ADMIN')) return springError(403, request);
				return pageOf(
					request,
					USERS.map(({ password: _password, tfa: _tfa, ...user }) => ({
						...user,
						activated: true,
						langKey: 'en',
					})),
					'/api/users',
				);
			}),
		)
		.get(
			'/api/utm-index-patterns',
			secured((request) => pageOf(request, indexPatterns(), '/api/utm-index-patterns')),
		)
		.get(
			'/api/utm-alert-tags',
			secured(() => json(200, ALERT_TAGS)),
		);

	return {
		router,
		notFound(request, allowedMethods) {
			// Spring Security runs first: an unknown /api path without credentials is a 401.
			if (request.path.startsWith('/api/') && !caller(request)) return springError(401, request);
			if (allowedMethods.length > 0)
				return springError(405, request, { Allow: allowedMethods.join(', ') });
			return springError(404, request);
		},
		internalError(_request, error) {
			return utmError(500, error instanceof Error ? error.message : 'Internal error');
		},
		unlock() {
			failures.clear();
		},
		control(route, body) {
			if (route === 'POST /__sim/alerts') return createAlerts(body);
			if (route === 'POST /__sim/users/password') return setPassword(body);
			if (route === 'POST /__sim/incidents') return raiseIncidents(body);
			if (route === 'POST /__sim/incidents/status') return changeIncidentStatus(body);
			return undefined;
		},
	};

	/**
	 * POST /__sim/incidents {count?: 1, status?: 'OPEN'}: analysts raise incidents now, each from one new alert
	 * (UTMStack refuses an incident without alerts); ids continue the sequence.
	 */
	function raiseIncidents(body: unknown): SimReply {
		const { count = 1, status = 'OPEN' } = (body ?? {}) as Record<string, unknown>;
		if (!Number.isInteger(count) || (count as number) < 1)
			return json(400, { error: 'count must be a positive integer' });
		if (!STATUSES.includes(String(status)))
			return json(400, { error: `status must be one of ${STATUSES.join(', ')}` });
		const raised: UtmIncident[] = [];
		for (let i = 0; i < (count as number); i++) {
			const alert = (createAlerts({}) as { body: { alerts: Array<Record<string, unknown>> } }).body
				.alerts[0];
			const incident: UtmIncident = {
				id: Math.max(0, ...incidents().map((known) => known.id)) + 1,
				incidentName: `INC-${String(incidents().length + 1).padStart(4, '0')} ${String(alert.name)}`,
				incidentDescription: null,
				incidentStatus: status as UtmIncident['incidentStatus'],
				incidentAssignedTo: null,
				incidentCreatedDate: new Date().toISOString(),
				incidentSeverity: Number(alert.severity),
				incidentSolution: null,
				alertIds: [String(alert.id)],
			};
			incidents().push(incident);
			linkAlert(alertById().get(String(alert.id)) as StoredDoc, incident, 'system');
			raised.push(incident);
		}
		return json(201, { incidents: raised.map(incidentJson) });
	}

	/** POST /__sim/incidents/status {ids, status}: analysts move these incidents on (closing one takes it out of an OPEN listing). */
	function changeIncidentStatus(body: unknown): SimReply {
		const { ids, status } = (body ?? {}) as Record<string, unknown>;
		if (!Array.isArray(ids) || ids.length === 0)
			return json(400, { error: 'ids must be a non-empty list' });
		if (!STATUSES.includes(String(status)))
			return json(400, { error: `status must be one of ${STATUSES.join(', ')}` });
		const found = ids.map(findIncident);
		if (found.some((incident) => !incident)) return json(404, { error: 'incident not found' });
		for (const incident of found as UtmIncident[])
			incident.incidentStatus = status as UtmIncident['incidentStatus'];
		return json(200, { incidents: (found as UtmIncident[]).map(incidentJson) });
	}

	/**
	 * POST /__sim/alerts {count?: 1, severity?: 1-3, name?, timestamp?: ISO, repeatOf?: alert id, user?}: new alerts as the
	 * correlation engine would write them, all at one @timestamp (now unless given), so a batch is a tie.
	 */
	function createAlerts(body: unknown): SimReply {
		const {
			count = 1,
			severity,
			name,
			timestamp,
			repeatOf,
			user,
		} = (body ?? {}) as Record<string, unknown>;
		if (!Number.isInteger(count) || (count as number) < 1)
			return json(400, { error: 'count must be a positive integer' });
		if (severity !== undefined && !SEVERITY[severity as number])
			return json(400, { error: 'severity must be 1, 2 or 3' });
		const at = timestamp === undefined ? now() : Date.parse(String(timestamp));
		if (Number.isNaN(at)) return json(400, { error: 'timestamp must be an ISO date' });
		const created: StoredDoc[] = [];
		for (let i = 0; i < (count as number); i++) {
			// repeatOf (UTMStack 11): the new alerts repeat that alert, as children of its first alert
			const first = repeatOf === undefined ? undefined : alertById().get(String(repeatOf));
			if (repeatOf !== undefined && !first)
				return json(400, { error: `repeatOf: no alert ${String(repeatOf)}` });
			const parentId = first ? String(first.source.parentId || first.source.id) : '';
			const doc =
				options.utmstackRelease === 'v11'
					? v11Alert(alertDoc(liveRng, at), parentId, first ? String(first.source.name) : undefined)
					: release(alertDoc(liveRng, at));
			if (severity !== undefined)
				Object.assign(doc.source, { severity, severityLabel: SEVERITY[severity as number] });
			if (typeof name === 'string') doc.source.name = name;
			// user: the account on the alert's inner side (UTMStack 10 destination, 11 target)
			if (typeof user === 'string') {
				const side = (options.utmstackRelease === 'v11' ? 'target' : 'destination') as string;
				doc.source[side] = { ...(doc.source[side] as Record<string, unknown>), user };
			}
			created.push(doc);
		}
		// The lookups are built on first use from alerts(): build them before adding, so nothing is added twice.
		const [searchable, byId] = [documents(), alertById()];
		alerts().push(...created);
		searchable.push(...created);
		for (const doc of created) byId.set(String(doc.source.id), doc);
		return json(201, { alerts: created.map((doc) => doc.source) });
	}
}
