import { randomBytes } from 'node:crypto';

import type { VendorApp, VendorContext } from './core/app';
import { QueryError, matches, parseSort, sortDocs } from './core/es-query';
import { Router, json, type Handler, type SimReply, type SimRequest } from './core/server';
import {
	REGION,
	ZONES,
	allocatorInfo,
	fullDeployment,
	listing,
	rulesetInfo,
	seedAllocators,
	seedDeployments,
	seedRulesets,
	type EceDeployment,
	type EceRuleset,
	type Json,
} from './data/elastic-cloud-enterprise';
import {
	DEFAULT_PLAN_SETTINGS,
	advancePlans,
	pendingPlan,
	startPlan,
	type PlanSettings,
} from './elastic-cloud-enterprise-plans';
import { ECE } from './fixtures';
import { DAY_MS, lazy } from './seed';

/**
 * Elastic Cloud Enterprise API (/api/v1): `Authorization: ApiKey <key>` (answers carry
 * X-Elastic-Api-Key-Expiration) or a login at /users/auth/_login for a Bearer JWT. Errors are
 * {"errors":[{code, message}]} with the codes repeated in x-cloud-error-codes (ece-swagger.json).
 */

const API = '/api/v1';
/** inferred: the page size of a deployment search without `size`. */
const DEFAULT_SEARCH_SIZE = 100;

function eceError(status: number, code: string, message: string, fields?: string[]): SimReply {
	return json(
		status,
		{ errors: [{ code, message, ...(fields ? { fields } : {}) }] },
		{ 'x-cloud-error-codes': code },
	);
}

const unauthenticated = () =>
	eceError(401, 'root.unauthenticated', 'The supplied authentication is invalid');

interface EceUser {
	user_name: string;
	password: string;
	full_name: string;
	email: string;
	builtin: boolean;
	roles: string[];
}

const USERS: EceUser[] = [
	{
		user_name: ECE.username,
		password: ECE.password,
		full_name: 'n8n Operator',
		email: 'n8n-operator@example.test',
		builtin: false,
		roles: ['ece_platform_admin'],
	},
	{
		user_name: ECE.adminUsername,
		password: ECE.adminPassword,
		full_name: 'Administrator',
		email: '',
		builtin: true,
		roles: ['ece_platform_admin'],
	},
];

interface ApiKey {
	id: string;
	key: string;
	description: string;
	user_id: string;
	creation_date: string;
	expiration_date?: string;
}

/** "1d", "3h", "30m", "90s" as milliseconds. */
function durationMs(text: string): number | undefined {
	const match = /^(\d+)\s*([smhdw])$/.exec(text.trim());
	if (!match) return undefined;
	return (
		Number(match[1]) *
		{ s: 1000, m: 60_000, h: 3600_000, d: DAY_MS, w: 7 * DAY_MS }[match[2] as 's']!
	);
}

function booleanParam(request: SimRequest, name: string): boolean | undefined | 'invalid' {
	const raw = request.query.get(name);
	if (raw === null || raw === '') return undefined;
	if (raw === 'true' || raw === 'false') return raw === 'true';
	return 'invalid';
}

