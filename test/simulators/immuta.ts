import type { VendorApp, VendorContext } from './core/app';
import { Router, json, type Handler, type SimReply, type SimRequest } from './core/server';
import { immutaAccessHandlers } from './immuta-access';
import { boom } from './immuta-boom';
import { seedImmuta, type ImmutaRecord } from './data/immuta';
import { IMMUTA } from './fixtures';
import { lazy } from './seed';

/**
 * Immuta (a hapi server): API-key exchange at /bim/apikey/authenticate, password login through an IAM,
 * session tokens (opaque here; inferred) that die after the lifetime, and Boom error bodies.
 */

/** Immuta's handler path segments and the connection type each stands for (fh-immuta-utils' HANDLER_TYPES). */
const HANDLER_NAMES: Record<string, string> = {
	pg: 'PostgreSQL',
	redshift: 'Redshift',
	athena: 'Amazon Athena',
	s3: 'Amazon S3',
	hive: 'Apache Hive',
	impala: 'Apache Impala',
	asdw: 'Azure SQL Data Warehouse',
	elastic: 'Elastic',
	mssql: 'Microsoft SQL Server',
	mysql: 'MySQL',
	oracle: 'Oracle',
	presto: 'Presto',
	teradata: 'Teradata',
	// the two Immuta SaaS's API description serves
	snowflake: 'Snowflake',
	databricks: 'Databricks',
};

/** Joi's answer for a missing payload key. */
const missingKey = (key: string) =>
	boom(400, `child "${key}" fails because ["${key}" is required]`, {
		validation: { source: 'payload', keys: [key] },
	});

/** inferred shape (vendor-apis.md): {id, iamid, userid, authorizations, permissions[], profile{name,email}} */
const CURRENT_USER = {
	id: 7,
	iamid: IMMUTA.iamId,
	userid: IMMUTA.username,
	authorizations: { Department: ['Data Governance'] },
	permissions: ['AUDIT', 'CREATE_DATA_SOURCE', 'CREATE_PROJECT', 'GOVERNANCE', 'USER_ADMIN'],
	profile: {
		id: 7,
		name: 'Dana Steward',
		email: IMMUTA.username,
		position: 'Data Steward',
		about: null,
		phoneNumber: null,
	},
	systemGenerated: false,
	disabled: false,
};

function numberParam(request: SimRequest, name: string, fallback: number): number | 'invalid' {
	const raw = request.query.get(name);
	if (raw === null || raw === '') return fallback;
	return /^\d+$/.test(raw) ? Number(raw) : 'invalid';
}

/** The `size` and `offset` of a list request (size 25 unless given; unattested, see listGlobalPolicies), or Boom's 400. */
function pageWindow(request: SimRequest): { size: number; offset: number } | { reply: SimReply } {
	const size = numberParam(request, 'size', 25);
	const offset = numberParam(request, 'offset', 0);
	if (size === 'invalid' || offset === 'invalid')
		return {
			reply: boom(400, 'size and offset must be non-negative integers', {
				validation: { source: 'query', keys: ['size', 'offset'] },
			}),
		};
	return { size, offset };
}

