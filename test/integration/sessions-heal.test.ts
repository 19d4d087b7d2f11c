import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { nodeRuns } from '../helpers/node-runs';
import { ProbeNode } from '../helpers/probe-node';
import { STELLAR, UTMSTACK } from '../simulators/fixtures';

/**
 * Faults that say nothing about the secret heal by themselves; a refusal of the secret holds until a person acts.
 * n8n's clock is moved with Jest's fake Date (timers, sockets and the event loop keep real time); the simulators
 * run in this process, so "ten minutes later" is later for the platform too, and a platform clock that is off is
 * the simulator's clockOffsetMs.
 */

const { simulator, credential, run, runError, stored } = nodeRuns();

const MINUTE = 60_000;
const probe = { credentialType: 'utmStackApi', path: '/api/account', helper: 'current' };
const logins = (sim: { requestLog: Array<{ path: string }> }) =>
	sim.requestLog.filter((entry) => entry.path === '/api/authenticate').length;

function fakeClock() {
	jest.useFakeTimers({
		doNotFake: [
			'nextTick',
			'setImmediate',
			'clearImmediate',
			'setTimeout',
			'clearTimeout',
			'setInterval',
			'clearInterval',
			'queueMicrotask',
			'hrtime',
			'performance',
		],
	});
	return { advance: (ms: number) => jest.setSystemTime(Date.now() + ms) };
}

afterEach(() => jest.useRealTimers());

test("a right password that met UTMStack's address block (423) logs in, with no edit, once its 10 minutes have passed, and not before", async () => {
	const clock = fakeClock();
	const utm = await simulator(
		'utmstack',
		{ utmstackLockAfter: 1 },
		{ authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password },
		'utmStackApi',
	);
	// another account failing from this n8n server blocks its address
	const other = credential(
		utm.sim,
		'utmStackApi',
		{ authMethod: 'password', username: UTMSTACK.tfaUsername, password: 'not-his-password' },
		'utm-other-account',
	);
	expect((await runError(new ProbeNode(), probe, other)).message).toBe(
		'UTMStack rejected the login: wrong username or password',
	);

	const blocked = await runError(new ProbeNode(), probe, utm.credentials);
	expect(blocked.message).toBe('UTMStack is refusing logins from this n8n server');
	expect(blocked.description).toMatch(
		/10 minutes after the last one \(HTTP 423\).*n8n tries once more when the 10 minutes have passed/,
	);
	expect(logins(utm.sim)).toBe(2);
	for (const minutes of [1, 5, 9]) {
		clock.advance(minutes === 1 ? MINUTE : 4 * MINUTE);
		const held = await runError(new ProbeNode(), probe, utm.credentials);
		expect(held.message).toBe('UTMStack is refusing logins from this n8n server');
		expect(held.description).toMatch(/No new login was attempted: n8n tries once more after /);
	}
	expect(logins(utm.sim)).toBe(2);
	// nothing was stored: the hold says nothing about the secret
	expect(stored(utm.credentials).sessionRefusal ?? '').toBe('');

	clock.advance(MINUTE + 1_000);
	const [account] = await run(new ProbeNode(), probe, utm.credentials);
	expect(account.json.body).toMatchObject({ login: UTMSTACK.username });
	expect(logins(utm.sim)).toBe(3);
});

test('a login answered by a maintenance page (503) asking for a day: a clear error, no login for 15 minutes, then one', async () => {
	const clock = fakeClock();
	const utm = await simulator(
		'utmstack',
		{},
		{ authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password },
		'utmStackApi',
	);
	utm.sim.control('/__sim/faults', {
		mode: 'maintenance',
		path: '/api/authenticate',
		requests: 1,
		retryAfterSeconds: 86_400,
	});
	const failed = await runError(new ProbeNode(), probe, utm.credentials);
	expect(failed).toEqual({
		message: 'UTMStack could not process the login (HTTP 503)',
		description: 'The server failed while logging in; try again later or ask its administrator.',
	});
	clock.advance(15 * MINUTE - 1_000);
	expect((await runError(new ProbeNode(), probe, utm.credentials)).description).toMatch(
		/No new login was attempted: n8n tries once more after /,
	);
	expect(logins(utm.sim)).toBe(1);
	clock.advance(2_000);
	const [account] = await run(new ProbeNode(), probe, utm.credentials);
	expect(account.json.body).toMatchObject({ login: UTMSTACK.username });
	expect(logins(utm.sim)).toBe(2);
});