export function eceSimulator(context: VendorContext): VendorApp {
	const { options, tokens, logins } = context;
	const allocators = lazy(() => seedAllocators(options.seed));
	const deployments = lazy(() =>
		seedDeployments(options.seed, options.deploymentCount, options.referenceTime, allocators()),
	);
	const keys = new Map<string, ApiKey>([
		[
			ECE.apiKey,
			{
				id: 'n8n-fixture-key',
				key: ECE.apiKey,
				description: 'n8n tests',
				user_id: ECE.username,
				creation_date: new Date(options.referenceTime - 10 * DAY_MS).toISOString(),
				// inferred: a 90-day key
				expiration_date: new Date(options.referenceTime + 90 * DAY_MS).toISOString(),
			},
		],
	]);

	function caller(request: SimRequest): { user: EceUser; apiKey?: ApiKey } | undefined {
		const header = request.headers.authorization;
		if (typeof header !== 'string') return undefined;
		const [scheme, value = ''] = header.trim().split(/\s+/, 2);
		if (/^apikey$/i.test(scheme)) {
			const key = keys.get(value);
			if (!key || (key.expiration_date && Date.parse(key.expiration_date) <= Date.now()))
				return undefined;
			const user = USERS.find((candidate) => candidate.user_name === key.user_id);
			return user ? { user, apiKey: key } : undefined;
		}
		if (/^bearer$/i.test(scheme)) {
			const check = tokens.check(value);
			const user = check.valid
				? USERS.find((candidate) => candidate.user_name === check.subject)
				: undefined;
			return user ? { user } : undefined;
		}
		if (/^basic$/i.test(scheme)) {
			const decoded = Buffer.from(value, 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			const user = USERS.find(
				(candidate) =>
					candidate.user_name === decoded.slice(0, colon) &&
					candidate.password === decoded.slice(colon + 1),
			);
			return colon > 0 && user ? { user } : undefined;
		}
		return undefined;
	}

	const secured =
		(handler: Handler): Handler =>
		async (request) => {
			const who = caller(request);
			if (!who) return unauthenticated();
			request.user = who.user.user_name;
			const reply = await handler(request);
			if (who.apiKey?.expiration_date)
				reply.headers = {
					...(reply.headers ?? {}),
					'X-Elastic-Api-Key-Expiration': who.apiKey.expiration_date,
				};
			return reply;
		};

	const currentUser = (request: SimRequest) =>
		USERS.find((candidate) => candidate.user_name === request.user) ?? USERS[0];

	function session(user: EceUser): SimReply {
		const issued = tokens.issue(user.user_name, { roles: user.roles });
		logins.loginSucceeded(issued.token);
		return json(200, {
			token: issued.token,
			session_expiration_time: new Date(issued.expiresAtMs).toISOString(),
		});
	}

	const login: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (
			request.bodyInvalid ||
			typeof body.username !== 'string' ||
			typeof body.password !== 'string'
		) {
			logins.loginFailed();
			// inferred code for a body that does not bind
			return eceError(
				400,
				'root.invalid_json_request',
				'The request body is not a valid login request',
				['username', 'password'],
			);
		}
		const user = USERS.find(
			(candidate) => candidate.user_name === body.username && candidate.password === body.password,
		);
		if (!user) {
			logins.loginFailed();
			return unauthenticated();
		}
		return session(user);
	};

	const refresh: Handler = (request) => {
		const header = String(request.headers.authorization ?? '');
		const check = tokens.check(header.replace(/^Bearer\s+/i, '').trim());
		const user = check.valid
			? USERS.find((candidate) => candidate.user_name === check.subject)
			: undefined;
		if (!/^Bearer\s+/i.test(header) || !user) {
			logins.loginFailed();
			return eceError(401, 'root.unauthorized', 'The authentication token is invalid or expired.');
		}
		return session(user);
	};

	const logout: Handler = (request) => {
		const header = String(request.headers.authorization ?? '');
		if (/^Bearer\s+/i.test(header)) tokens.revoke(header.replace(/^Bearer\s+/i, '').trim());
		return json(200, {});
	};

	const platform: Handler = () => {
		const image = (version: string) => [
			{ id: 'cloud-enterprise', tag: version, version, hash: 'sha256:6f1c0d3a9e' },
		];
		const allocatorList = allocators();
		return json(200, {
			version: '3.7.2',
			services: [
				'allocator',
				'proxy',
				'runner',
				'zookeeper',
				'director',
				'coordinator',
				'constructor',
				'admin-console',
			].map((type) => ({ type, image: image('3.7.2') })),
			phone_home_enabled: false,
			eula_accepted: true,
			regions: [
				{
					region_id: REGION,
					allocators: {
						healthy: true,
						// AllocatorsZoneSummary's required keys
						zone_summaries: ZONES.map((zone) => {
							const inZone = allocatorList.filter((a) => a.zone_id === zone);
							return {
								zone_id: zone,
								total_allocators: inZone.length,
								healthy_allocators: inZone.length,
								connected_allocators: inZone.length,
								disconnected_allocators: 0,
								in_maintenance_allocators: 0,
								connected_capacity: inZone.length * 65536,
								max_available_capacity: 32768,
								instances: inZone.length * 4,
							};
						}),
					},
					runners: {
						healthy: true,
						total_runners: 15,
						healthy_runners: 15,
						connected_runners: 15,
						connected_capacity: 1572864,
						max_available_capacity: 262144,
						containers_count: 240,
					},
					proxies: { healthy: true, expected_proxies_count: 3, proxies_count: 3, proxies: [] },
					zookeeper_states: { states: [{ healthy: true, mode: 'leader' }] },
					constructors: {
						constructors: [{ constructor_id: '192.168.44.2', status: { connected: true } }],
					},
					coordinators: { coordinators: [{ coordinator_id: '192.168.44.2', healthy: true }] },
					container_sets_status: {
						healthy: true,
						healthy_container_sets_count: 12,
						unhealthy_container_sets_count: 0,
						unhealthy_container_sets: [],
					},
					resources: {
						healthy: true,
						available_count: 20,
						used_count: 4,
						missing_count: 0,
						minimum_available_count: 5,
						account_count: 1,
					},
				},
			],
			unreachable_regions: [],
		});
	};

	const findDeployment = (id: string) => deployments().find((d) => d.id === id);
	const notFoundDeployment = (id: string) =>
		eceError(404, 'deployments.deployment_not_found', `Deployment ${id} cannot be found`);

	const listDeployments: Handler = () => json(200, { deployments: deployments().map(listing) });

	interface Cursor {
		offset: number;
		size: number;
		query: unknown;
		sort: unknown;
	}

	/**
	 * POST /deployments/_search: cursor pages; a cursor comes back with every page, an empty one included (ecctl's
	 * search_test.go mock). What the cursor holds is unattested: here an offset, so a deployment deleted between
	 * two pages shifts the next one (the nodes sort by id, and a read that must see each record once says so).
	 */
	const searchDeployments: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (request.bodyInvalid || typeof body !== 'object' || Array.isArray(body))
			return eceError(400, 'root.invalid_json_request', 'The search request is not valid JSON');
		let spec: Cursor;
		if (typeof body.cursor === 'string' && body.cursor !== '') {
			try {
				spec = JSON.parse(Buffer.from(body.cursor, 'base64url').toString('utf8')) as Cursor;
				if (typeof spec.offset !== 'number' || typeof spec.size !== 'number')
					throw new Error('bad cursor');
			} catch {
				return eceError(400, 'root.invalid_cursor', 'The cursor is invalid or has expired', [
					'cursor',
				]);
			}
		} else {
			const size = body.size === undefined ? DEFAULT_SEARCH_SIZE : body.size;
			const from = body.from === undefined ? 0 : body.from;
			if (
				!Number.isInteger(size) ||
				(size as number) < 0 ||
				!Number.isInteger(from) ||
				(from as number) < 0
			) {
				return eceError(
					400,
					'root.invalid_json_request',
					'size and from must be non-negative integers',
					['size', 'from'],
				);
			}
			spec = {
				offset: from as number,
				size: size as number,
				query: body.query ?? { match_all: {} },
				sort: body.sort,
			};
		}
		let hits: Json[];
		try {
			const docs = deployments().map(fullDeployment);
			const matched = docs.filter((doc) =>
				matches(spec.query, doc, { nowMs: Date.now(), idField: 'id' }),
			);
			const sortKeys =
				spec.sort === undefined
					? [{ field: 'metadata.last_modified', order: 'desc' as const }]
					: parseSort(spec.sort);
			hits = sortDocs(matched, [...sortKeys, { field: 'id', order: 'asc' }]);
		} catch (error) {
			if (error instanceof QueryError)
				return eceError(
					400,
					'root.invalid_json_request',
					`The query is invalid: ${error.message}`,
					['query'],
				);
			throw error;
		}
		const page = hits.slice(spec.offset, spec.offset + spec.size);
		const reply: Json = { return_count: page.length, match_count: hits.length, deployments: page };
		reply.cursor = Buffer.from(
			JSON.stringify({ ...spec, offset: spec.offset + page.length }),
		).toString('base64url');
		return json(200, reply);
	};

	let planSettings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS };

	/** A plan already running on the resource: ECE refuses a second change (cancel_pending defaults to false). */
	const planRunning = (d: EceDeployment, kind: string, refId: string): SimReply | undefined =>
		pendingPlan(d, kind, refId)
			? eceError(
					422,
					'deployments.deployment_resource_plan_change_error',
					`A plan is already running on ${kind} resource ${refId}`,
				)
			: undefined;

	const getDeployment: Handler = (request) => {
		const found = findDeployment(request.params.id);
		if (!found) return notFoundDeployment(request.params.id);
		// show_plans defaults to true: each read is a poll of the plans
		if (booleanParam(request, 'show_plans') !== false) advancePlans(found);
		const full = fullDeployment(found);
		if (booleanParam(request, 'show_plan_history') !== true) {
			for (const resources of Object.values(full.resources as Record<string, Json[]>))
				for (const resource of resources) {
					const info = (resource.info as { plan_info?: Json } | undefined)?.plan_info;
					if (info) info.history = [];
				}
		}
		if (booleanParam(request, 'show_plan_logs') !== true) {
			for (const resources of Object.values(full.resources as Record<string, Json[]>))
				for (const resource of resources) {
					const info = (resource.info as { plan_info?: Record<string, Json | Json[]> } | undefined)
						?.plan_info;
					for (const attempt of [
						info?.current,
						info?.pending,
						...((info?.history as Json[]) ?? []),
					])
						if (attempt && !Array.isArray(attempt)) (attempt as Json).plan_attempt_log = [];
				}
		}
		return json(200, full);
	};

	const shutdown: Handler = (request) => {
		const found = findDeployment(request.params.id);
		if (!found) return notFoundDeployment(request.params.id);
		for (const name of ['skip_snapshot', 'hide']) {
			if (booleanParam(request, name) === 'invalid')
				return eceError(400, 'root.invalid_query_parameter', `${name} must be true or false`, [
					name,
				]);
		}
		found.status = 'stopped';
		found.lastModified = new Date().toISOString();
		startPlan(found, 'elasticsearch', found.esRefId, planSettings);
		startPlan(found, 'kibana', 'main-kibana', planSettings);
		return json(200, { id: found.id, name: found.name });
	};

	const restart: Handler = (request) => {
		const found: EceDeployment | undefined = findDeployment(request.params.id);
		if (!found) return notFoundDeployment(request.params.id);
		if (request.params.refId !== found.esRefId) {
			return eceError(
				404,
				'deployments.deployment_resource_not_found',
				`Resource ${request.params.refId} cannot be found in deployment ${found.id}`,
			);
		}
		if (found.status !== 'started') {
			return eceError(
				422,
				'deployments.deployment_resource_plan_change_error',
				'The Elasticsearch resource is shut down and cannot be restarted',
			);
		}
		const busy = planRunning(found, 'elasticsearch', found.esRefId);
		if (busy) return busy;
		startPlan(found, 'elasticsearch', found.esRefId, planSettings);
		return json(202, {});
	};

	/** The resources of a deployment by kind: its Elasticsearch and its Kibana (the seeded deployments have no others). */
	const refIdsOf = (d: EceDeployment): Record<string, string[]> => ({
		elasticsearch: [d.esRefId],
		kibana: ['main-kibana'],
		apm: [],
		appsearch: [],
		enterprise_search: [],
		integrations_server: [],
	});
	const STATELESS_KINDS = [
		'kibana',
		'apm',
		'appsearch',
		'enterprise_search',
		'integrations_server',
	];
	const INSTANCE_KINDS = ['elasticsearch', 'kibana', 'apm', 'integrations_server'];

	/** The deployment and resource a resource command names, or the error ECE answers. */
	function commandTarget(request: SimRequest, kinds: string[]): EceDeployment | SimReply {
		const found = findDeployment(request.params.id);
		if (!found) return notFoundDeployment(request.params.id);
		const { kind, refId } = request.params;
		if (!kinds.includes(kind))
			return eceError(400, 'root.invalid_path_parameter', `Invalid resource kind ${kind}`, [
				'resource_kind',
			]);
		if (!(refIdsOf(found)[kind] ?? []).includes(refId)) {
			return eceError(
				404,
				'deployments.deployment_resource_not_found',
				`Resource ${refId} of kind ${kind} cannot be found in deployment ${found.id}`,
			);
		}
		return found;
	}

	const restartStateless: Handler = (request) => {
		const target = commandTarget(request, STATELESS_KINDS);
		if (!('esRefId' in target)) return target;
		const found = target;
		if (found.status !== 'started')
			return eceError(
				422,
				'deployments.deployment_resource_plan_change_error',
				`The ${request.params.kind} resource is shut down and cannot be restarted`,
			);
		const busy = planRunning(found, request.params.kind, request.params.refId);
		if (busy) return busy;
		startPlan(found, request.params.kind, request.params.refId, planSettings);
		found.lastModified = new Date().toISOString();
		return json(202, {});
	};

	const instancesCommand =
		(stop: boolean): Handler =>
		(request) => {
			const target = commandTarget(request, INSTANCE_KINDS);
			if (!('esRefId' in target)) return target;
			const stopped = new Set(target.stoppedKinds ?? []);
			if (stop) stopped.add(request.params.kind);
			else stopped.delete(request.params.kind);
			target.stoppedKinds = [...stopped];
			target.lastModified = new Date().toISOString();
			return json(202, {});
		};

	/** POST /deployments (DeploymentCreateRequest): an Elasticsearch resource is required; the answer holds its elastic password once. */
	const createDeployment: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (request.bodyInvalid || typeof body !== 'object' || Array.isArray(body))
			return eceError(400, 'root.invalid_json_request', 'The request body is not valid JSON');
		const resources = (body.resources ?? {}) as Record<string, Array<Record<string, unknown>>>;
		const es = Array.isArray(resources.elasticsearch) ? resources.elasticsearch[0] : undefined;
		// inferred code and text for a request without an Elasticsearch resource
		if (!es)
			return eceError(
				400,
				'deployments.missing_elasticsearch_resource',
				'A deployment needs an Elasticsearch resource',
				['resources.elasticsearch'],
			);
		const plan = (es.plan ?? {}) as { elasticsearch?: { version?: string } };
		const name =
			typeof body.name === 'string' && body.name.trim() !== ''
				? body.name
				: `deployment-${randomBytes(3).toString('hex')}`;
		const now = new Date().toISOString();
		const created: EceDeployment = {
			id: randomBytes(16).toString('hex'),
			name,
			healthy: true,
			status: 'started',
			version: plan.elasticsearch?.version ?? '8.15.1',
			region: typeof es.region === 'string' ? es.region : REGION,
			esRefId: typeof es.ref_id === 'string' ? es.ref_id : 'main-elasticsearch',
			esClusterId: randomBytes(16).toString('hex'),
			kibanaClusterId: randomBytes(16).toString('hex'),
			instances: [
				{
					instance_name: 'instance-0000000000',
					zone: ZONES[0],
					allocator_id: '192.168.44.10',
					memory: 4096,
					healthy: true,
				},
			],
			tags: [],
			created: now,
			lastModified: now,
			ownerId: request.user ?? 'admin',
		};
		const answer = {
			id: created.id,
			name: created.name,
			created: booleanParam(request, 'validate_only') !== true,
			resources: [
				{
					ref_id: created.esRefId,
					id: created.esClusterId,
					kind: 'elasticsearch',
					region: created.region,
					cloud_id: `${name}:${Buffer.from(`${created.id}.ece.example.test`).toString('base64')}`,
					credentials: { username: 'elastic', password: randomBytes(12).toString('base64url') },
				},
				{
					ref_id: 'main-kibana',
					elasticsearch_cluster_ref_id: created.esRefId,
					id: created.kibanaClusterId,
					kind: 'kibana',
					region: created.region,
				},
			],
		};
		if (booleanParam(request, 'validate_only') === true)
			return json(200, {
				...answer,
				resources: answer.resources.map(
					({ credentials: _c, ...rest }: Record<string, unknown>) => rest,
				),
			});
		deployments().push(created);
		// the new deployment's first plans run in the background (POST answers 201 before they end)
		startPlan(created, 'elasticsearch', created.esRefId, planSettings);
		startPlan(created, 'kibana', 'main-kibana', planSettings);
		return json(201, answer);
	};

	/** PUT /deployments/{id} (DeploymentUpdateRequest): prune_orphans is required; the name and tags change here. */
	const updateDeployment: Handler = (request) => {
		const found = findDeployment(request.params.id);
		if (!found) return notFoundDeployment(request.params.id);
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (request.bodyInvalid || typeof body !== 'object' || Array.isArray(body))
			return eceError(400, 'root.invalid_json_request', 'The request body is not valid JSON');
		if (typeof body.prune_orphans !== 'boolean')
			return eceError(400, 'root.invalid_json_request', 'The field prune_orphans is required', [
				'prune_orphans',
			]);
		if (typeof body.name === 'string' && body.name.trim() !== '') found.name = body.name;
		const tags = (body.metadata as { tags?: unknown } | undefined)?.tags;
		if (Array.isArray(tags)) found.tags = tags as EceDeployment['tags'];
		found.lastModified = new Date().toISOString();
		const { resources } = listing(found) as { resources: unknown[] };
		// Orphaned requires each list, empty when nothing was left behind
		const shutdownResources = {
			elasticsearch: [],
			kibana: [],
			apm: [],
			appsearch: [],
			enterprise_search: [],
			integrations_server: [],
		};
		return json(200, {
			id: found.id,
			name: found.name,
			resources,
			shutdown_resources: shutdownResources,
		});
	};

	/**
	 * Traffic filter rulesets (ece-swagger.json `/deployments/traffic-filter/rulesets…`; cloud-sdk-go
	 * `pkg/api/deploymentapi/trafficfilterapi`; ecctl `cmd/deployment/trafficfilter`). A ruleset allows the sources its
	 * rules list; associated with a deployment, it restricts the deployment to them. The seeded ones are inferred.
	 */
	const rulesets = lazy(() => seedRulesets(deployments()));
	const findRuleset = (id: string) => rulesets().find((ruleset) => ruleset.id === id);
	// code from ece-swagger.json (get, update, delete, associate, disassociate); the message is inferred
	const rulesetNotFound = (id: string) =>
		eceError(
			404,
			'traffic_filter.not_found',
			`The traffic filter ruleset specified by ${id} cannot be found`,
		);
	// code from ece-swagger.json (get-traffic-filter-deployment-ruleset-associations); on these routes unattested
	const invalidAssociationType = (type: string) =>
		eceError(
			400,
			'traffic_filter.invalid_association_type',
			`Invalid association type ${type}: this platform associates rulesets with deployments`,
			['entity_type'],
		);

	function badBooleans(request: SimRequest, names: string[]): SimReply | undefined {
		for (const name of names)
			if (booleanParam(request, name) === 'invalid')
				return eceError(400, 'root.invalid_query_parameter', `${name} must be true or false`, [
					name,
				]);
		return undefined;
	}

	/**
	 * A TrafficFilterRulesetRequest as ece-swagger.json types it: name, type, region (texts), include_by_default
	 * (boolean) and rules (a list of TrafficFilterRule, none of whose keys is required) are required; description is
	 * optional. Neither type nor region has a list of values there (ecctl documents the types ip and vpce), so any
	 * text is taken. The 400 and its code (root.invalid_json_request, attested only in cloud-sdk-go's mock errors)
	 * are unattested for these routes, whose swagger lists no 400.
	 */
	function rulesetRequest(request: SimRequest): Omit<EceRuleset, 'id' | 'associations'> | SimReply {
		const body = request.body as Record<string, unknown> | undefined;
		if (request.bodyInvalid || !body || typeof body !== 'object' || Array.isArray(body))
			return eceError(400, 'root.invalid_json_request', 'The request body is not valid JSON');
		const missing = [
			...['name', 'type', 'region'].filter(
				(key) => typeof body[key] !== 'string' || (body[key] as string).trim() === '',
			),
			...(typeof body.include_by_default !== 'boolean' ? ['include_by_default'] : []),
			...(!Array.isArray(body.rules) ? ['rules'] : []),
			...(body.description !== undefined && typeof body.description !== 'string'
				? ['description']
				: []),
		];
		const rules = Array.isArray(body.rules) ? (body.rules as unknown[]) : [];
		rules.forEach((rule, index) => {
			const fields =
				rule && typeof rule === 'object' && !Array.isArray(rule) ? (rule as Json) : undefined;
			if (!fields) missing.push(`rules[${index}]`);
			else
				for (const key of ['id', 'source', 'description'])
					if (fields[key] !== undefined && typeof fields[key] !== 'string')
						missing.push(`rules[${index}].${key}`);
		});
		if (missing.length > 0)
			return eceError(
				400,
				'root.invalid_json_request',
				`The traffic filter ruleset request has missing or invalid fields: ${missing.join(', ')}`,
				missing,
			);
		return {
			name: body.name as string,
			...(typeof body.description === 'string' ? { description: body.description } : {}),
			type: body.type as string,
			region: body.region as string,
			include_by_default: body.include_by_default as boolean,
			// ECE gives each rule an id (ecctl trafficfilter/testdata/show.json); one sent back with its id keeps it
			rules: (rules as Json[]).map((rule) => ({
				...rule,
				id: typeof rule.id === 'string' ? rule.id : randomBytes(16).toString('hex'),
			})),
		};
	}

	/** GET …/rulesets (TrafficFilterRulesets): every ruleset in one answer, `region` narrowing it (ece-swagger.json). */
	const listRulesets: Handler = (request) => {
		const bad = badBooleans(request, ['include_associations']);
		if (bad) return bad;
		const withAssociations = booleanParam(request, 'include_associations') === true;
		const region = request.query.get('region');
		return json(200, {
			rulesets: rulesets()
				.filter((ruleset) => !region || ruleset.region === region)
				.map((ruleset) => rulesetInfo(ruleset, withAssociations)),
		});
	};

	const getRuleset: Handler = (request) => {
		const bad = badBooleans(request, ['include_associations']);
		if (bad) return bad;
		const found = findRuleset(request.params.rulesetId);
		if (!found) return rulesetNotFound(request.params.rulesetId);
		return json(200, rulesetInfo(found, booleanParam(request, 'include_associations') === true));
	};

	/** POST …/rulesets: 201 TrafficFilterRulesetResponse {id}; ids as the seeded ones (20 hexadecimal characters). */
	const createRuleset: Handler = (request) => {
		const spec = rulesetRequest(request);
		if ('status' in spec) return spec;
		const ruleset: EceRuleset = { id: randomBytes(10).toString('hex'), ...spec, associations: [] };
		rulesets().push(ruleset);
		return json(201, { id: ruleset.id });
	};

	/** PUT …/rulesets/{id}: the whole TrafficFilterRulesetRequest replaces the ruleset; 200 {id}. */
	const updateRuleset: Handler = (request) => {
		const found = findRuleset(request.params.rulesetId);
		if (!found) return rulesetNotFound(request.params.rulesetId);
		const spec = rulesetRequest(request);
		if ('status' in spec) return spec;
		delete found.description;
		Object.assign(found, spec);
		return json(200, { id: found.id });
	};

	/**
	 * DELETE …/rulesets/{id}?ignore_associations (default false: "recognizes the associations, which prevents the
	 * deletion"). The refusal's status, code and text are unattested (the swagger lists only 200, 404 and 500 here).
	 */
	const deleteRuleset: Handler = (request) => {
		const bad = badBooleans(request, ['ignore_associations']);
		if (bad) return bad;
		const found = findRuleset(request.params.rulesetId);
		if (!found) return rulesetNotFound(request.params.rulesetId);
		if (found.associations.length > 0 && booleanParam(request, 'ignore_associations') !== true)
			return eceError(
				409,
				'traffic_filter.has_associations',
				`The traffic filter ruleset ${found.id} is associated with ${found.associations.length} deployment(s) and cannot be deleted; remove the associations first or set ignore_associations to true`,
			);
		rulesets().splice(rulesets().indexOf(found), 1);
		return json(200, {});
	};

	/**
	 * POST …/rulesets/{id}/associations with a FilterAssociation {entity_type, id}: 201 created, 200 when it already
	 * exists (ece-swagger.json). A deployment ECE does not have, and one in another region than the ruleset's ("The
	 * ruleset can be attached only to deployments in the specific region"), are refused with unattested codes.
	 */
	const associateRuleset: Handler = (request) => {
		const found = findRuleset(request.params.rulesetId);
		if (!found) return rulesetNotFound(request.params.rulesetId);
		const body = request.body as Record<string, unknown> | undefined;
		const missing = ['entity_type', 'id'].filter(
			(key) => !body || typeof body[key] !== 'string' || (body[key] as string) === '',
		);
		if (request.bodyInvalid || missing.length > 0)
			return eceError(
				400,
				'root.invalid_json_request',
				`The association request has missing or invalid fields: ${missing.join(', ')}`,
				missing,
			);
		const { entity_type: entityType, id } = body as { entity_type: string; id: string };
		if (entityType !== 'deployment') return invalidAssociationType(entityType);
		const deployment = findDeployment(id);
		if (!deployment) return notFoundDeployment(id);
		if (deployment.region !== found.region)
			return eceError(
				400,
				'traffic_filter.region_mismatch',
				`The traffic filter ruleset ${found.id} is for region ${found.region}; deployment ${id} is in ${deployment.region}`,
				['id'],
			);
		if (found.associations.includes(id)) return json(200, {});
		found.associations.push(id);
		return json(201, {});
	};

	/** DELETE …/rulesets/{id}/associations/{type}/{entity id}: 200 {}; 404 traffic_filter.not_found when there is none (ece-swagger.json). */
	const disassociateRuleset: Handler = (request) => {
		const found = findRuleset(request.params.rulesetId);
		if (!found) return rulesetNotFound(request.params.rulesetId);
		if (request.params.associationType !== 'deployment')
			return invalidAssociationType(request.params.associationType);
		const at = found.associations.indexOf(request.params.entityId);
		if (at < 0)
			return eceError(
				404,
				'traffic_filter.not_found',
				'The traffic filter ruleset association cannot be found',
			);
		found.associations.splice(at, 1);
		return json(200, {});
	};

	/** StackVersionConfigs: the versions the seeded deployments run, each upgradable to the later ones. */
	const stackVersions: Handler = () => {
		const versions = ['7.17.22', '8.11.4', '8.13.4', '8.15.1'];
		return json(200, {
			stacks: versions.map((version, index) => ({
				version,
				deleted: false,
				accessible: true,
				upgradable_to: versions.slice(index + 1),
				min_upgradable_from: index === 0 ? '6.8.0' : versions[index - 1],
				elasticsearch: {
					docker_image: `docker.elastic.co/cloud-release/elasticsearch-cloud-ess:${version}`,
					blacklist: [],
					plugins: [],
					default_plugins: [],
				},
				kibana: {
					docker_image: `docker.elastic.co/cloud-release/kibana-cloud:${version}`,
					blacklist: [],
				},
				template: { template_version: '', hashes: [] },
			})),
		});
	};

	const findAllocator = (id: string) =>
		allocators().find((allocator) => allocator.allocator_id === id);
	const allocatorNotFound = (id: string) =>
		eceError(404, 'allocators.allocator_not_found', `Allocator ${id} cannot be found`);

	const listAllocators: Handler = (request) => {
		const size = Number(request.query.get('size') ?? 100);
		const from = Number(request.query.get('from') ?? 0);
		const q = request.query.get('q');
		let list = allocators().map((allocator) => allocatorInfo(allocator, deployments()));
		if (q) {
			try {
				list = list.filter((doc) =>
					matches({ query_string: { query: q } }, doc, { nowMs: Date.now() }),
				);
			} catch (error) {
				if (error instanceof QueryError)
					return eceError(400, 'root.invalid_query_parameter', error.message, ['q']);
				throw error;
			}
		}
		list = list.slice(from, from + size);
		const zones = ZONES.map((zone) => ({
			zone_id: zone,
			allocators: list.filter((doc) => doc.zone_id === zone),
		})).filter((zone) => zone.allocators.length > 0);
		return json(200, { zones });
	};

	const getAllocator: Handler = (request) => {
		const found = findAllocator(request.params.id);
		return found
			? json(200, allocatorInfo(found, deployments()))
			: allocatorNotFound(request.params.id);
	};

	const maintenance =
		(on: boolean): Handler =>
		(request) => {
			const found = findAllocator(request.params.id);
			if (!found) return allocatorNotFound(request.params.id);
			found.maintenance_mode = on;
			found.maintenance_mode_timestamp = on ? new Date().toISOString() : undefined;
			return json(202, {});
		};

	const keyJson = ({ key: _key, ...rest }: ApiKey) => rest;

	const listKeys: Handler = (request) =>
		json(200, {
			keys: [...keys.values()].filter((key) => key.user_id === request.user).map(keyJson),
		});

	const createKey: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const user = currentUser(request);
		if (user.builtin)
			return eceError(
				400,
				'api_keys.invalid_input',
				'API keys cannot be created for built-in users',
			);
		if (typeof body.description !== 'string' || body.description.trim() === '')
			return eceError(400, 'api_keys.invalid_input', 'A description is required', ['description']);
		let expiration: string | undefined;
		if (body.expiration !== undefined) {
			const ms = typeof body.expiration === 'string' ? durationMs(body.expiration) : undefined;
			if (ms === undefined)
				return eceError(
					400,
					'api_keys.invalid_input',
					'The expiration must be a duration such as 1d or 3h',
					['expiration'],
				);
			expiration = new Date(Date.now() + ms).toISOString();
		}
		const key: ApiKey = {
			id: randomBytes(10).toString('hex'),
			key: randomBytes(30).toString('base64url'),
			description: body.description,
			user_id: user.user_name,
			creation_date: new Date().toISOString(),
			...(expiration ? { expiration_date: expiration } : {}),
		};
		keys.set(key.key, key);
		return json(201, key);
	};

	const deleteKey: Handler = (request) => {
		const entry = [...keys.values()].find(
			(key) => key.id === request.params.keyId && key.user_id === request.user,
		);
		if (!entry)
			return eceError(
				404,
				'api_keys.key_not_found',
				`API key ${request.params.keyId} can't be found`,
			);
		keys.delete(entry.key);
		return json(200, {});
	};

	const deleteKeys: Handler = (request) => {
		const ids = (request.body as Record<string, unknown> | undefined)?.keys;
		if (!Array.isArray(ids))
			return eceError(400, 'api_keys.invalid_input', 'keys must be a list of API key ids', [
				'keys',
			]);
		for (const key of [...keys.values()])
			if (key.user_id === request.user && ids.includes(key.id)) keys.delete(key.key);
		return json(200, {});
	};

	const user: Handler = (request) => {
		const found = currentUser(request);
		return json(200, {
			user_name: found.user_name,
			full_name: found.full_name,
			email: found.email,
			builtin: found.builtin,
			security: { roles: found.roles, enabled: true },
			metadata: { created_at: new Date(options.referenceTime - 100 * DAY_MS).toISOString() },
		});
	};

	const router = new Router()
		.post(`${API}/users/auth/_login`, login)
		.post(`${API}/users/auth/_refresh`, refresh)
		.post(`${API}/users/auth/_logout`, logout)
		.get(`${API}/platform`, secured(platform))
		.get(`${API}/deployments`, secured(listDeployments))
		.post(`${API}/deployments/_search`, secured(searchDeployments))
		.get(`${API}/deployments/:id`, secured(getDeployment))
		.post(`${API}/deployments/:id/_shutdown`, secured(shutdown))
		.post(`${API}/deployments/:id/elasticsearch/:refId/_restart`, secured(restart))
		.post(`${API}/deployments`, secured(createDeployment))
		.put(`${API}/deployments/:id`, secured(updateDeployment))
		.post(`${API}/deployments/:id/:kind/:refId/_restart`, secured(restartStateless))
		.post(`${API}/deployments/:id/:kind/:refId/instances/_stop`, secured(instancesCommand(true)))
		.post(`${API}/deployments/:id/:kind/:refId/instances/_start`, secured(instancesCommand(false)))
		.get(`${API}/deployments/traffic-filter/rulesets`, secured(listRulesets))
		.post(`${API}/deployments/traffic-filter/rulesets`, secured(createRuleset))
		.get(`${API}/deployments/traffic-filter/rulesets/:rulesetId`, secured(getRuleset))
		.put(`${API}/deployments/traffic-filter/rulesets/:rulesetId`, secured(updateRuleset))
		.delete(`${API}/deployments/traffic-filter/rulesets/:rulesetId`, secured(deleteRuleset))
		.post(
			`${API}/deployments/traffic-filter/rulesets/:rulesetId/associations`,
			secured(associateRuleset),
		)
		.delete(
			`${API}/deployments/traffic-filter/rulesets/:rulesetId/associations/:associationType/:entityId`,
			secured(disassociateRuleset),
		)
		.get(`${API}/stack/versions`, secured(stackVersions))
		.get(`${API}/platform/infrastructure/allocators`, secured(listAllocators))
		.get(`${API}/platform/infrastructure/allocators/:id`, secured(getAllocator))
		.post(
			`${API}/platform/infrastructure/allocators/:id/maintenance-mode/_start`,
			secured(maintenance(true)),
		)
		.post(
			`${API}/platform/infrastructure/allocators/:id/maintenance-mode/_stop`,
			secured(maintenance(false)),
		)
		.get(`${API}/users/auth/keys`, secured(listKeys))
		.post(`${API}/users/auth/keys`, secured(createKey))
		.delete(`${API}/users/auth/keys`, secured(deleteKeys))
		.delete(`${API}/users/auth/keys/:keyId`, secured(deleteKey))
		.get(`${API}/user`, secured(user));

	return {
		router,
		// inferred code for an unknown path
		notFound: (request) =>
			eceError(
				404,
				'root.resource_not_found',
				`The requested resource ${request.method} ${request.path} could not be found`,
			),
		internalError: () =>
			eceError(500, 'root.unexpected_error', 'There was an internal server error'),
		control(route, body) {
			if (route === 'POST /__sim/deployments/health') return changeHealth(body);
			// POST /__sim/plans {reads?, outcome?, failingStep?, message?}: how the plans started from now on run
			if (route === 'POST /__sim/plans') {
				planSettings = { ...DEFAULT_PLAN_SETTINGS, ...((body ?? {}) as Partial<PlanSettings>) };
				return json(200, planSettings);
			}
			if (route === 'GET /__sim/deployments')
				return json(
					200,
					deployments().map((d) => ({
						id: d.id,
						name: d.name,
						healthy: d.healthy,
						status: d.status,
					})),
				);
			return undefined;
		},
	};

	/** POST /__sim/deployments/health {id, healthy?, status?}: a deployment falls ill, recovers or changes state. */
	function changeHealth(body: unknown): SimReply {
		const { id, healthy, status } = (body ?? {}) as Record<string, unknown>;
		const found = findDeployment(String(id));
		if (!found) return json(404, { error: `no deployment ${String(id)}` });
		if (healthy !== undefined && typeof healthy !== 'boolean')
			return json(400, { error: 'healthy must be a boolean' });
		if (
			status !== undefined &&
			![
				'initializing',
				'stopping',
				'stopped',
				'rebooting',
				'restarting',
				'reconfiguring',
				'started',
			].includes(String(status))
		) {
			return json(400, {
				error: 'status must be an Elasticsearch cluster status such as started or reconfiguring',
			});
		}
		if (healthy !== undefined) {
			found.healthy = healthy;
			found.instances[0].healthy = healthy;
		}
		if (status !== undefined) found.status = String(status);
		found.lastModified = new Date().toISOString();
		return json(200, fullDeployment(found));
	}
}
