import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject, ICredentialType, INodeType } from 'n8n-workflow';

import { UtmStackApi } from '../../credentials/UtmStackApi.credentials';
import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ProbeNode } from '../helpers/probe-node';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ECE, STELLAR, UTMSTACK } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/**
 * Sessions across processes and edits: a refused secret is tried once in all (a new process is a fresh
 * load of the credential code over the same stored credential, as a worker or `n8n execute` sees it),
 * a token is only sent with the settings it was issued for, no secret follows a redirect, and ids that
 * URL parsing would collapse never reach a request.
 */

let utm: RunningSimulator;
let otherUtm: RunningSimulator;

beforeAll(async () => {
	utm = await startSimulator('utmstack', { alertCount: 20 });
	otherUtm = await startSimulator('utmstack', { alertCount: 20 });
});

afterAll(async () => {
	await utm.close();
	await otherUtm.close();
});

beforeEach(() => {
	utm.resetStats();
	otherUtm.resetStats();
	utm.control('/__sim/unlock');
});

/** The credential types as a new n8n process loads them: no memory of anything this process saw. */
function freshProcessTypes(): ICredentialType[] {
	let types: ICredentialType[] = [];
	jest.isolateModules(() => {
		types = (require('../helpers/vendors') as typeof import('../helpers/vendors'))
			.ALL_CREDENTIAL_TYPES;
	});
	return types;
}

let processCount = 0;

/**
 * One process: its own harness over the stored credential data, which it writes back like n8n's database.
 * Each gets its own credential id, so nothing this test process remembers of another "process" applies.
 */
async function inProcess(
	stored: ICredentialDataDecryptedObject,
	types: ICredentialType[],
	node: INodeType,
	parameters: Record<string, unknown>,
) {
	const harness = new N8nHarness(types);
	const type =
		typeof parameters.credentialType === 'string'
			? parameters.credentialType
			: ((node.description.credentials ?? [])[0]?.name ?? 'utmStackApi');
	const id = `process-${++processCount}`;
	harness.addCredential(id, type, stored);
	try {
		const [output] = await harness.runNode(node, parameters as never, [{ json: {} }], {
			[type]: id,
		});
		return { output, error: undefined, stored: harness.stored(id) };
	} catch (error) {
		return {
			output: undefined,
			error: error as { message: string; description?: string },
			stored: harness.stored(id),
		};
	}
}

const probe = { credentialType: 'utmStackApi', path: '/api/account', helper: 'current' };
const probeNode = (): INodeType => new ProbeNode();

test('in one process, a refusal told again says no new login was attempted', async () => {
	utm.resetStats();
	const types = freshProcessTypes();
	let stored: ICredentialDataDecryptedObject = {
		baseUrl: utm.url,
		authMethod: 'password',
		username: UTMSTACK.username,
		password: 'wrong-password-2',
	};
	const first = await inProcess(stored, types, probeNode(), probe);
	expect(first.error?.message).toBe('UTMStack rejected the login: wrong username or password');
	expect(first.error?.description).toMatch(
		/^Check the username or password in the credential \(HTTP 401\)/,
	);
	stored = first.stored;
	const again = await inProcess(stored, types, probeNode(), probe);
	expect(again.error?.message).toBe('UTMStack rejected the login: wrong username or password');
	expect(again.error?.description).toMatch(
		/^Refused at \d{4}-\d\d-\d\dT.*no new login was attempted since, so the account is not locked/,
	);
	expect(utm.stats.logins).toBe(1);
});

