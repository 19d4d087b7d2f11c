import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';

import { decodeJwt } from '../simulators/core/jwt';
import { ECE, IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';
import {
	startAllSimulators,
	startSimulator,
	stopAllSimulators,
	type RunningSimulator,
	type SimulatorVendor,
} from '../simulators';
import { OPERATORS } from '../simulators/utmstack-search';

/** The vendor simulators themselves: auth, error bodies, counters, expiry, paging quirks, control endpoints, TLS. */

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: any;
}

interface CallOptions {
	headers?: Record<string, string>;
	body?: unknown;
	/** Send the body as is (not JSON). */
	rawBody?: string;
	/** For https: trust this CA (PEM) or accept anything (false). */
	ca?: string;
	rejectUnauthorized?: boolean;
}

async function call(
	base: string,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<Answer> {
	const url = new URL(path, `${base}/`);
	const payload =
		options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	if (payload !== undefined && options.rawBody === undefined)
		headers['Content-Type'] = 'application/json';
	if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	return await new Promise<Answer>((resolve, reject) => {
		const req = send(
			url,
			{
				method,
				headers,
				agent: false,
				...(url.protocol === 'https:'
					? { ca: options.ca, rejectUnauthorized: options.rejectUnauthorized ?? true }
					: {}),
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json: unknown;
					try {
						json = text === '' ? undefined : JSON.parse(text);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
				});
			},
		);
		req.on('error', reject);
		if (payload !== undefined) req.write(payload);
		req.end();
	});
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const basic = (user: string, secret: string) => ({
	Authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`,
});

let sims: Record<SimulatorVendor, RunningSimulator>;

beforeAll(async () => {
	sims = await startAllSimulators();
});

afterAll(async () => {
	await stopAllSimulators(sims);
});

// ---- logins per vendor, as helpers for the shared tests ----

async function utmLogin(
	sim: RunningSimulator,
	username: string = UTMSTACK.username,
	password: string = UTMSTACK.password,
) {
	return await call(sim.url, 'POST', '/api/authenticate', {
		body: { username, password, rememberMe: false },
	});
}

const login: Record<SimulatorVendor, (sim: RunningSimulator) => Promise<string>> = {
	async utmstack(sim) {
		return (await utmLogin(sim)).json.token as string;
	},
	async stellarcyber(sim) {
		return (
			await call(sim.url, 'POST', '/connect/api/v1/access_token', {
				headers: bearer(STELLAR.apiKey),
			})
		).json.access_token as string;
	},
	async immuta(sim) {
		return (
			await call(sim.url, 'POST', '/bim/apikey/authenticate', { body: { apikey: IMMUTA.apiKey } })
		).json.token as string;
	},
	async ece(sim) {
		return (
			await call(sim.url, 'POST', '/api/v1/users/auth/_login', {
				body: { username: ECE.username, password: ECE.password },
			})
		).json.token as string;
	},
};

const testPath: Record<SimulatorVendor, string> = {
	utmstack: '/api/account',
	stellarcyber: '/connect/api/v1/tenants',
	immuta: '/bim/rpc/user/current',
	ece: '/api/v1/platform',
};

/** Each vendor's own 401 body. */
const expect401Body: Record<SimulatorVendor, (answer: Answer) => void> = {
	utmstack(answer) {
		expect(Object.keys(answer.json).sort()).toEqual(['error', 'path', 'status', 'timestamp']);
		expect(answer.json).toMatchObject({ status: 401, error: 'Unauthorized', path: '/api/account' });
	},
	stellarcyber(answer) {
		expect(typeof answer.json.error).toBe('string');
	},
	immuta(answer) {
		expect(answer.json).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
		expect(typeof answer.json.message).toBe('string');
	},
	ece(answer) {
		expect(answer.json).toEqual({
			errors: [{ code: 'root.unauthenticated', message: expect.any(String) }],
		});
		expect(answer.headers['x-cloud-error-codes']).toBe('root.unauthenticated');
	},
};

const VENDOR_LIST: SimulatorVendor[] = ['utmstack', 'stellarcyber', 'immuta', 'ece'];

describe('UTMStack', () => {
	test('current-style login: success body (no Authorization header, as LoginResponseDTO), HS512 JWT with a 24 h exp, counters', async () => {
		const sim = sims.utmstack;
		sim.resetStats();
		const before = Math.floor(Date.now() / 1000);
		const answer = await utmLogin(sim);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({
			success: true,
			tfaConfigured: false,
			forceTfa: false,
			method: null,
			token: expect.any(String),
			tfaExpiresInSeconds: 0,
			firstLogin: false,
		});
		expect(answer.json.authenticated).toBeUndefined();
		expect(answer.headers.authorization).toBeUndefined();
		const header = JSON.parse(Buffer.from(answer.json.token.split('.')[0], 'base64url').toString());
		expect(header.alg).toBe('HS512');
		const exp = decodeJwt(answer.json.token)?.exp as number;
		expect(exp - before).toBeGreaterThanOrEqual(24 * 3600 - 1);
		expect(exp - before).toBeLessThanOrEqual(24 * 3600 + 1);
		expect(sim.stats).toMatchObject({ logins: 1, failedLogins: 0, requests: 1, unauthorized: 0 });
		expect(sim.stats.byEndpoint).toEqual({ 'POST /api/authenticate': 1 });
		expect(sim.stats.tokensSeen).toEqual([answer.json.token]);
	});

	test('legacy-style login answers {id_token, authenticated}', async () => {
		const legacy = await startSimulator('utmstack', { utmstackLoginStyle: 'legacy' });
		try {
			const answer = await utmLogin(legacy);
			expect(answer.status).toBe(200);
			expect(answer.json).toEqual({ id_token: expect.any(String), authenticated: true });
			const account = await call(legacy.url, 'GET', '/api/account', {
				headers: bearer(answer.json.id_token),
			});
			expect(account.status).toBe(200);
		} finally {
			await legacy.close();
		}
	});

	test('a bad password is 401 with an empty body and X-UtmStack-error', async () => {
		const sim = sims.utmstack;
		sim.resetStats();
		const answer = await utmLogin(sim, 'nobody-here', 'wrong-password');
		expect(answer.status).toBe(401);
		expect(answer.text).toBe('');
		expect(answer.headers['x-utmstack-error']).toMatch(/credentials/i);
		expect(sim.stats).toMatchObject({ logins: 1, failedLogins: 1, unauthorized: 1, requests: 1 });
	});

	test('a username that does not validate (empty) is 400', async () => {
		expect((await utmLogin(sims.utmstack, '', 'x')).status).toBe(400);
	});

	test('after utmstackLockAfter failed logins from one address every login from it gets 423, until 10 minutes after the last counted failure', async () => {
		const sim = await startSimulator('utmstack', { utmstackLockAfter: 2 });
		try {
			expect((await utmLogin(sim, UTMSTACK.username, 'bad-1')).status).toBe(401);
			expect((await utmLogin(sim, UTMSTACK.tfaUsername, 'bad-2')).status).toBe(401);
			const locked = await utmLogin(sim);
			expect(locked.status).toBe(423);
			expect(locked.text).toBe('');
			expect(locked.headers['x-utmstack-error']).toMatch(
				/^UserJWTController\.authorize: Client IP \S+ blocked due to too many failed login attempts$/,
			);
			expect(locked.headers['retry-after']).toBeUndefined();
			expect(sim.stats).toMatchObject({ logins: 3, failedLogins: 3, unauthorized: 2 });
			// per address, not per account: another account from here is blocked too
			expect((await utmLogin(sim, UTMSTACK.tfaUsername, UTMSTACK.tfaPassword)).status).toBe(423);
			// the platform's clock moves on: attempts while blocked are not counted, so the block ends 10 minutes after the last failure
			sim.control('/__sim/config', { clockOffsetMs: 9 * 60_000 });
			expect((await utmLogin(sim)).status).toBe(423);
			sim.control('/__sim/config', { clockOffsetMs: 10 * 60_000 });
			expect((await utmLogin(sim)).status).toBe(200);
			// the control endpoint ends a block too
			expect((await utmLogin(sim, UTMSTACK.username, 'bad-3')).status).toBe(401);
			expect((await utmLogin(sim, UTMSTACK.username, 'bad-4')).status).toBe(401);
			expect((await utmLogin(sim)).status).toBe(423);
			expect((await call(sim.url, 'POST', '/__sim/unlock')).status).toBe(204);
			expect((await utmLogin(sim)).status).toBe(200);
		} finally {
			await sim.close();
		}
	});

	test("X-Forwarded-For's first entry is the client address UTMStack counts", async () => {
		const sim = await startSimulator('utmstack', { utmstackLockAfter: 1 });
		try {
			const from = (address: string, password: string) =>
				call(sim.url, 'POST', '/api/authenticate', {
					body: { username: UTMSTACK.username, password, rememberMe: false },
					headers: { 'X-Forwarded-For': `${address}, 10.0.0.1` },
				});
			expect((await from('192.0.2.7', 'bad')).status).toBe(401);
			expect((await from('192.0.2.7', UTMSTACK.password)).status).toBe(423);
			expect((await from('192.0.2.8', UTMSTACK.password)).status).toBe(200);
		} finally {
			await sim.close();
		}
	});

	test('a good password resets the count of consecutive failures', async () => {
		const sim = await startSimulator('utmstack', { utmstackLockAfter: 2 });
		try {
			expect((await utmLogin(sim, UTMSTACK.username, 'bad-1')).status).toBe(401);
			expect((await utmLogin(sim)).status).toBe(200);
			expect((await utmLogin(sim, UTMSTACK.username, 'bad-2')).status).toBe(401);
			expect((await utmLogin(sim)).status).toBe(200);
		} finally {
			await sim.close();
		}
	});

	test('two-factor user: detectable in both styles, and the temporary token is refused by the API', async () => {
		const current = await utmLogin(sims.utmstack, UTMSTACK.tfaUsername, UTMSTACK.tfaPassword);
		expect(current.status).toBe(200);
		expect(current.json).toMatchObject({
			success: true,
			tfaConfigured: true,
			forceTfa: true,
			method: 'TOTP',
			tfaExpiresInSeconds: 300,
		});
		expect(current.json.authenticated).toBeUndefined();
		const refused = await call(sims.utmstack.url, 'GET', '/api/account', {
			headers: bearer(current.json.token),
		});
		expect(refused.status).toBe(403);

		const legacy = await startSimulator('utmstack', { utmstackLoginStyle: 'legacy' });
		try {
			const answer = await utmLogin(legacy, UTMSTACK.tfaUsername, UTMSTACK.tfaPassword);
			expect(answer.json).toEqual({ id_token: expect.any(String), authenticated: false });
			// a pre-verification token is valid but not a user of the API: Spring's 403
			expect(
				(await call(legacy.url, 'GET', '/api/account', { headers: bearer(answer.json.id_token) }))
					.status,
			).toBe(403);
		} finally {
			await legacy.close();
		}
	});

	test('the API takes Bearer, ?access_token=, Utm-Internal-Key and Utm-Api-Key; otherwise a Spring 401', async () => {
		const url = sims.utmstack.url;
		const token = await login.utmstack(sims.utmstack);
		expect((await call(url, 'GET', '/api/account', { headers: bearer(token) })).json.login).toBe(
			UTMSTACK.username,
		);
		expect((await call(url, 'GET', `/api/account?access_token=${token}`)).json.login).toBe(
			UTMSTACK.username,
		);
		const internal = await call(url, 'GET', '/api/account', {
			headers: { 'Utm-Internal-Key': UTMSTACK.internalKey },
		});
		expect(internal.json).toEqual({
			id: 1,
			login: 'admin',
			firstName: expect.any(String),
			lastName: expect.any(String),
			email: expect.any(String),
			activated: true,
			langKey: 'en',
			authorities: ['ROLE_ADMIN', 'ROLE_USER'],
		});
		expect(
			(await call(url, 'GET', '/api/account', { headers: { 'Utm-Api-Key': UTMSTACK.apiKey } })).json
				.login,
		).toBe(UTMSTACK.username);
		for (const headers of [
			{},
			{ 'Utm-Internal-Key': 'nope' },
			{ 'Utm-Api-Key': 'nope' },
			bearer('not.a.jwt'),
		] as Array<Record<string, string>>) {
			const answer = await call(url, 'GET', '/api/account', { headers });
			expect(answer.status).toBe(401);
			expect401Body.utmstack(answer);
		}
	});

	test('public endpoints need no credentials; unknown /api paths are 401 without and 404 with credentials', async () => {
		const url = sims.utmstack.url;
		const ping = await call(url, 'GET', '/api/ping');
		expect(ping.status).toBe(200);
		expect(ping.text).toBe('OK');
		expect((await call(url, 'GET', '/api/healthcheck')).status).toBe(200);
		expect((await call(url, 'GET', '/api/nothing-here')).status).toBe(401);
		expect(
			(
				await call(url, 'GET', '/api/nothing-here', {
					headers: { 'Utm-Internal-Key': UTMSTACK.internalKey },
				})
			).status,
		).toBe(404);
	});

	test('byEndpoint counts by route pattern', async () => {
		const sim = sims.utmstack;
		sim.resetStats();
		const headers = { 'Utm-Internal-Key': UTMSTACK.internalKey };
		await call(sim.url, 'GET', '/api/utm-incidents/1', { headers });
		await call(sim.url, 'GET', '/api/utm-incidents/2', { headers });
		expect(sim.stats.byEndpoint).toEqual({ 'GET /api/utm-incidents/:id': 2 });
		expect(sim.stats.requests).toBe(2);
	});
});

describe('UTMStack search', () => {
	const headers = { 'Utm-Internal-Key': UTMSTACK.internalKey };
	const search = async (query: string, filters: unknown = []) =>
		await call(sims.utmstack.url, 'POST', `/api/elasticsearch/search?${query}`, {
			headers,
			body: filters,
		});
	const count = async (filters: unknown, indexPattern = 'alert-*') => {
		const answer = await search(`top=100000&indexPattern=${indexPattern}&page=1&size=1`, filters);
		expect(answer.status).toBe(200);
		return answer.headers['x-total-count'] === undefined
			? 0
			: Number(answer.headers['x-total-count']);
	};

	test('a bare array over 10,000 seeded alerts; X-Total-Count is capped by top; a Link header comes along', async () => {
		expect(await count([])).toBe(10_000);
		const answer = await search('top=500&indexPattern=alert-*&page=1&size=20');
		expect(Array.isArray(answer.json)).toBe(true);
		expect(answer.json).toHaveLength(20);
		expect(answer.headers['x-total-count']).toBe('500');
		expect(answer.headers.link).toMatch(/rel="next"/);
		const alert = answer.json[0];
		for (const field of [
			'@timestamp',
			'id',
			'status',
			'statusLabel',
			'name',
			'category',
			'severity',
			'severityLabel',
			'protocol',
			'description',
			'solution',
			'tactic',
			'reference',
			'dataType',
			'dataSource',
			'source',
			'destination',
			'logs',
			'tags',
			'isIncident',
		]) {
			expect(alert).toHaveProperty([field]);
		}
	});

	test('page 0 and page 1 are the same page; page 2 starts at offset size', async () => {
		const zero = await search('top=1000&indexPattern=alert-*&page=0&size=10');
		const one = await search('top=1000&indexPattern=alert-*&page=1&size=10');
		const two = await search('top=1000&indexPattern=alert-*&page=2&size=10');
		const wide = await search('top=1000&indexPattern=alert-*&page=1&size=20');
		expect(zero.json).toEqual(one.json);
		expect(two.json).toEqual(wide.json.slice(10));
		expect((await search('top=1000&indexPattern=alert-*&page=-3&size=10')).json).toEqual(one.json);
	});

	test('results stop at top: the last page is cut short, later pages are empty', async () => {
		const third = await search('top=25&indexPattern=alert-*&page=3&size=10');
		expect(third.json).toHaveLength(5);
		expect(third.headers['x-total-count']).toBe('25');
		const fourth = await search('top=25&indexPattern=alert-*&page=4&size=10');
		expect(fourth.json).toEqual([]);
	});

	test('zero hits answer [] with no X-Total-Count and no Link', async () => {
		const answer = await search('top=100&indexPattern=alert-*&page=1&size=10', [
			{ field: 'name', operator: 'IS', value: 'no such alert name anywhere' },
		]);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual([]);
		expect(answer.headers['x-total-count']).toBeUndefined();
		expect(answer.headers.link).toBeUndefined();
	});

	test('sort=@timestamp,desc orders the hits; without sort the order is stable', async () => {
		const sorted = await search(
			'top=10000&indexPattern=alert-*&page=1&size=200&sort=@timestamp,desc',
		);
		const stamps = sorted.json.map((alert: any) => alert['@timestamp']);
		expect([...stamps].sort().reverse()).toEqual(stamps);
		expect(new Set(stamps).size).toBeLessThan(stamps.length); // several alerts share a timestamp
		const first = await search('top=10000&indexPattern=alert-*&page=7&size=50');
		const again = await search('top=10000&indexPattern=alert-*&page=7&size=50');
		expect(first.json).toEqual(again.json);
	});

	test('operators: IS, IS_ONE_OF, IS_BETWEEN with date math, IS_GREATER_THAN, EXIST on dotted paths', async () => {
		const high = await search('top=10000&indexPattern=alert-*&page=1&size=50', [
			{ field: 'severityLabel', operator: 'IS', value: 'High' },
		]);
		expect(high.json.every((alert: any) => alert.severityLabel === 'High')).toBe(true);
		const open = await search('top=10000&indexPattern=alert-*&page=1&size=50', [
			{ field: 'status', operator: 'IS_ONE_OF', value: [2, 3] },
		]);
		expect(open.json.every((alert: any) => [2, 3].includes(alert.status))).toBe(true);
		const lastWeek = await search('top=10000&indexPattern=alert-*&page=1&size=100', [
			{ field: '@timestamp', operator: 'IS_BETWEEN', value: ['now-7d', 'now'] },
		]);
		const weekAgo = Date.now() - 7 * 24 * 3600_000;
		expect(
			lastWeek.json.every((alert: any) => Date.parse(alert['@timestamp']) >= weekAgo - 1000),
		).toBe(true);
		const all = await count([]);
		const recent = await count([
			{ field: '@timestamp', operator: 'IS_BETWEEN', value: ['now-7d', 'now'] },
		]);
		expect(recent).toBeGreaterThan(all * 0.15);
		expect(recent).toBeLessThan(all * 0.35);
		const ip = high.json[0].source.ip as string;
		const byIp = await search('top=10000&indexPattern=alert-*&page=1&size=50', [
			{ field: 'source.ip', operator: 'IS', value: ip },
		]);
		expect(byIp.json.every((alert: any) => alert.source.ip === ip)).toBe(true);
		expect(await count([{ field: 'severity', operator: 'IS_GREATER_THAN', value: 2 }])).toBe(
			await count([{ field: 'severity', operator: 'IS', value: 3 }]),
		);
		expect(await count([{ field: 'source.host', operator: 'EXIST' }])).toBeGreaterThan(0);
	});

	test('all 21 operators run, and each one and its opposite split the alerts exactly', async () => {
		expect(OPERATORS).toHaveLength(21);
		const total = await count([]);
		const pairs: Array<[string, string, string, unknown]> = [
			['IS', 'IS_NOT', 'severityLabel', 'High'],
			['CONTAIN', 'DOES_NOT_CONTAIN', 'name', 'brute force'],
			['CONTAIN_ONE_OF', 'DOES_NOT_CONTAIN_ONE_OF', 'category', ['Discovery', 'Impact']],
			['IS_ONE_OF', 'IS_NOT_ONE_OF', 'statusLabel', ['Open', 'In review']],
			['EXIST', 'DOES_NOT_EXIST', 'source.user', undefined],
			['IS_BETWEEN', 'IS_NOT_BETWEEN', 'severity', [2, 3]],
			['IS_IN_FIELDS', 'IS_NOT_IN_FIELDS', '', 'fileserver'],
			['ENDS_WITH', 'NOT_ENDS_WITH', 'dataType', 'log'],
			['START_WITH', 'NOT_START_WITH', 'name', 'SSH'],
			['IS_GREATER_THAN', 'IS_LESS_THAN_OR_EQUALS', 'severity', 1],
		];
		for (const [yes, no, field, value] of pairs) {
			const matched = await count([{ field, operator: yes, value }]);
			const rest = await count([{ field, operator: no, value }]);
			expect([yes, matched > 0 && matched < total]).toEqual([yes, true]);
			expect([yes, matched + rest]).toEqual([yes, total]);
		}
		const terms = await count([
			{ field: 'statusLabel', operator: 'IS_ONE_OF_TERMS', value: ['Open', 'Completed'] },
		]);
		expect(terms).toBe(
			(await count([{ field: 'status', operator: 'IS', value: 2 }])) +
				(await count([{ field: 'status', operator: 'IS', value: 5 }])),
		);
		// IS_ONE_OF_TERMS is a terms query: exact, case-sensitive
		expect(
			await count([{ field: 'statusLabel', operator: 'IS_ONE_OF_TERMS', value: ['open'] }]),
		).toBe(0);
	});

	test('wrong value shapes are a 500 with X-UtmStack-error; an unknown operator or a missing top is a 400', async () => {
		const listNeeded = await search('top=10&indexPattern=alert-*', [
			{ field: 'status', operator: 'IS_ONE_OF', value: 2 },
		]);
		expect(listNeeded.status).toBe(500);
		expect(listNeeded.text).toBe('');
		expect(listNeeded.headers['x-utmstack-error']).toMatch(/IS_ONE_OF/);
		expect(
			(
				await search('top=10&indexPattern=alert-*', [
					{ field: 'severity', operator: 'IS_BETWEEN', value: [1] },
				])
			).status,
		).toBe(500);
		expect(
			(
				await search('top=10&indexPattern=alert-*', [
					{ field: 'name', operator: 'IS', value: ['a', 'b'] },
				])
			).status,
		).toBe(500);
		const unknown = await search('top=10&indexPattern=alert-*', [
			{ field: 'name', operator: 'LIKE', value: 'x' },
		]);
		expect(unknown.status).toBe(400);
		expect(unknown.json).toMatchObject({ status: 400, error: 'Bad Request' });
		expect((await search('indexPattern=alert-*')).status).toBe(400);
		// @RequestBody(required = false): no body is a search with no filters
		const noBody = await call(
			sims.utmstack.url,
			'POST',
			'/api/elasticsearch/search?top=10&indexPattern=alert-*',
			{ headers },
		);
		expect(noBody.status).toBe(200);
		expect(noBody.json).toHaveLength(10);
	});

	test('log-* holds log documents, apart from the alerts', async () => {
		const logs = await search('top=100&indexPattern=log-*&page=1&size=5');
		expect(logs.json).toHaveLength(5);
		expect(logs.json[0]).toHaveProperty('message');
		expect(await count([], 'log-wineventlog-*')).toBeGreaterThan(0);
		expect(await count([], 'log-*')).toBe(2000);
	});

	test('alert status changes show in later searches', async () => {
		const [alert] = (await search('top=1&indexPattern=alert-*&page=1&size=1')).json;
		const update = await call(sims.utmstack.url, 'POST', '/api/utm-alerts/status', {
			headers,
			body: { alertIds: [alert.id], status: 3, statusObservation: 'checking' },
		});
		expect(update.status).toBe(200);
		expect(update.text).toBe('');
		const [after] = (
			await search('top=1&indexPattern=alert-*&page=1&size=1', [
				{ field: 'id', operator: 'IS', value: alert.id },
			])
		).json;
		expect(after).toMatchObject({
			id: alert.id,
			status: 3,
			statusLabel: 'In review',
			statusObservation: 'checking',
		});
	});

	test('convert-to-incident marks free alerts only (isIncident, incidentDetail); Spring 400 for a missing field, 500 for no ids', async () => {
		const url = sims.utmstack.url;
		const free = (
			await search('top=10000&indexPattern=alert-*&page=1&size=1', [
				{ field: 'isIncident', operator: 'IS', value: false },
			])
		).json;
		const taken = (
			await search('top=10000&indexPattern=alert-*&page=1&size=1', [
				{ field: 'isIncident', operator: 'IS', value: true },
			])
		).json;
		const body = {
			eventIds: [free[0].id, taken[0].id],
			incidentName: 'Marked',
			incidentId: 4242,
			incidentSource: 'INCIDENT',
		};
		const answer = await call(url, 'POST', '/api/utm-alerts/convert-to-incident', {
			headers,
			body,
		});
		expect(answer.status).toBe(200);
		expect(answer.text).toBe('');
		const [marked] = (
			await search('top=1&indexPattern=alert-*&page=1&size=1', [
				{ field: 'id', operator: 'IS', value: free[0].id },
			])
		).json;
		expect(marked).toMatchObject({
			isIncident: true,
			incidentDetail: { incidentName: 'Marked', incidentId: '4242', source: 'INCIDENT' },
		});
		const [untouched] = (
			await search('top=1&indexPattern=alert-*&page=1&size=1', [
				{ field: 'id', operator: 'IS', value: taken[0].id },
			])
		).json;
		expect(untouched.incidentDetail).toEqual(taken[0].incidentDetail);
		expect(
			(
				await call(url, 'POST', '/api/utm-alerts/convert-to-incident', {
					headers,
					body: { ...body, incidentSource: undefined },
				})
			).status,
		).toBe(400);
		const none = await call(url, 'POST', '/api/utm-alerts/convert-to-incident', {
			headers,
			body: { ...body, eventIds: [] },
		});
		expect(none.status).toBe(500);
		expect(none.headers['x-utmstack-error']).toContain('Parameter eventIds is null or empty');
	});

	test('incidents: create (200; the description is NOT NULL: 500 without), 409 for an alert already linked, 400 for none, read, change status with the full object', async () => {
		const url = sims.utmstack.url;
		const free = (
			await search('top=10000&indexPattern=alert-*&page=1&size=2', [
				{ field: 'isIncident', operator: 'IS', value: false },
			])
		).json;
		const alertList = free.map((alert: any) => ({
			alertId: alert.id,
			alertName: alert.name,
			alertStatus: alert.status,
			alertSeverity: alert.severity,
		}));
		expect(
			(
				await call(url, 'POST', '/api/utm-incidents', {
					headers,
					body: { incidentName: 'No description', alertList },
				})
			).status,
		).toBe(500);
		const created = await call(url, 'POST', '/api/utm-incidents', {
			headers,
			body: { incidentName: 'Test incident', incidentDescription: '', alertList },
		});
		expect(created.status).toBe(200);
		expect(created.json).toMatchObject({ incidentName: 'Test incident', incidentStatus: 'OPEN' });
		expect(
			(
				await call(url, 'POST', '/api/utm-incidents', {
					headers,
					body: { incidentName: 'Again', incidentDescription: '', alertList },
				})
			).status,
		).toBe(409);
		expect(
			(
				await call(url, 'POST', '/api/utm-incidents', {
					headers,
					body: { incidentName: 'Empty', incidentDescription: '', alertList: [] },
				})
			).status,
		).toBe(400);
		const read = await call(url, 'GET', `/api/utm-incidents/${created.json.id}`, { headers });
		expect(read.json).toEqual(created.json);
		expect(
			(
				await call(url, 'PUT', '/api/utm-incidents/change-status', {
					headers,
					body: { id: created.json.id, incidentStatus: 'IN_REVIEW' },
				})
			).status,
		).toBe(400);
		const changed = await call(url, 'PUT', '/api/utm-incidents/change-status', {
			headers,
			body: { ...read.json, incidentStatus: 'IN_REVIEW' },
		});
		expect(changed.json.incidentStatus).toBe('IN_REVIEW');
		const list = await call(
			url,
			'GET',
			'/api/utm-incidents?incidentStatus.equals=IN_REVIEW&page=0&size=5',
			{ headers },
		);
		expect(Number(list.headers['x-total-count'])).toBeGreaterThan(0);
		expect(list.json.every((incident: any) => incident.incidentStatus === 'IN_REVIEW')).toBe(true);
		// UtmIncidentResource turns wrapOrNotFound's 404 into a 500 with the text in X-UtmStack-error
		const missing = await call(url, 'GET', '/api/utm-incidents/999999', { headers });
		expect(missing.status).toBe(500);
		expect(missing.headers['x-utmstack-error']).toContain('404 NOT_FOUND');
	});

	test('the same seed and reference time give the same data', async () => {
		const referenceTime = Date.parse('2025-06-01T00:00:00Z');
		const [a, b] = await Promise.all([
			startSimulator('utmstack', { alertCount: 300, seed: 7, referenceTime }),
			startSimulator('utmstack', { alertCount: 300, seed: 7, referenceTime }),
		]);
		try {
			const query = '/api/elasticsearch/search?top=300&indexPattern=alert-*&page=1&size=300';
			const [x, y] = await Promise.all([
				call(a.url, 'POST', query, { headers, body: [] }),
				call(b.url, 'POST', query, { headers, body: [] }),
			]);
			expect(x.json).toHaveLength(300);
			expect(x.json).toEqual(y.json);
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});
});

describe('Stellar Cyber', () => {
	const token = async () => await login.stellarcyber(sims.stellarcyber);
	const get = async (path: string, accessToken: string) =>
		await call(sims.stellarcyber.url, 'GET', path, { headers: bearer(accessToken) });

	test('a scoped key (Bearer) and a legacy key (Basic email:key) get {access_token, exp} with a 10-minute exp', async () => {
		const sim = sims.stellarcyber;
		sim.resetStats();
		const scoped = await call(sim.url, 'POST', '/connect/api/v1/access_token', {
			headers: bearer(STELLAR.apiKey),
		});
		expect(scoped.status).toBe(200);
		expect(scoped.json).toEqual({ access_token: expect.any(String), exp: expect.any(Number) });
		expect(scoped.json.exp - Date.now() / 1000).toBeGreaterThan(598);
		expect(scoped.json.exp - Date.now() / 1000).toBeLessThanOrEqual(600);
		expect(decodeJwt(scoped.json.access_token)?.exp).toBe(scoped.json.exp);
		const legacy = await call(sim.url, 'POST', '/connect/api/v1/access_token', {
			headers: basic(STELLAR.email, STELLAR.legacyApiKey),
		});
		expect(legacy.status).toBe(200);
		expect(sim.stats).toMatchObject({ logins: 2, failedLogins: 0 });
	});

	test('a bad key is a 401 with an error body; the API key itself is not an access token', async () => {
		const sim = sims.stellarcyber;
		sim.resetStats();
		for (const headers of [bearer('wrong-key'), basic(STELLAR.email, STELLAR.apiKey), {}]) {
			const answer = await call(sim.url, 'POST', '/connect/api/v1/access_token', { headers });
			expect(answer.status).toBe(401);
			expect401Body.stellarcyber(answer);
		}
		expect((await get('/connect/api/v1/tenants', STELLAR.apiKey)).status).toBe(401);
		expect(sim.stats).toMatchObject({ logins: 3, failedLogins: 3, unauthorized: 4 });
	});

	test('tenants answer {data: [{cust_id, cust_name}]}', async () => {
		const answer = await get('/connect/api/v1/tenants', await token());
		expect(answer.json.data.length).toBeGreaterThan(1);
		expect(Object.keys(answer.json.data[0]).sort()).toEqual(['cust_id', 'cust_name']);
	});

	test('cases page with limit/skip and report total; limit above 500 is a 400', async () => {
		const accessToken = await token();
		const first = await get(
			'/connect/api/v1/cases?limit=100&skip=0&FROM~created_at=0',
			accessToken,
		);
		const second = await get(
			'/connect/api/v1/cases?limit=100&skip=100&FROM~created_at=0',
			accessToken,
		);
		expect(first.json.data.total).toBe(300);
		expect(first.json.data.cases).toHaveLength(100);
		const ids = new Set(
			[...first.json.data.cases, ...second.json.data.cases].map((c: any) => c._id),
		);
		expect(ids.size).toBe(200);
		const last = await get(
			'/connect/api/v1/cases?limit=500&skip=250&FROM~created_at=0',
			accessToken,
		);
		expect(last.json.data.cases).toHaveLength(50);
		const tooMany = await get('/connect/api/v1/cases?limit=501', accessToken);
		expect(tooMany.status).toBe(400);
		expect(typeof tooMany.json.error).toBe('string');
	});

	test('case filters: status csv, FROM~score (min_score is not a parameter: ignored), tenant, FROM~created_at, sort and order', async () => {
		const accessToken = await token();
		const open = await get(
			'/connect/api/v1/cases?limit=500&status=New,Escalated&FROM~created_at=0',
			accessToken,
		);
		expect(open.json.data.cases.every((c: any) => ['New', 'Escalated'].includes(c.status))).toBe(
			true,
		);
		expect(open.json.data.total).toBe(open.json.data.cases.length);
		const scored = await get(
			'/connect/api/v1/cases?limit=500&FROM~score=80&sort=score&order=asc&FROM~created_at=0',
			accessToken,
		);
		const scores = scored.json.data.cases.map((c: any) => c.score);
		expect(scores.every((s: number) => s >= 80)).toBe(true);
		const ignored = await get(
			'/connect/api/v1/cases?limit=500&min_score=80&FROM~created_at=0',
			accessToken,
		);
		expect(ignored.json.data.total).toBe(300);
		expect([...scores].sort((a, b) => a - b)).toEqual(scores);
		const tenant = (await get('/connect/api/v1/tenants', accessToken)).json.data[1].cust_id;
		const ofTenant = await get(
			`/connect/api/v1/cases?limit=500&tenantid=${tenant}&FROM~created_at=0`,
			accessToken,
		);
		expect(ofTenant.json.data.cases.every((c: any) => c.cust_id === tenant)).toBe(true);
		const since = Date.now() - 7 * 24 * 3600_000;
		const recent = await get(
			`/connect/api/v1/cases?limit=500&FROM~created_at=${since}`,
			accessToken,
		);
		expect(recent.json.data.cases.every((c: any) => c.created_at >= since)).toBe(true);
		expect(recent.json.data.total).toBeLessThan(300);
		// no created_at bound: the last 24 hours only (the default window a public client reports)
		const unbounded = await get('/connect/api/v1/cases?limit=500', accessToken);
		expect(
			unbounded.json.data.cases.every((c: any) => c.created_at >= Date.now() - 24 * 3600_000),
		).toBe(true);
		expect(unbounded.json.data.total).toBeLessThan(300);
	});

	test('case alerts come in pages of at most 50 (a larger limit is cut to 50)', async () => {
		const accessToken = await token();
		const [record] = (await get('/connect/api/v1/cases?limit=1&FROM~created_at=0', accessToken))
			.json.data.cases;
		const alerts = await get(
			`/connect/api/v1/cases/${record._id}/alerts?skip=0&limit=50`,
			accessToken,
		);
		expect(alerts.json.data.docs).toHaveLength(record.size);
		expect(alerts.json.data.docs[0]).toEqual({
			_id: expect.any(String),
			_index: expect.stringMatching(/^stellar-index-v1-ser-/),
			_source: expect.any(Object),
		});
		expect(
			(await get(`/connect/api/v1/cases/${record._id}/alerts?limit=51`, accessToken)).json.data.docs
				.length,
		).toBeLessThanOrEqual(50);
	});
});

describe('Immuta', () => {
	test('API key exchange answers {authenticated, token} without expiry; password login adds tokenExpiration', async () => {
		const sim = sims.immuta;
		sim.resetStats();
		const key = await call(sim.url, 'POST', '/bim/apikey/authenticate', {
			body: { apikey: IMMUTA.apiKey },
		});
		expect(key.status).toBe(200);
		expect(key.json).toEqual({ authenticated: true, token: expect.any(String) });
		const password = await call(sim.url, 'POST', `/bim/iam/${IMMUTA.iamId}/user/authenticate`, {
			body: { username: IMMUTA.username, password: IMMUTA.password },
		});
		expect(password.json).toEqual({
			authenticated: true,
			token: expect.any(String),
			tokenExpiration: expect.any(String),
		});
		const lifetime = Date.parse(password.json.tokenExpiration) - Date.now();
		expect(lifetime).toBeGreaterThan(3590_000);
		expect(lifetime).toBeLessThanOrEqual(3600_000);
		expect(sim.stats).toMatchObject({ logins: 2, failedLogins: 0 });
	});

	test('bad logins are 401 Boom bodies', async () => {
		const sim = sims.immuta;
		const key = await call(sim.url, 'POST', '/bim/apikey/authenticate', {
			body: { apikey: 'nope' },
		});
		expect(key.status).toBe(401);
		expect(key.json).toEqual({
			statusCode: 401,
			error: 'Unauthorized',
			message: expect.any(String),
		});
		const password = await call(sim.url, 'POST', '/bim/iam/bim/user/authenticate', {
			body: { username: IMMUTA.username, password: 'nope' },
		});
		expect(password.status).toBe(401);
		expect(password.json.statusCode).toBe(401);
		expect((await call(sim.url, 'POST', '/bim/apikey/authenticate', { body: {} })).status).toBe(
			400,
		);
	});

	test('the API takes Bearer <token> or the raw API key; nothing else', async () => {
		const sim = sims.immuta;
		const token = await login.immuta(sim);
		sim.resetStats();
		const current = await call(sim.url, 'GET', '/bim/rpc/user/current', { headers: bearer(token) });
		expect(current.json).toMatchObject({
			userid: IMMUTA.username,
			iamid: 'bim',
			profile: { email: IMMUTA.username },
		});
		expect(
			(
				await call(sim.url, 'GET', '/bim/rpc/user/current', {
					headers: { Authorization: IMMUTA.apiKey },
				})
			).status,
		).toBe(200);
		const refused = await call(sim.url, 'GET', '/bim/rpc/user/current');
		expect(refused.status).toBe(401);
		expect401Body.immuta(refused);
		expect(sim.stats).toMatchObject({ logins: 0, requests: 3, unauthorized: 1 });
	});

	test('data sources page with offset/size and count; searchText filters', async () => {
		const headers = { Authorization: IMMUTA.apiKey };
		const first = await call(sims.immuta.url, 'GET', '/dataSource?size=100&offset=0', { headers });
		const third = await call(sims.immuta.url, 'GET', '/dataSource?size=100&offset=200', {
			headers,
		});
		expect(first.json.count).toBe(250);
		expect(first.json.hits).toHaveLength(100);
		expect(third.json.hits).toHaveLength(50);
		expect(first.json.hits[0]).toEqual(
			expect.objectContaining({
				id: expect.any(Number),
				name: expect.any(String),
				status: expect.any(String),
				blobHandlerType: expect.any(String),
				connectionString: expect.any(String),
				recordCount: expect.any(Number),
				createdAt: expect.any(String),
			}),
		);
		const found = await call(sims.immuta.url, 'GET', '/dataSource?size=500&searchText=CUSTOMERS', {
			headers,
		});
		expect(found.json.count).toBeGreaterThan(0);
		expect(found.json.hits.every((hit: any) => hit.name.includes('customers'))).toBe(true);
	});

	test('/tag without a token is a 500, as the real one', async () => {
		expect((await call(sims.immuta.url, 'GET', '/tag')).status).toBe(500);
	});
});

describe('Elastic Cloud Enterprise', () => {
	test('ApiKey works on every call and the answer carries X-Elastic-Api-Key-Expiration', async () => {
		const answer = await call(sims.ece.url, 'GET', '/api/v1/platform', {
			headers: { Authorization: `ApiKey ${ECE.apiKey}` },
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			version: expect.any(String),
			services: expect.any(Array),
			regions: expect.any(Array),
		});
		expect(Date.parse(String(answer.headers['x-elastic-api-key-expiration']))).toBeGreaterThan(
			Date.now(),
		);
		const refused = await call(sims.ece.url, 'GET', '/api/v1/platform', {
			headers: { Authorization: 'ApiKey wrong' },
		});
		expect(refused.status).toBe(401);
		expect401Body.ece(refused);
	});

	test('_login answers {token, session_expiration_time}; a bad password is root.unauthenticated', async () => {
		const sim = sims.ece;
		sim.resetStats();
		const answer = await call(sim.url, 'POST', '/api/v1/users/auth/_login', {
			body: { username: ECE.username, password: ECE.password },
		});
		expect(answer.json).toEqual({
			token: expect.any(String),
			session_expiration_time: expect.any(String),
		});
		expect(Date.parse(answer.json.session_expiration_time)).toBe(
			(decodeJwt(answer.json.token)?.exp as number) * 1000,
		);
		expect(
			(await call(sim.url, 'GET', '/api/v1/user', { headers: bearer(answer.json.token) })).json
				.user_name,
		).toBe(ECE.username);
		const bad = await call(sim.url, 'POST', '/api/v1/users/auth/_login', {
			body: { username: ECE.username, password: 'nope' },
		});
		expect(bad.status).toBe(401);
		expect401Body.ece(bad);
		expect(sim.stats).toMatchObject({ logins: 2, failedLogins: 1, unauthorized: 1, requests: 3 });
	});

	test('deployment search pages with a cursor until an empty page; GET /deployments lists them all', async () => {
		const headers = { Authorization: `ApiKey ${ECE.apiKey}` };
		const all = await call(sims.ece.url, 'GET', '/api/v1/deployments', { headers });
		expect(all.json.deployments).toHaveLength(120);
		expect(all.json.deployments[0].resources[0]).toEqual(
			expect.objectContaining({
				ref_id: expect.any(String),
				id: expect.any(String),
				kind: 'elasticsearch',
				region: expect.any(String),
			}),
		);
		const seen: string[] = [];
		const counts: number[] = [];
		let body: Record<string, unknown> = { size: 50, query: { match_all: {} } };
		for (let guard = 0; guard < 10; guard++) {
			const page = await call(sims.ece.url, 'POST', '/api/v1/deployments/_search', {
				headers,
				body,
			});
			expect(page.json.match_count).toBe(120);
			counts.push(page.json.return_count);
			seen.push(...page.json.deployments.map((d: any) => d.id));
			// a cursor on every page, the empty one too (ecctl's mock): the client stops on return_count 0
			expect(typeof page.json.cursor).toBe('string');
			if (page.json.return_count === 0) break;
			body = { cursor: page.json.cursor };
		}
		expect(counts).toEqual([50, 50, 20, 0]);
		expect(new Set(seen).size).toBe(120);
		const filtered = await call(sims.ece.url, 'POST', '/api/v1/deployments/_search', {
			headers,
			body: { size: 200, query: { prefix: { name: 'security' } } },
		});
		expect(filtered.json.deployments.every((d: any) => d.name.startsWith('security'))).toBe(true);
		expect(filtered.json.return_count).toBe(filtered.json.match_count);
	});

	test('an unknown deployment is deployments.deployment_not_found', async () => {
		const answer = await call(sims.ece.url, 'GET', '/api/v1/deployments/0000', {
			headers: { Authorization: `ApiKey ${ECE.apiKey}` },
		});
		expect(answer.status).toBe(404);
		expect(answer.json.errors[0].code).toBe('deployments.deployment_not_found');
		expect(answer.headers['x-cloud-error-codes']).toBe('deployments.deployment_not_found');
	});
});

describe('every vendor', () => {
	test('tokens die after their lifetime; a lifetime change applies to tokens issued afterwards', async () => {
		await Promise.all(
			VENDOR_LIST.map(async (vendor) => {
				const sim = sims[vendor];
				const longLived = await login[vendor](sim);
				sim.setTokenLifetime(2);
				try {
					const shortLived = await login[vendor](sim);
					expect([
						vendor,
						(await call(sim.url, 'GET', testPath[vendor], { headers: bearer(shortLived) })).status,
					]).toEqual([vendor, 200]);
					await sleep(2_100);
					const expired = await call(sim.url, 'GET', testPath[vendor], {
						headers: bearer(shortLived),
					});
					expect([vendor, expired.status]).toEqual([vendor, 401]);
					expect401Body[vendor](expired);
					expect([
						vendor,
						(await call(sim.url, 'GET', testPath[vendor], { headers: bearer(longLived) })).status,
					]).toEqual([vendor, 200]);
				} finally {
					sim.setTokenLifetime(3600);
				}
			}),
		);
	});

	test('revokeAllTokens (a backend restart) kills every issued token; new logins work', async () => {
		for (const vendor of VENDOR_LIST) {
			const sim = sims[vendor];
			const token = await login[vendor](sim);
			sim.revokeAllTokens();
			sim.resetStats();
			const refused = await call(sim.url, 'GET', testPath[vendor], { headers: bearer(token) });
			expect([vendor, refused.status]).toEqual([vendor, 401]);
			expect401Body[vendor](refused);
			expect(sim.stats.unauthorized).toBe(1);
			const fresh = await login[vendor](sim);
			expect([
				vendor,
				(await call(sim.url, 'GET', testPath[vendor], { headers: bearer(fresh) })).status,
			]).toEqual([vendor, 200]);
		}
	});

	test('unknown paths are 404s in each vendor style (UTMStack: outside /api)', async () => {
		for (const vendor of VENDOR_LIST) {
			const path =
				vendor === 'utmstack' ? '/nothing' : vendor === 'ece' ? '/api/v1/nothing' : '/nothing';
			expect([vendor, (await call(sims[vendor].url, 'POST', path)).status]).toEqual([vendor, 404]);
		}
		// a UTMStack login sent to another vendor finds no endpoint there
		expect(
			(
				await call(sims.stellarcyber.url, 'POST', '/api/authenticate', {
					body: { username: 'a', password: 'b' },
				})
			).status,
		).toBe(404);
	});
});

describe('control endpoints', () => {
	test('stats, reset-stats, revoke-tokens and config over HTTP, not counted themselves', async () => {
		const sim = sims.stellarcyber;
		sim.resetStats();
		const token = await login.stellarcyber(sim);
		const stats = await call(sim.url, 'GET', '/__sim/stats');
		expect(stats.json).toMatchObject({
			vendor: 'stellarcyber',
			logins: 1,
			requests: 1,
			byEndpoint: { 'POST /connect/api/v1/access_token': 1 },
		});
		expect(sim.stats.requests).toBe(1);

		expect((await call(sim.url, 'POST', '/__sim/revoke-tokens')).status).toBe(204);
		expect(
			(await call(sim.url, 'GET', '/connect/api/v1/tenants', { headers: bearer(token) })).status,
		).toBe(401);

		const configured = await call(sim.url, 'POST', '/__sim/config', {
			body: { tokenLifetimeSeconds: 42 },
		});
		expect(configured.json).toMatchObject({ tokenLifetimeSeconds: 42 });
		expect(sim.tokenLifetimeSeconds).toBe(42);
		const answer = await call(sim.url, 'POST', '/connect/api/v1/access_token', {
			headers: bearer(STELLAR.apiKey),
		});
		expect(answer.json.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(42);
		expect(
			(await call(sim.url, 'POST', '/__sim/config', { body: { tokenLifetimeSeconds: -1 } })).status,
		).toBe(400);
		expect((await call(sim.url, 'POST', '/__sim/config', { body: { nonsense: 1 } })).status).toBe(
			400,
		);
		sim.setTokenLifetime(600);

		expect((await call(sim.url, 'POST', '/__sim/reset-stats')).status).toBe(204);
		expect(sim.stats).toMatchObject({ logins: 0, requests: 0, unauthorized: 0, byEndpoint: {} });
	});

	test('the request log records method, route, query and body, with secrets masked', async () => {
		const sim = sims.utmstack;
		sim.resetStats();
		await utmLogin(sim);
		await call(
			sim.url,
			'POST',
			'/api/elasticsearch/search?top=5&indexPattern=alert-*&page=1&size=5',
			{ headers: { 'Utm-Api-Key': UTMSTACK.apiKey }, body: [] },
		);
		const log = (await call(sim.url, 'GET', '/__sim/requests')).json;
		expect(log).toHaveLength(2);
		expect(log[0]).toMatchObject({
			method: 'POST',
			route: '/api/authenticate',
			body: { username: UTMSTACK.username, password: '***' },
			auth: 'none',
			status: 200,
		});
		expect(log[1]).toMatchObject({
			route: '/api/elasticsearch/search',
			query: { top: '5', indexPattern: 'alert-*', page: '1', size: '5' },
			body: [],
			auth: 'Utm-Api-Key',
		});
		expect(JSON.stringify(log)).not.toContain(UTMSTACK.password);
		expect(JSON.stringify(log)).not.toContain(UTMSTACK.apiKey);
	});
});

describe('records created and failures injected while running', () => {
	let own: Record<SimulatorVendor, RunningSimulator>;

	beforeAll(async () => {
		own = await startAllSimulators({
			alertCount: 50,
			logCount: 10,
			caseCount: 20,
			deploymentCount: 5,
		});
	});

	afterAll(async () => {
		await stopAllSimulators(own);
	});

	test("faults (mode status) lets `after` requests through, fails the next ones in the vendor's style, then recovers", async () => {
		const sim = own.utmstack;
		expect(
			(
				await call(sim.url, 'POST', '/__sim/faults', {
					body: { after: 1, requests: 2, status: 500 },
				})
			).status,
		).toBe(204);
		const statuses: number[] = [];
		let failure: Answer | undefined;
		for (let i = 0; i < 4; i++) {
			const answer = await call(sim.url, 'GET', '/api/account', {
				headers: { 'Utm-Api-Key': UTMSTACK.apiKey },
			});
			statuses.push(answer.status);
			if (answer.status === 500) failure = answer;
		}
		expect(statuses).toEqual([200, 500, 500, 200]);
		expect(failure?.headers['x-utmstack-error']).toBe('Simulated server failure');
		expect(
			(await call(own.ece.url, 'POST', '/__sim/faults', { body: { status: 503 } })).status,
		).toBe(204);
		expect(
			(
				await call(own.ece.url, 'GET', '/api/v1/platform', {
					headers: { Authorization: `ApiKey ${ECE.apiKey}` },
				})
			).status,
		).toBe(503);
		for (const body of [{ requests: -1 }, { status: 200 }, { after: 'x' }]) {
			expect((await call(sim.url, 'POST', '/__sim/faults', { body })).status).toBe(400);
		}
	});

	test('new UTMStack alerts share one @timestamp and are found by the search', async () => {
		const sim = own.utmstack;
		const created = (
			await call(sim.url, 'POST', '/__sim/alerts', {
				body: { count: 3, severity: 3, name: 'Ransomware outbreak' },
			})
		).json.alerts;
		expect(created).toHaveLength(3);
		expect(
			new Set(created.map((alert: { '@timestamp': string }) => alert['@timestamp'])).size,
		).toBe(1);
		const found = await call(
			sim.url,
			'POST',
			'/api/elasticsearch/search?top=10&indexPattern=alert-*&page=1&size=10',
			{
				headers: { 'Utm-Api-Key': UTMSTACK.apiKey },
				body: [{ field: 'name', operator: 'IS', value: 'Ransomware outbreak' }],
			},
		);
		expect(found.json.map((alert: { id: string }) => alert.id).sort()).toEqual(
			created.map((alert: { id: string }) => alert.id).sort(),
		);
		expect(
			found.json.every(
				(alert: { severity: number; severityLabel: string }) =>
					alert.severity === 3 && alert.severityLabel === 'High',
			),
		).toBe(true);
		expect((await call(sim.url, 'POST', '/__sim/alerts', { body: { severity: 7 } })).status).toBe(
			400,
		);
	});

	test('new and modified Stellar Cyber cases move created_at and modified_at', async () => {
		const sim = own.stellarcyber;
		const token = await login.stellarcyber(sim);
		const [created] = (await call(sim.url, 'POST', '/__sim/cases', { body: { score: 88.5 } })).json
			.data.cases;
		expect(created).toMatchObject({ status: 'New', score: 88.5, size: 0 });
		const since = await call(
			sim.url,
			'GET',
			`/connect/api/v1/cases?FROM~created_at=${created.created_at}&limit=50`,
			{ headers: bearer(token) },
		);
		expect(since.json.data.cases.map((record: { _id: string }) => record._id)).toContain(
			created._id,
		);
		await sleep(3);
		const [modified] = (
			await call(sim.url, 'POST', '/__sim/cases/modify', {
				body: { ids: [created._id], status: 'Escalated' },
			})
		).json.data.cases;
		expect(modified.modified_at).toBeGreaterThan(created.modified_at);
		expect(modified.status).toBe('Escalated');
		expect(
			(await call(sim.url, 'POST', '/__sim/cases/modify', { body: { ids: ['nope'] } })).status,
		).toBe(404);
	});

	test("an ECE deployment's health and Elasticsearch status change on demand", async () => {
		const sim = own.ece;
		const listed = await call(sim.url, 'GET', '/__sim/deployments');
		expect(listed.json).toHaveLength(5);
		const id = listed.json[0].id;
		expect(
			(
				await call(sim.url, 'POST', '/__sim/deployments/health', {
					body: { id, healthy: false, status: 'reconfiguring' },
				})
			).status,
		).toBe(200);
		const got = await call(sim.url, 'GET', `/api/v1/deployments/${id}`, {
			headers: { Authorization: `ApiKey ${ECE.apiKey}` },
		});
		expect(got.json.healthy).toBe(false);
		expect(got.json.resources.elasticsearch[0].info.status).toBe('reconfiguring');
		expect((await call(sim.url, 'GET', '/__sim/deployments')).json[0]).toMatchObject({
			id,
			healthy: false,
			status: 'reconfiguring',
		});
		expect(
			(
				await call(sim.url, 'POST', '/__sim/deployments/health', {
					body: { id, status: 'melting' },
				})
			).status,
		).toBe(400);
		expect((await call(sim.url, 'POST', '/__sim/nothing-here')).status).toBe(404);
	});
});

describe('TLS', () => {
	let secure: RunningSimulator;

	beforeAll(async () => {
		secure = await startSimulator('ece', { tls: true });
	});
	afterAll(async () => await secure.close());

	test('a default client refuses the self-signed certificate; skipping verification or trusting it works', async () => {
		expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		const error = await call(secure.url, 'GET', '/api/v1/platform').then(
			() => undefined,
			(failure: NodeJS.ErrnoException) => failure,
		);
		expect(error?.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
		await expect(fetch(`${secure.url}/api/v1/platform`)).rejects.toThrow();
		expect(secure.stats.requests).toBe(0);

		const headers = { Authorization: `ApiKey ${ECE.apiKey}` };
		expect(
			(await call(secure.url, 'GET', '/api/v1/platform', { headers, rejectUnauthorized: false }))
				.status,
		).toBe(200);
		expect(
			(await call(secure.url, 'GET', '/api/v1/platform', { headers, ca: secure.certificate }))
				.status,
		).toBe(200);
		const viaLocalhost = secure.url.replace('127.0.0.1', 'localhost');
		expect(
			(await call(viaLocalhost, 'GET', '/api/v1/platform', { headers, ca: secure.certificate }))
				.status,
		).toBe(200);
		expect(secure.stats.requests).toBe(3);
	});
});

describe('command line', () => {
	test('prints one line per vendor and closes cleanly on SIGTERM', async () => {
		const root = join(__dirname, '..', '..');
		const child = spawn(
			join(root, 'node_modules', '.bin', 'tsx'),
			['test/simulators/cli.ts', 'utmstack', 'immuta', '--token-lifetime', '60'],
			{ cwd: root },
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) =>
			child.on('exit', (code) => resolve(code)),
		);
		for (let waited = 0; output.split('\n').length < 3 && waited < 15_000; waited += 100)
			await sleep(100);
		const lines = output.trim().split('\n');
		expect(lines).toEqual([
			expect.stringMatching(/^utmstack http:\/\/127\.0\.0\.1:\d+$/),
			expect.stringMatching(/^immuta http:\/\/127\.0\.0\.1:\d+$/),
		]);
		const url = lines[0].split(' ')[1];
		expect((await call(url, 'GET', '/api/ping')).text).toBe('OK');
		expect((await call(url, 'GET', '/__sim/config')).json).toMatchObject({
			tokenLifetimeSeconds: 60,
		});
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});
});