test('a Retry-After no date can hold (9,000,000,000,000,000 seconds) holds for 15 minutes, not "Invalid time value"', async () => {
	const clock = fakeClock();
	const utm = await simulator(
		'utmstack',
		{},
		{ authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password },
		'utmStackApi',
	);
	utm.sim.control('/__sim/faults', {
		mode: 'rateLimit',
		path: '/api/authenticate',
		requests: 1,
		retryAfterSeconds: 9e15,
	});
	expect((await runError(new ProbeNode(), probe, utm.credentials)).message).toBe(
		'UTMStack is refusing logins for now: too many attempts',
	);
	clock.advance(14 * MINUTE);
	expect((await runError(new ProbeNode(), probe, utm.credentials)).description).toMatch(
		/No new login was attempted/,
	);
	expect(logins(utm.sim)).toBe(1);
	clock.advance(MINUTE + 1_000);
	await run(new ProbeNode(), probe, utm.credentials);
	expect(logins(utm.sim)).toBe(2);
});

test('a Stellar Cyber whose clock is 15 minutes slow (its 10-minute tokens look dead on arrival): one login for a Return All of 4 pages', async () => {
	const stellar = await simulator(
		'stellarcyber',
		{ caseCount: 1_700, clockOffsetMs: -15 * MINUTE },
		{ keyType: 'scoped', apiKey: STELLAR.apiKey },
		'stellarCyberApi',
	);
	const cases = await run(
		new StellarCyber(),
		{
			resource: 'case',
			operation: 'getMany',
			filters: {},
			sort: 'created_at',
			order: 'desc',
			returnAll: true,
		},
		stellar.credentials,
	);
	expect(new Set(cases.map((item) => String(item.json._id))).size).toBe(1_700);
	expect(stellar.sim.stats.byEndpoint['POST /connect/api/v1/access_token']).toBe(1);
	expect(stellar.sim.stats.byEndpoint['GET /connect/api/v1/cases']).toBeGreaterThanOrEqual(4);
	// n8n keeps the token's own 10 minutes, counted from when it received it
	const session = stored(stellar.credentials);
	const life =
		Date.parse(String(session.sessionExpiresAt)) - Date.parse(String(session.sessionIssuedAt));
	expect(life).toBeGreaterThan(10 * MINUTE - 2_000);
	expect(life).toBeLessThanOrEqual(10 * MINUTE);
	// and a second run ten minutes on renews it once, on n8n's clock
	const clock = fakeClock();
	clock.advance(9.5 * MINUTE);
	await run(
		new StellarCyber(),
		{
			resource: 'case',
			operation: 'getMany',
			filters: {},
			sort: 'created_at',
			order: 'desc',
			returnAll: false,
			limit: 5,
		},
		stellar.credentials,
	);
	expect(stellar.sim.stats.byEndpoint['POST /connect/api/v1/access_token']).toBe(2);
});

test("the HTTP Request node's path (n8n's legacy request helper) to another host sends no key and no token, and says both origins", async () => {
	const utm = await simulator(
		'utmstack',
		{},
		{ authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password },
		'utmStackApi',
	);
	const elsewhere = await simulator(
		'utmstack',
		{},
		{ authMethod: 'internalKey', internalKey: UTMSTACK.internalKey },
		'utmStackApi',
	);
	const internal = credential(
		utm.sim,
		'utmStackApi',
		{ authMethod: 'internalKey', internalKey: UTMSTACK.internalKey },
		'utm-internal-origin',
	);
	for (const credentials of [utm.credentials, internal]) {
		elsewhere.sim.resetStats();
		const error = await runError(
			new ProbeNode(),
			{ credentialType: 'utmStackApi', url: `${elsewhere.sim.url}/api/account`, helper: 'legacy' },
			credentials,
		);
		expect(error.message).toBe(
			`This credential is for ${utm.sim.url}, not ${elsewhere.sim.url}: nothing was sent`,
		);
		expect(elsewhere.sim.stats.requests).toBe(0);
	}
	// the origin as the URL standard normalises it: a scheme in capitals is the same origin; another name for the host is not
	const upper = utm.sim.url.replace('http://', 'HTTP://');
	expect(
		(
			await run(
				new ProbeNode(),
				{ credentialType: 'utmStackApi', url: `${upper}/api/account`, helper: 'legacy' },
				internal,
			)
		)[0].json.body,
	).toMatchObject({ login: UTMSTACK.firstAdmin });
	expect(
		(
			await runError(
				new ProbeNode(),
				{
					credentialType: 'utmStackApi',
					url: `${utm.sim.url.replace('127.0.0.1', 'localhost')}/api/account`,
					helper: 'legacy',
				},
				internal,
			)
		).message,
	).toMatch(/^This credential is for /);
});