describe('a refused password is tried once across processes', () => {
	test('three processes and a restart: one login attempt; a corrected password logs in at once', async () => {
		let stored: ICredentialDataDecryptedObject = {
			baseUrl: utm.url,
			authMethod: 'password',
			username: UTMSTACK.username,
			password: 'wrong-password-1',
		};
		const first = await inProcess(stored, freshProcessTypes(), probeNode(), probe);
		expect(first.error?.message).toBe('UTMStack rejected the login: wrong username or password');
		expect(utm.stats.logins).toBe(1);
		stored = first.stored;
		expect(String(stored.sessionRefusal)).toContain('UTMStack rejected the login');
		expect(JSON.stringify(stored)).not.toContain('wrong-password-1"}');
		for (let process = 0; process < 3; process++) {
			const later = await inProcess(stored, freshProcessTypes(), probeNode(), probe);
			expect(later.error?.message).toBe('UTMStack rejected the login: wrong username or password');
			expect(later.error?.description).toMatch(
				/^Refused at \d{4}-\d\d-\d\dT.*no new login was attempted since, so the account is not locked/,
			);
			stored = later.stored;
		}
		expect(utm.stats.logins).toBe(1);
		// the credential's Test is a person's deliberate attempt: it tries once, says why it failed, and the refusal holds again
		const tester = new N8nHarness(freshProcessTypes());
		tester.addCredential('t', 'utmStackApi', stored);
		const tested = await tester.testCredential(new UtmStackApi(), 't');
		expect(tested).toMatchObject({
			status: 'Error',
			message: 'UTMStack rejected the login: wrong username or password',
		});
		expect(utm.stats.logins).toBe(2);
		stored = tester.stored('t');
		for (let process = 0; process < 2; process++) {
			const later = await inProcess(stored, freshProcessTypes(), probeNode(), probe);
			expect(later.error?.description).toMatch(/^Refused at .*no new login was attempted since/);
			stored = later.stored;
		}
		expect(utm.stats.logins).toBe(2);

		const corrected = await inProcess(
			{ ...stored, password: UTMSTACK.password },
			freshProcessTypes(),
			probeNode(),
			probe,
		);
		expect(corrected.error).toBeUndefined();
		expect(utm.stats.logins).toBe(3);
		expect(corrected.stored.sessionRefusal).toBe('');
	});

	test("a refusal that proves nothing about the secret (HTTP 429) is not stored: it holds this process's logins until its time, and another process tries once", async () => {
		utm.control('/__sim/faults', {
			mode: 'rateLimit',
			path: '/api/authenticate',
			requests: 1,
			retryAfterSeconds: 120,
		});
		const stored = {
			baseUrl: utm.url,
			authMethod: 'password',
			username: UTMSTACK.username,
			password: UTMSTACK.password,
		};
		const types = freshProcessTypes();
		const first = await inProcess(stored, types, probeNode(), probe);
		expect(first.error?.message).toBe('UTMStack is refusing logins for now: too many attempts');
		expect(first.stored.sessionRefusal ?? '').toBe('');
		expect(first.stored.sessionToken ?? '').toBe('');
		const attempts = () =>
			utm.requestLog.filter((entry) => entry.path === '/api/authenticate').length;
		// the same process, a minute later: held, no login
		jest.useFakeTimers({
			doNotFake: [
				'nextTick',
				'setImmediate',
				'setTimeout',
				'clearTimeout',
				'setInterval',
				'clearInterval',
				'queueMicrotask',
				'hrtime',
				'performance',
			],
		});
		try {
			jest.setSystemTime(Date.now() + 60_000);
			const held = await inProcess(first.stored, types, probeNode(), probe);
			expect(held.error?.description).toMatch(
				/No new login was attempted: n8n tries once more after \S+ \(it was refused at /,
			);
			expect(attempts()).toBe(1);
			// two minutes after the refusal: one login, and it works
			jest.setSystemTime(Date.now() + 61_000);
			const retried = await inProcess(first.stored, types, probeNode(), probe);
			expect(retried.error).toBeUndefined();
			expect(attempts()).toBe(2);
		} finally {
			jest.useRealTimers();
		}
	});
});

describe('a stored token is used only with the settings it was issued for', () => {
	const search = {
		resource: 'alert',
		operation: 'search',
		indexPattern: 'alert-*',
		filters: {},
		timeRange: 'none',
		sortField: '@timestamp',
		sortDirection: 'desc',
		limit: 1,
	};

	test('after the base URL changes, the old token never reaches the new host: it logs in there first', async () => {
		const first = await inProcess(
			{
				baseUrl: utm.url,
				authMethod: 'password',
				username: UTMSTACK.username,
				password: UTMSTACK.password,
			},
			ALL_CREDENTIAL_TYPES,
			new UtmStack(),
			search,
		);
		const oldToken = String(first.stored.sessionToken);
		expect(oldToken).not.toBe('');
		const moved = await inProcess(
			{ ...first.stored, baseUrl: otherUtm.url },
			ALL_CREDENTIAL_TYPES,
			new UtmStack(),
			search,
		);
		expect(moved.error).toBeUndefined();
		expect(otherUtm.requestLog[0].path).toBe('/api/authenticate');
		expect(otherUtm.stats.unauthorized).toBe(0);
		expect(moved.stored.sessionToken).not.toBe(oldToken);
	});

	test('after the username changes, the next run acts as the new user (a login), not the old one', async () => {
		const first = await inProcess(
			{
				baseUrl: utm.url,
				authMethod: 'password',
				username: UTMSTACK.username,
				password: UTMSTACK.password,
			},
			ALL_CREDENTIAL_TYPES,
			new UtmStack(),
			search,
		);
		utm.resetStats();
		const edited = await inProcess(
			{ ...first.stored, username: UTMSTACK.tfaUsername, password: 'not-his-password' },
			ALL_CREDENTIAL_TYPES,
			new UtmStack(),
			search,
		);
		expect(utm.stats.logins).toBe(1);
		expect(edited.error?.message).toBe('UTMStack rejected the login: wrong username or password');
		expect(
			utm.requestLog.filter((entry) => entry.path === '/api/elasticsearch/search'),
		).toHaveLength(0);
	});

	test('authenticate sends no token issued for other settings (the HTTP Request node path)', async () => {
		const first = await inProcess(
			{
				baseUrl: utm.url,
				authMethod: 'password',
				username: UTMSTACK.username,
				password: UTMSTACK.password,
			},
			ALL_CREDENTIAL_TYPES,
			new UtmStack(),
			search,
		);
		const type = new UtmStackApi();
		const fits = await type.authenticate(first.stored, { url: `${utm.url}/api/account` });
		expect(fits.headers?.Authorization).toBe(`Bearer ${String(first.stored.sessionToken)}`);
		const other = await type.authenticate(
			{ ...first.stored, baseUrl: 'https://elsewhere.example.test' },
			{ url: 'https://elsewhere.example.test/api/account' },
		);
		expect(other.headers?.Authorization).toBeUndefined();
		expect(other.disableFollowRedirect).toBe(true);
	});
});

describe('an ECE session near its end is refreshed by whichever process holds it', () => {
	const LOGIN = 'POST /api/v1/users/auth/_login';
	const REFRESH = 'POST /api/v1/users/auth/_refresh';
	const eceProbe = {
		credentialType: 'elasticCloudEnterpriseApi',
		path: '/api/v1/platform',
		helper: 'current',
	};
	let ece: RunningSimulator;

	beforeAll(async () => {
		ece = await startSimulator('ece', { tokenLifetimeSeconds: 10 });
	});

	afterAll(async () => {
		await ece.close();
	});

	test('a new process (a restart, n8n execute, another worker) refreshes the stored session: 1 refresh, 0 password logins', async () => {
		const first = await inProcess(
			{ baseUrl: ece.url, authMethod: 'password', username: ECE.username, password: ECE.password },
			freshProcessTypes(),
			probeNode(),
			eceProbe,
		);
		expect(first.error).toBeUndefined();
		expect(ece.stats.byEndpoint[LOGIN]).toBe(1);
		// into the last tenth of the session's life (its last second), when a request renews it first; a new
		// process checks the seal before it uses the token (about 150 ms), so well before the end
		await new Promise((resolve) =>
			setTimeout(resolve, Date.parse(String(first.stored.sessionExpiresAt)) - 800 - Date.now()),
		);
		ece.resetStats();
		const later = await inProcess(first.stored, freshProcessTypes(), probeNode(), eceProbe);
		expect(later.error).toBeUndefined();
		expect(ece.stats.byEndpoint[REFRESH]).toBe(1);
		expect(ece.stats.byEndpoint[LOGIN]).toBeUndefined();
		expect(ece.stats.unauthorized).toBe(0);
		expect(later.stored.sessionToken).not.toBe(first.stored.sessionToken);
		expect(Date.parse(String(later.stored.sessionExpiresAt))).toBeGreaterThan(
			Date.parse(String(first.stored.sessionExpiresAt)),
		);
		expect(
			ece.requestLog.filter((request) => JSON.stringify(request.body ?? '').includes('password')),
		).toEqual([]);
	}, 20_000);

	test('as n8n 1.x stores it (the data the hook ran with): the stored credential holds the new session only, no note of the old token', async () => {
		const harness = new N8nHarness(freshProcessTypes());
		harness.credentials.storesHookInput = true;
		harness.addCredential('ece-1x', 'elasticCloudEnterpriseApi', {
			baseUrl: ece.url,
			authMethod: 'password',
			username: ECE.username,
			password: ECE.password,
		});
		const runOnce = async () =>
			await harness.runNode(probeNode(), eceProbe as never, [{ json: {} }], {
				elasticCloudEnterpriseApi: 'ece-1x',
			});
		await runOnce();
		const first = { ...harness.stored('ece-1x') };
		// within the last minute of a 10-minute session, as another process would find it
		Object.assign(harness.stored('ece-1x'), {
			sessionIssuedAt: new Date(Date.now() - 570_000).toISOString(),
			sessionExpiresAt: new Date(Date.now() + 30_000).toISOString(),
		});
		ece.resetStats();
		await runOnce();
		const stored = harness.stored('ece-1x');
		expect(ece.stats.byEndpoint[REFRESH]).toBe(1);
		expect(stored.sessionToken).not.toBe(first.sessionToken);
		expect(JSON.stringify(stored)).not.toContain(String(first.sessionToken));
		expect(stored.sessionRenewal).toBe('');
	});

	test('a session already past its end is not refreshed: the password logs in', async () => {
		const first = await inProcess(
			{ baseUrl: ece.url, authMethod: 'password', username: ECE.username, password: ECE.password },
			freshProcessTypes(),
			probeNode(),
			eceProbe,
		);
		ece.resetStats();
		const expired = {
			...first.stored,
			sessionExpiresAt: new Date(Date.now() - 1000).toISOString(),
		};
		const later = await inProcess(expired, freshProcessTypes(), probeNode(), eceProbe);
		expect(later.error).toBeUndefined();
		expect(ece.stats.byEndpoint[REFRESH]).toBeUndefined();
		expect(ece.stats.byEndpoint[LOGIN]).toBe(1);
	});
});

describe('a token another process renewed is used instead of a new login', () => {
	/** A credential whose fresh token another worker saved (its login ran in another process). */
	async function savedByAnotherWorker() {
		const other = await inProcess(
			{
				baseUrl: utm.url,
				authMethod: 'password',
				username: UTMSTACK.username,
				password: UTMSTACK.password,
			},
			ALL_CREDENTIAL_TYPES,
			probeNode(),
			probe,
		);
		const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
		harness.addCredential('shared', 'utmStackApi', other.stored);
		const run = async () =>
			await harness.runNode(probeNode(), probe as never, [{ json: {} }], { utmStackApi: 'shared' });
		return { harness, run, fresh: { ...other.stored } };
	}

	test('a run that read a token about to expire re-reads the credential and takes the fresh one: no login', async () => {
		const { harness, run, fresh } = await savedByAnotherWorker();
		// What this run read before another worker renewed: the same token, expiring in 5 seconds.
		const stale = {
			...fresh,
			sessionToken: 'token-of-an-earlier-login',
			sessionExpiresAt: new Date(Date.now() + 5_000).toISOString(),
			sessionIssuedAt: new Date(Date.now() - 600_000).toISOString(),
		};
		const reads = jest
			.spyOn(harness.credentials, 'getDecrypted')
			.mockImplementationOnce(async () => harness.credentials.withDefaults('utmStackApi', stale));
		utm.resetStats();
		await run();
		expect(utm.stats.logins).toBe(0);
		expect(utm.stats.unauthorized).toBe(0);
		expect(reads).toHaveBeenCalledTimes(2);
		expect(harness.stored('shared').sessionToken).toBe(fresh.sessionToken);
		reads.mockRestore();
	});

	test('a 401 on a token another process replaced: the stored one is tried before a login', async () => {
		const { harness, run, fresh } = await savedByAnotherWorker();
		const revoked = { ...fresh, sessionToken: `${String(fresh.sessionToken).slice(0, -4)}AAAA` };
		jest
			.spyOn(harness.credentials, 'getDecrypted')
			.mockImplementationOnce(async () => harness.credentials.withDefaults('utmStackApi', revoked));
		utm.resetStats();
		await run();
		expect(utm.stats.unauthorized).toBe(1);
		expect(utm.stats.logins).toBe(0);
	});

	// An execution whose read of the credential started before another one's login was saved: the read is held
	// until then and still gives the credential as it was (no token), as a database read that began earlier does.
	const readBefore = (
		harness: N8nHarness,
		empty: ICredentialDataDecryptedObject,
		saved: () => Promise<unknown>,
	) =>
		jest.spyOn(harness.credentials, 'getDecrypted').mockImplementationOnce(async () => {
			await saved();
			return { ...empty };
		});

	test("an execution that read the credential before another one's login, and asks while that login's first answer is still on its way, takes that login: one login", async () => {
		const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
		harness.addCredential('together', 'utmStackApi', {
			baseUrl: utm.url,
			authMethod: 'password',
			username: UTMSTACK.username,
			password: UTMSTACK.password,
		});
		const empty = harness.credentials.withDefaults('utmStackApi', harness.stored('together'));
		utm.control('/__sim/faults', { mode: 'slow', delayMs: 800, path: '/api/account', requests: 1 });
		const run = async () =>
			await harness.runNode(probeNode(), probe as never, [{ json: {} }], {
				utmStackApi: 'together',
			});
		readBefore(harness, empty, async () => {
			while (
				harness.stored('together').sessionToken === '' ||
				harness.stored('together').sessionToken === undefined
			)
				await new Promise((resolve) => setTimeout(resolve, 20));
		});
		const late = run();
		await Promise.all([late, run()]);
		expect(utm.stats.logins).toBe(1);
		expect(utm.stats.unauthorized).toBe(0);
	});

	test('executions of one worker that read the credential before its first login was saved share that login', async () => {
		const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
		harness.addCredential('burst', 'utmStackApi', {
			baseUrl: utm.url,
			authMethod: 'password',
			username: UTMSTACK.username,
			password: UTMSTACK.password,
		});
		const empty = harness.credentials.withDefaults('utmStackApi', harness.stored('burst'));
		let firstDone = () => undefined as void;
		const firstSaved = new Promise<void>((resolve) => (firstDone = resolve));
		readBefore(harness, empty, async () => await firstSaved);
		const started = harness.runNode(probeNode(), probe as never, [{ json: {} }], {
			utmStackApi: 'burst',
		});
		await harness.runNode(probeNode(), probe as never, [{ json: {} }], { utmStackApi: 'burst' });
		expect(utm.stats.logins).toBe(1);
		firstDone();
		await started;
		expect(utm.stats.logins).toBe(1);
		expect(utm.stats.unauthorized).toBe(0);
	});

	test('an execution that read the credential after it was emptied logs in: a session handed over is only one issued after the read', async () => {
		const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
		harness.addCredential('cleared', 'utmStackApi', {
			baseUrl: utm.url,
			authMethod: 'password',
			username: UTMSTACK.username,
			password: UTMSTACK.password,
		});
		await harness.runNode(probeNode(), probe as never, [{ json: {} }], { utmStackApi: 'cleared' });
		harness.stored('cleared').sessionToken = '';
		await harness.runNode(probeNode(), probe as never, [{ json: {} }], { utmStackApi: 'cleared' });
		expect(utm.stats.logins).toBe(2);
	});
});

describe('no secret follows a redirect to another origin', () => {
	let trap: Server;
	let redirector: Server;
	const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
	let redirectorUrl = '';

	beforeAll(async () => {
		const listen = async (server: Server) => {
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		};
		trap = createServer((request, response) => {
			let body = '';
			request.on('data', (chunk: Buffer) => (body += chunk.toString()));
			request.on('end', () => {
				received.push({ headers: request.headers, body });
				response.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
			});
		});
		const trapUrl = await listen(trap);
		redirector = createServer((request, response) => {
			request.resume();
			response.writeHead(307, { Location: `${trapUrl}${request.url ?? '/'}` }).end();
		});
		redirectorUrl = await listen(redirector);
	});

	afterAll(async () => {
		await new Promise((resolve) => trap.close(resolve));
		await new Promise((resolve) => redirector.close(resolve));
	});

	test.each([
		[
			'a password login',
			{ authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password },
			/answered the login with a redirect \(HTTP 307\)/,
		],
		[
			'the internal key header',
			{ authMethod: 'internalKey', internalKey: UTMSTACK.internalKey },
			/answered with a redirect \(HTTP 307\) to http:\/\/127\.0\.0\.1/,
		],
		[
			'the API key header',
			{ authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
			/answered with a redirect \(HTTP 307\)/,
		],
	])(
		'%s: the request fails with where it points, and the other origin receives nothing',
		async (_label, data, expected) => {
			received.length = 0;
			const result = await inProcess(
				{ baseUrl: redirectorUrl, ...data },
				ALL_CREDENTIAL_TYPES,
				new UtmStack(),
				{ resource: 'user', operation: 'getCurrent' },
			);
			expect(`${result.error?.message}`).toMatch(expected);
			expect(received).toHaveLength(0);
		},
	);

	test('the legacy request helper (HTTP Request node) does not follow either', async () => {
		received.length = 0;
		const result = await inProcess(
			{ baseUrl: redirectorUrl, authMethod: 'internalKey', internalKey: UTMSTACK.internalKey },
			ALL_CREDENTIAL_TYPES,
			probeNode(),
			{ ...probe, helper: 'legacy' },
		);
		expect(result.error).toBeDefined();
		expect(received).toHaveLength(0);
	});
});

describe('ids that URL parsing collapses never reach a request', () => {
	test.each([
		[
			'ECE deployment get',
			'ece',
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'get', deploymentId: '.' },
			'Deployment ID',
		],
		[
			'ECE API key delete',
			'ece',
			new ElasticCloudEnterprise(),
			{ resource: 'apiKey', operation: 'delete', apiKeyId: '.' },
			'API Key ID',
		],
		[
			'Stellar add comment',
			'stellarcyber',
			new StellarCyber(),
			{ resource: 'case', operation: 'addComment', caseId: '..', comment: 'x' },
			'Case ID',
		],
		[
			'Stellar alert update index',
			'stellarcyber',
			new StellarCyber(),
			{
				resource: 'alert',
				operation: 'update',
				index: '..',
				alertId: 'a',
				updateFields: { status: 'Closed' },
			},
			'Index',
		],
	] as const)('%s', async (_label, vendor, node, parameters, field) => {
		const simulator = await startSimulator(vendor);
		try {
			const data: ICredentialDataDecryptedObject =
				vendor === 'ece'
					? { authMethod: 'apiKey', apiKey: ECE.apiKey }
					: { keyType: 'scoped', apiKey: STELLAR.apiKey };
			const result = await inProcess(
				{ baseUrl: simulator.url, ...data },
				ALL_CREDENTIAL_TYPES,
				node,
				parameters,
			);
			expect(result.error?.message).toMatch(
				new RegExp(`^The "${field}" parameter "\\.\\.?" is not an ID$`),
			);
			expect(simulator.requestLog).toHaveLength(0);
		} finally {
			await simulator.close();
		}
	});
});