export function immutaSimulator(context: VendorContext): VendorApp {
	const { options, tokens, logins } = context;
	const data = lazy(() => {
		const seeded = seedImmuta(options.seed, options.dataSourceCount, options.referenceTime);
		// globalPolicyCount: the seeded 15 cut, or more made without the generator so the seeded data stays the same
		seeded.globalPolicies.splice(options.globalPolicyCount);
		for (let id = seeded.globalPolicies.length + 1; id <= options.globalPolicyCount; id++) {
			const base = seeded.globalPolicies[(id - 1) % seeded.globalPolicies.length];
			seeded.globalPolicies.push({
				...base,
				id,
				name: `Policy ${id}`,
				createdAt: new Date(options.referenceTime - id * 60_000).toISOString(),
			});
		}
		return seeded;
	});

	/**
	 * GET /policy/global: Immuta's API description (docs/provenance/immuta.md row 17) declares offset, size, sortField
	 * (default createdAt) and sortOrder (default desc), and answers a bare array (Model59) with no count. It gives size no
	 * default; the simulator cuts an answer without one at 25 records (unattested: the default of its other lists here),
	 * the way a list read in one request comes back short without a word.
	 */
	const listGlobalPolicies: Handler = (request) => {
		const window = pageWindow(request);
		if ('reply' in window) return window.reply;
		const { size, offset } = window;
		const field = request.query.get('sortField') || 'createdAt';
		const direction = request.query.get('sortOrder') === 'asc' ? 1 : -1;
		const sorted = [...data().globalPolicies].sort(
			(a, b) =>
				direction * String(a[field] ?? '').localeCompare(String(b[field] ?? '')) ||
				Number(a.id) - Number(b.id),
		);
		return json(200, sorted.slice(offset, offset + size));
	};

	const apiKeyLogin: Handler = (request) => {
		const apikey = (request.body as Record<string, unknown> | undefined)?.apikey;
		if (typeof apikey !== 'string' || apikey === '') {
			logins.loginFailed();
			return missingKey('apikey');
		}
		if (apikey !== IMMUTA.apiKey) {
			logins.loginFailed();
			return boom(401, 'Invalid API key');
		}
		// No expiry in the answer, yet the token still dies after the lifetime.
		const issued = tokens.issue(IMMUTA.username, { via: 'apikey' });
		logins.loginSucceeded(issued.token);
		return json(200, { authenticated: true, token: issued.token });
	};

	const passwordLogin: Handler = (request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (request.params.iamid !== IMMUTA.iamId) {
			logins.loginFailed();
			return boom(404, `Identity manager "${request.params.iamid}" not found`);
		}
		if (typeof body.username !== 'string' || body.username === '') {
			logins.loginFailed();
			return missingKey('username');
		}
		if (typeof body.password !== 'string' || body.password === '') {
			logins.loginFailed();
			return missingKey('password');
		}
		if (body.username.toLowerCase() !== IMMUTA.username || body.password !== IMMUTA.password) {
			logins.loginFailed();
			return boom(401, 'Invalid username or password');
		}
		const issued = tokens.issue(IMMUTA.username, { via: 'password' });
		logins.loginSucceeded(issued.token);
		return json(200, {
			authenticated: true,
			token: issued.token,
			tokenExpiration: new Date(issued.expiresAtMs).toISOString(),
		});
	};

	/** Bearer <session token>, or the raw API key as the whole Authorization header. */
	function caller(request: SimRequest): { user: string } | { message: string } {
		const header = request.headers.authorization;
		if (typeof header !== 'string' || header.trim() === '')
			return { message: 'Missing authentication' };
		const value = header.trim();
		if (/^Bearer\s+/i.test(value)) {
			const check = tokens.check(value.replace(/^Bearer\s+/i, '').trim());
			if (check.valid) return { user: check.subject };
			return { message: check.reason === 'expired' ? 'Token expired' : 'Invalid token' };
		}
		if (value === IMMUTA.apiKey) return { user: IMMUTA.username };
		return { message: 'Invalid credentials' };
	}

	const secured =
		(handler: Handler): Handler =>
		(request) => {
			const who = caller(request);
			if ('message' in who) return boom(401, who.message);
			request.user = who.user;
			return handler(request);
		};

	/**
	 * One page of a catalog. `search` names the query parameter that narrows it and the record text it matches
	 * (searchText on data sources and projects; name on users, matched on profile.name, and on groups: Immuta's
	 * API description, docs/provenance/immuta.md). An unknown parameter is ignored, as Immuta's hapi routes
	 * with unknown query keys allowed would (unattested).
	 */
	function page(
		request: SimRequest,
		list: ImmutaRecord[],
		search?: { param: string; text: (item: ImmutaRecord) => string },
	): SimReply {
		const window = pageWindow(request);
		if ('reply' in window) return window.reply;
		const { size, offset } = window;
		const wanted = search ? request.query.get(search.param) : null;
		const matched =
			wanted && search
				? list.filter((item) => search.text(item).toLowerCase().includes(wanted.toLowerCase()))
				: list;
		return json(200, { count: matched.length, hits: matched.slice(offset, offset + size) });
	}

	const byName = (list: ImmutaRecord[]) =>
		[...list].sort(
			(a, b) => String(a.name).localeCompare(String(b.name)) || Number(a.id) - Number(b.id),
		);

	/**
	 * A catalog in the order asked for (sortField=name, sortOrder asc|desc). Immuta's API description gives
	 * /dataSource, /project and /bim/group no default order: without sortField the simulator answers in id
	 * order (unattested), so a read that needs name order has to ask for it.
	 */
	function catalogOrder(request: SimRequest, list: ImmutaRecord[]): ImmutaRecord[] {
		if (request.query.get('sortField') !== 'name')
			return [...list].sort((a, b) => Number(a.id) - Number(b.id));
		const sorted = byName(list);
		return (request.query.get('sortOrder') ?? 'asc').toLowerCase() === 'desc'
			? sorted.reverse()
			: sorted;
	}

	/** searchText matches a data source's or project's name, description and more, unless nameOnly=true (Immuta's docs). */
	const catalogSearch = (request: SimRequest) => ({
		param: 'searchText',
		text: (item: ImmutaRecord) =>
			request.query.get('nameOnly') === 'true'
				? String(item.name)
				: `${String(item.name)} ${String(item.description ?? '')}`,
	});

	/** Users by profile name (the default sort of GET /bim/user); disabled ones only with includeDisabled=true. */
	const usersShown = (request: SimRequest) =>
		[...data().users]
			.filter((user) => request.query.get('includeDisabled') === 'true' || user.disabled !== true)
			// userid: a partial match (Immuta's API description), as name is
			.filter((user) =>
				String(user.userid)
					.toLowerCase()
					.includes((request.query.get('userid') ?? '').toLowerCase()),
			)
			.sort(
				(a, b) =>
					String((a.profile as ImmutaRecord).name).localeCompare(
						String((b.profile as ImmutaRecord).name),
					) || Number(a.id) - Number(b.id),
			);

	/** tag (Immuta's API description declares it on GET /dataSource): data sources carrying every tag named, exactly (unattested). */
	const taggedAsAsked = (request: SimRequest) => {
		const wanted = request.query.getAll('tag');
		return (source: ImmutaRecord) =>
			wanted.every((name) =>
				(data().tags.get(Number(source.id)) ?? []).some((tag) => tag.name === name),
			);
	};

	const findById = (list: ImmutaRecord[], id: string) =>
		list.find((item) => String(item.id) === id);

	const getDataSource: Handler = (request) => {
		const found = findById(data().dataSources, request.params.id);
		return found ? json(200, found) : boom(404, `Data source ${request.params.id} not found`);
	};

	const getDataSourceTags: Handler = (request) => {
		const found = findById(data().dataSources, request.params.id);
		// {tags: [...]}: what immuta/catalog-linker and a 2026 toolkit read (docs/provenance.md)
		return found
			? json(200, { tags: data().tags.get(Number(found.id)) ?? [] })
			: boom(404, `Data source ${request.params.id} not found`);
	};

	/**
	 * POST /tag/datasource/{id} with [{name, source}] (fh-immuta-utils): tags without source "curated" are
	 * dropped in silence, as that client notes. Inferred: an unknown tag name is a 400 and the answer lists
	 * the tags added.
	 */
	const tagDataSource: Handler = (request) => {
		const found = findById(data().dataSources, request.params.id);
		if (!found) return boom(404, `Data source ${request.params.id} not found`);
		if (!Array.isArray(request.body))
			return boom(400, '"value" must be an array', {
				validation: { source: 'payload', keys: ['value'] },
			});
		const wanted = (request.body as Array<Record<string, unknown>>)
			.filter((tag) => tag?.source === 'curated')
			.map((tag) => String(tag.name));
		const unknown = wanted.filter((name) => !data().allTags.some((tag) => tag.name === name));
		if (unknown.length > 0) return boom(400, `Tag ${unknown[0]} does not exist`);
		const held = data().tags.get(Number(found.id)) ?? [];
		const added = wanted
			.filter((name) => !held.some((tag) => tag.name === name))
			.map((name) => ({ name, source: 'curated', deleted: false }));
		data().tags.set(Number(found.id), [...held, ...added]);
		return json(200, added);
	};

	/**
	 * POST /{handlerType}/handler {handler, dataSource} (fh-immuta-utils' create_data_source): 200
	 * {dataSourceId}. Inferred: the answer to a name in use (that client looks for "already exists" in
	 * the text) and to an unknown handler type.
	 */
	const createDataSource: Handler = (request) => {
		const type = HANDLER_NAMES[request.params.handlerType];
		if (!type) return boom(404, 'Not Found');
		const body = request.body as
			| { handler?: Record<string, unknown>; dataSource?: Record<string, unknown> }
			| undefined;
		if (
			!body ||
			typeof body.handler !== 'object' ||
			body.handler === null ||
			typeof body.dataSource !== 'object' ||
			body.dataSource === null
		) {
			return boom(400, '"handler" and "dataSource" are required', {
				validation: { source: 'payload', keys: ['handler', 'dataSource'] },
			});
		}
		const name = String(body.dataSource.name ?? '').trim();
		if (name === '')
			return boom(400, '"dataSource.name" is not allowed to be empty', {
				validation: { source: 'payload', keys: ['dataSource.name'] },
			});
		if (data().dataSources.some((source) => source.name === name))
			return boom(400, `Data source with name ${name} already exists`);
		const now = new Date().toISOString();
		const id = Math.max(0, ...data().dataSources.map((source) => Number(source.id))) + 1;
		const metadata = (body.handler.metadata ?? {}) as Record<string, unknown>;
		data().dataSources.push({
			id,
			name,
			description:
				typeof body.dataSource.description === 'string' ? body.dataSource.description : null,
			status: 'Ready',
			type: 'queryable',
			blobHandlerType: type,
			connectionString: `${String(metadata.hostname ?? 'host')}:${String(metadata.port ?? '')}/${String(metadata.database ?? '')}`,
			sqlTableName: String(body.dataSource.sqlTableName ?? name.replace(/\s+/g, '_')),
			recordCount: 0,
			createdAt: now,
			updatedAt: now,
			deleted: false,
			catalogMetadata: null,
		});
		data().tags.set(id, []);
		// the response parameters Immuta's create docs list: id (of the handler), dataSourceId, warnings, connectionString
		return json(200, {
			id: id + 10_000,
			dataSourceId: id,
			warnings: [],
			connectionString: `${String(metadata.hostname ?? 'host')}:${String(metadata.port ?? '')}/${String(metadata.database ?? '')}`,
		});
	};

	/** PUT /dataSource/{id} with the whole data source (as fh-immuta-utils sends it): name and description change; the answer is the saved data source. */
	const updateDataSource: Handler = (request) => {
		const found = findById(data().dataSources, request.params.id);
		if (!found) return boom(404, `Data source ${request.params.id} not found`);
		const body = request.body as Record<string, unknown> | undefined;
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return boom(400, '"value" must be an object');
		if (body.name !== undefined) {
			if (typeof body.name !== 'string' || body.name.trim() === '')
				return boom(400, '"name" is not allowed to be empty', {
					validation: { source: 'payload', keys: ['name'] },
				});
			found.name = body.name;
		}
		if (body.description !== undefined)
			found.description = body.description === null ? null : String(body.description);
		found.updatedAt = new Date().toISOString();
		return json(200, found);
	};

	const getProject: Handler = (request) => {
		const found = findById(data().projects, request.params.id);
		return found ? json(200, found) : boom(404, `Project ${request.params.id} not found`);
	};

	const listAudit: Handler = (request) => {
		let list = data().audit;
		const min = request.query.get('minDate');
		const max = request.query.get('maxDate');
		for (const [name, value] of [
			['minDate', min],
			['maxDate', max],
		] as const) {
			if (value && Number.isNaN(Date.parse(value)))
				return boom(400, `"${name}" must be a valid date`, {
					validation: { source: 'query', keys: [name] },
				});
		}
		if (min) list = list.filter((record) => Number(record.dateTime) >= Date.parse(min));
		if (max) list = list.filter((record) => Number(record.dateTime) <= Date.parse(max));
		const recordType = request.query.get('recordType');
		if (recordType) list = list.filter((record) => record.recordType === recordType);
		const sortField = request.query.get('sortField') ?? 'dateTime';
		const descending = (request.query.get('sortOrder') ?? 'desc').toLowerCase() !== 'asc';
		const sorted = [...list].sort((a, b) => {
			const x = sortField === 'dateTime' ? Number(a.dateTime) : String(a[sortField] ?? '');
			const y = sortField === 'dateTime' ? Number(b.dateTime) : String(b[sortField] ?? '');
			const diff = x < y ? -1 : x > y ? 1 : String(a.id) < String(b.id) ? -1 : 1;
			return descending ? -diff : diff;
		});
		return page(request, sorted);
	};

	const permissions = new Set(CURRENT_USER.permissions);
	const accessCounts = new Map<number, number>();
	const access = immutaAccessHandlers({
		data,
		seed: options.seed,
		permissions,
		accessCounts,
		page: (request, list) => page(request, list),
		pageWindow,
	});

	const router = new Router()
		.post('/bim/apikey/authenticate', apiKeyLogin)
		.post('/bim/iam/:iamid/user/authenticate', passwordLogin)
		.get(
			'/bim/rpc/user/current',
			secured(() => json(200, CURRENT_USER)),
		)
		.get(
			'/bim/user',
			secured((request) =>
				page(request, usersShown(request), {
					param: 'name',
					text: (user) => String((user.profile as ImmutaRecord).name ?? ''),
				}),
			),
		)
		.put('/bim/iam/:iamid/user/:userid/disable/:disable', secured(access.setDisabled))
		.get('/bim/iam/:iamid/user/:userid/groups', secured(access.userGroups))
		.get('/bim/group/:groupId/user', secured(access.groupMembers))
		.post('/bim/group/:groupId/user', secured(access.addMember))
		.delete('/bim/group/:groupId/user/:groupuserid', secured(access.removeMember))
		.get('/dataSource/:id/access', secured(access.dataSourceAccess))
		.get(
			'/bim/group',
			secured((request) =>
				page(request, catalogOrder(request, data().groups), {
					param: 'name',
					text: (group) => String(group.name),
				}),
			),
		)
		.get(
			'/dataSource',
			secured((request) =>
				page(
					request,
					catalogOrder(request, data().dataSources).filter(taggedAsAsked(request)),
					catalogSearch(request),
				),
			),
		)
		.get('/dataSource/:id', secured(getDataSource))
		.get('/dataSource/:id/tags', secured(getDataSourceTags))
		.put('/dataSource/:id', secured(updateDataSource))
		.post('/tag/datasource/:id', secured(tagDataSource))
		.post('/:handlerType/handler', secured(createDataSource))
		.get(
			'/project',
			secured((request) =>
				page(request, catalogOrder(request, data().projects), catalogSearch(request)),
			),
		)
		.get('/project/:id', secured(getProject))
		.get('/policy/global', secured(listGlobalPolicies))
		.get('/audit', secured(listAudit))
		// vendor-apis.md: /tag without a token answers 500, not 401 (fh-immuta-utils re-authenticates on 500 too)
		.get('/tag', (request) => {
			const who = caller(request);
			if ('message' in who) return boom(500, 'An internal server error occurred');
			return json(200, data().allTags);
		});

	/**
	 * POST /__sim/data-sources {count?: 1, name?}: data sources registered now (ids continue the sequence;
	 * names 'name', 'name 2', ...); POST /__sim/data-sources/change {ids, name?, deleted?}: a data source
	 * renamed (it moves in the by-name order) or deleted (it leaves the list).
	 */
	function addDataSources(body: unknown): SimReply {
		const { count = 1, name = 'new source' } = (body ?? {}) as Record<string, unknown>;
		if (!Number.isInteger(count) || (count as number) < 1)
			return boom(400, 'count must be a positive integer');
		const list = data().dataSources;
		const added: ImmutaRecord[] = [];
		for (let i = 0; i < (count as number); i++) {
			const id = Math.max(0, ...list.map((item) => Number(item.id))) + 1;
			const at = new Date().toISOString();
			const record: ImmutaRecord = {
				...list[0],
				id,
				name: i === 0 ? String(name) : `${String(name)} ${i + 1}`,
				createdAt: at,
				updatedAt: at,
			};
			list.push(record);
			data().tags.set(id, []);
			added.push(record);
		}
		return json(201, added);
	}

	function changeDataSources(body: unknown): SimReply {
		const { ids, name, deleted } = (body ?? {}) as Record<string, unknown>;
		if (!Array.isArray(ids) || ids.length === 0) return boom(400, 'ids must be a non-empty list');
		const found = ids.map((id) => findById(data().dataSources, String(id)));
		if (found.some((record) => !record)) return boom(404, 'Data source not found');
		for (const record of found as ImmutaRecord[]) {
			if (typeof name === 'string')
				record.name = found.length === 1 ? name : `${name} ${String(record.id)}`;
			record.updatedAt = new Date().toISOString();
		}
		if (deleted === true)
			data().dataSources = data().dataSources.filter((record) => !found.includes(record));
		return json(200, found);
	}

	/** POST /__sim/audit {count?: 1}: things happen now, each written to the audit log. */
	function addAuditRecords(body: unknown): SimReply {
		const { count = 1 } = (body ?? {}) as Record<string, unknown>;
		if (!Number.isInteger(count) || (count as number) < 1)
			return boom(400, 'count must be a positive integer');
		const added = Array.from({ length: count as number }, (_, i) => ({
			...data().audit[0],
			id: `live-${data().audit.length + i}`,
			dateTime: Date.now(),
			recordType: 'sqlQuery',
		}));
		data().audit.push(...added);
		return json(201, added);
	}

	return {
		router,
		control(route, body) {
			if (route === 'POST /__sim/data-sources') return addDataSources(body);
			if (route === 'POST /__sim/data-sources/change') return changeDataSources(body);
			if (route === 'POST /__sim/audit') return addAuditRecords(body);
			if (route === 'POST /__sim/permissions') {
				// {revoke?: [...], grant?: [...]}: what the signed-in user may do from now on
				const { revoke = [], grant = [] } = (body ?? {}) as Record<string, string[]>;
				for (const permission of revoke) permissions.delete(permission);
				for (const permission of grant) permissions.add(permission);
				return json(200, { permissions: [...permissions] });
			}
			if (route === 'POST /__sim/users') {
				// {userid, groups?: [group ids]}: a person gets an account in the built-in IAM, in those groups
				const { userid, groups = [] } = (body ?? {}) as { userid?: string; groups?: number[] };
				if (typeof userid !== 'string' || userid === '') return boom(400, 'userid is required');
				const users = data().users;
				const user: ImmutaRecord = {
					...users[1],
					id: Math.max(...users.map((known) => Number(known.id))) + 1,
					userid,
					profile: { name: userid.split('@')[0], email: userid },
					permissions: [],
					disabled: false,
					createdAt: new Date().toISOString(),
				};
				users.push(user);
				for (const group of groups)
					data().memberships.push({
						id: Math.max(999, ...data().memberships.map((known) => Number(known.id))) + 1,
						group,
						profile: user.id,
						uid: user.id,
						userid,
						iamid: user.iamid,
						disabled: false,
						createdAt: user.createdAt,
					});
				return json(201, user);
			}
			if (route === 'POST /__sim/access') {
				// {dataSourceId, count}: that many users with access to the data source (for paging)
				const { dataSourceId, count } = (body ?? {}) as Record<string, number>;
				accessCounts.set(Number(dataSourceId), Number(count));
				return json(200, { dataSourceId, count });
			}
			return undefined;
		},
		// hapi answers unknown routes with 404 before authentication
		notFound: () => boom(404, 'Not Found'),
		internalError: () => boom(500, 'An internal server error occurred'),
	};
}
