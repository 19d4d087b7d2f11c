import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { StellarCyberApi } from '../../credentials/StellarCyberApi.credentials';
import { N8nHarness } from '../helpers/n8n-harness';
import { nodeRuns } from '../helpers/node-runs';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { startSimulator } from '../simulators';
import { ECE, IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';

/**
 * Sign-in methods beyond one login per session, through the credentials' own hooks as n8n runs them,
 * against the simulators: what is sent, how often the platform is asked to log in, and what a refusal says.
 */

const { simulator, credential, run, runError, hints, stored } = nodeRuns();

describe('Immuta: API key used directly (SaaS, V2 API)', () => {
	test('every request carries the raw key as Authorization, with no exchange and no session token', async () => {
		const immuta = await simulator(
			'immuta',
			{ dataSourceCount: 30 },
			{ authMethod: 'apiKeyDirect', apiKey: IMMUTA.apiKey },
			'immutaApi',
		);
		const [me] = await run(
			new Immuta(),
			{ resource: 'user', operation: 'getCurrent' },
			immuta.credentials,
		);
		expect(me.json.userid).toBe(IMMUTA.username);
		const sources = await run(
			new Immuta(),
			{ resource: 'dataSource', operation: 'getMany', returnAll: true },
			immuta.credentials,
		);
		expect(new Set(sources.map((source) => source.json.id)).size).toBe(30);
		expect(immuta.sim.stats.logins + immuta.sim.stats.failedLogins).toBe(0);
		expect(immuta.sim.requestLog.map((request) => request.auth)).toEqual(
			immuta.sim.requestLog.map(() => 'raw-key'),
		);
		expect(immuta.sim.stats.byEndpoint['POST /bim/apikey/authenticate']).toBeUndefined();
	});

	test("a wrong key is Immuta's refusal in the user's words, never shown, and no login is tried", async () => {
		const immuta = await simulator(
			'immuta',
			{},
			{ authMethod: 'apiKeyDirect', apiKey: 'not-the-key-0000-direct' },
			'immutaApi',
		);
		const error = await runError(
			new Immuta(),
			{ resource: 'user', operation: 'getCurrent' },
			immuta.credentials,
		);
		expect(error.message).toBe('Immuta did not accept the credential');
		expect(error.description).toContain('API key');
		expect(`${error.message} ${error.description}`).not.toContain('not-the-key-0000-direct');
		expect(immuta.sim.stats.logins + immuta.sim.stats.failedLogins).toBe(0);
		expect(immuta.sim.stats.unauthorized).toBeLessThanOrEqual(2);
	});
});

describe('Elastic Cloud Enterprise: a session renewed without the password', () => {
	const LOGIN = 'POST /api/v1/users/auth/_login';
	const REFRESH = 'POST /api/v1/users/auth/_refresh';
	/** When n8n stops using the session, on its own clock (session/clock.ts): a second short of ECE's exp at most. */
	const sessionEnd = (credentials: Record<string, string>) =>
		Date.parse(String(stored(credentials).sessionExpiresAt));
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	test('a session about to expire is refreshed with its own token; the password is sent once', async () => {
		const ece = await simulator(
			'ece',
			{ tokenLifetimeSeconds: 5 },
			{ authMethod: 'password', username: ECE.username, password: ECE.password },
			'elasticCloudEnterpriseApi',
		);
		await run(
			new ElasticCloudEnterprise(),
			{ resource: 'platform', operation: 'get' },
			ece.credentials,
		);
		for (let renewal = 1; renewal <= 2; renewal++) {
			// into the last tenth of the session's life as n8n measures it, when a request renews it first
			await sleep(sessionEnd(ece.credentials) - 350 - Date.now());
			const [platform] = await run(
				new ElasticCloudEnterprise(),
				{ resource: 'platform', operation: 'get' },
				ece.credentials,
			);
			expect(platform.json.version).toBeDefined();
		}
		expect(ece.sim.stats.byEndpoint[LOGIN]).toBe(1);
		expect(ece.sim.stats.byEndpoint[REFRESH]).toBe(2);
		expect(ece.sim.stats.failedLogins).toBe(0);
		expect(ece.sim.stats.unauthorized).toBe(0);
		const passwordSent = ece.sim.requestLog.filter((request) =>
			JSON.stringify(request.body ?? '').includes('password'),
		);
		expect(passwordSent.map((request) => request.route)).toEqual(['/api/v1/users/auth/_login']);
	}, 20_000);

	test('a token ECE refused (sessions revoked) is not refreshed: one 401, one login, and the run goes on', async () => {
		const ece = await simulator(
			'ece',
			{},
			{ authMethod: 'password', username: ECE.username, password: ECE.password },
			'elasticCloudEnterpriseApi',
		);
		await run(
			new ElasticCloudEnterprise(),
			{ resource: 'platform', operation: 'get' },
			ece.credentials,
		);
		ece.sim.revokeAllTokens();
		const [platform] = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'platform', operation: 'get' },
			ece.credentials,
		);
		expect(platform.json.version).toBeDefined();
		expect(ece.sim.stats.unauthorized).toBe(1);
		expect(ece.sim.stats.byEndpoint[REFRESH]).toBeUndefined();
		expect(ece.sim.stats.byEndpoint[LOGIN]).toBe(2);
	});

	test('a refresh ECE refuses falls back to the login, once, and the run goes on', async () => {
		const ece = await simulator(
			'ece',
			{ tokenLifetimeSeconds: 5 },
			{ authMethod: 'password', username: ECE.username, password: ECE.password },
			'elasticCloudEnterpriseApi',
		);
		await run(
			new ElasticCloudEnterprise(),
			{ resource: 'platform', operation: 'get' },
			ece.credentials,
		);
		const expiry = sessionEnd(ece.credentials);
		ece.sim.revokeAllTokens();
		await sleep(expiry - 350 - Date.now());
		const [platform] = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'platform', operation: 'get' },
			ece.credentials,
		);
		expect(platform.json.version).toBeDefined();
		expect(ece.sim.stats.byEndpoint[REFRESH]).toBe(1);
		expect(ece.sim.stats.byEndpoint[LOGIN]).toBe(2);
		expect(ece.sim.stats.unauthorized).toBe(1);
	}, 10_000);
});

describe('Elastic Cloud Enterprise: an API key about to expire is reported', () => {
	test('within 14 days every output item says when (apiKeyExpiresAt) and the output pane warns; a key with 90 days left adds nothing', async () => {
		const ece = await simulator(
			'ece',
			{ deploymentCount: 3 },
			{ authMethod: 'apiKey', apiKey: ECE.apiKey },
			'elasticCloudEnterpriseApi',
		);
		const deployments = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'getMany', returnAll: true },
			ece.credentials,
		);
		expect(deployments).toHaveLength(3);
		expect(deployments.every((item) => item.json.apiKeyExpiresAt === undefined)).toBe(true);
		expect(hints()).toEqual([]);

		const [created] = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'apiKey', operation: 'create', description: 'short-lived', expiration: '5d' },
			ece.credentials,
		);
		const shortLived = credential(
			ece.sim,
			'elasticCloudEnterpriseApi',
			{ authMethod: 'apiKey', apiKey: created.json.key },
			'ece-short-lived-key',
		);
		const soon = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'getMany', returnAll: true },
			shortLived,
		);
		expect(soon).toHaveLength(3);
		for (const item of soon) expect(item.json.apiKeyExpiresAt).toBe(created.json.expiration_date);
		expect(hints()).toHaveLength(1);
		expect(hints()[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
		expect(hints()[0].message).toBe(
			`The Elastic Cloud Enterprise API key of this credential expires on ${String(created.json.expiration_date).slice(0, 10)} (in 5 days). Create a new key and put it in the credential before then.`,
		);
		expect(hints()[0].message).not.toContain(String(created.json.key));
	});
});

describe('UTMStack: an account with two-factor login', () => {
	const VERIFY = 'POST /api/tfa/verify-code';
	const totpAccount = {
		authMethod: 'password',
		username: UTMSTACK.tfaUsername,
		password: UTMSTACK.tfaPassword,
	};

	test('with its authenticator secret, n8n answers the code: one login, one code, then the API as that user', async () => {
		const utm = await simulator(
			'utmstack',
			{ alertCount: 20, logCount: 0 },
			{
				...totpAccount,
				totpSecret: UTMSTACK.tfaTotpSecret.toLowerCase().replace(/(.{4})/g, '$1 '),
			},
			'utmStackApi',
		);
		const [me] = await run(
			new UtmStack(),
			{ resource: 'user', operation: 'getCurrent' },
			utm.credentials,
		);
		expect(me.json.login).toBe(UTMSTACK.tfaUsername);
		const alerts = await run(
			new UtmStack(),
			{ resource: 'alert', operation: 'search', returnAll: true },
			utm.credentials,
		);
		expect(new Set(alerts.map((alert) => alert.json.id)).size).toBe(20);
		expect(utm.sim.stats.byEndpoint['POST /api/authenticate']).toBe(1);
		expect(utm.sim.stats.byEndpoint[VERIFY]).toBe(1);
		expect(utm.sim.stats.failedLogins).toBe(0);
		const code = utm.sim.requestLog.find((request) => request.route === '/api/tfa/verify-code');
		expect(String(code?.body)).toMatch(/^\d{6}$/);
	});

	test('a wrong secret: UTMStack refuses the code, once; the next run says so without a new login', async () => {
		const utm = await simulator(
			'utmstack',
			{ alertCount: 5, logCount: 0 },
			{ ...totpAccount, totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' },
			'utmStackApi',
		);
		const first = await runError(
			new UtmStack(),
			{ resource: 'user', operation: 'getCurrent' },
			utm.credentials,
		);
		expect(first.message).toBe('UTMStack refused the two-factor code');
		expect(first.description).toContain('Invalid verification code');
		const second = await runError(
			new UtmStack(),
			{ resource: 'user', operation: 'getCurrent' },
			utm.credentials,
		);
		expect(second.message).toContain('UTMStack refused the two-factor code');
		expect(utm.sim.stats.byEndpoint['POST /api/authenticate']).toBe(1);
		expect(utm.sim.stats.byEndpoint[VERIFY]).toBe(1);
		for (const text of [first.message, first.description, second.message, second.description])
			expect(text).not.toContain('MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U');
	});

	test('without a secret, or with text that is not base32, it says what to do; no code is sent', async () => {
		const none = await simulator(
			'utmstack',
			{ alertCount: 1, logCount: 0 },
			totpAccount,
			'utmStackApi',
		);
		const missing = await runError(
			new UtmStack(),
			{ resource: 'user', operation: 'getCurrent' },
			none.credentials,
		);
		expect(missing.message).toBe('The UTMStack account has two-factor login turned on');
		expect(missing.description).toContain('Two-Factor Secret');
		const typo = credential(
			none.sim,
			'utmStackApi',
			{ ...totpAccount, totpSecret: '123456' },
			'utm-totp-typo',
		);
		const notBase32 = await runError(
			new UtmStack(),
			{ resource: 'user', operation: 'getCurrent' },
			typo,
		);
		expect(notBase32.message).toBe('The "Two-Factor Secret" is not an authenticator secret');
		expect(none.sim.stats.byEndpoint['POST /api/authenticate']).toBe(1);
		expect(none.sim.stats.byEndpoint[VERIFY]).toBeUndefined();
	});

	test('an account whose code comes by email is refused clearly, once, even with a secret', async () => {
		const utm = await simulator(
			'utmstack',
			{ alertCount: 1, logCount: 0 },
			{
				authMethod: 'password',
				username: UTMSTACK.emailTfaUsername,
				password: UTMSTACK.emailTfaPassword,
				totpSecret: UTMSTACK.tfaTotpSecret,
			},
			'utmStackApi',
		);
		for (let attempt = 0; attempt < 2; attempt++) {
			const error = await runError(
				new UtmStack(),
				{ resource: 'user', operation: 'getCurrent' },
				utm.credentials,
			);
			expect(error.message).toContain('two-factor code sent by email');
		}
		expect(utm.sim.stats.byEndpoint['POST /api/authenticate']).toBe(1);
		expect(utm.sim.stats.byEndpoint[VERIFY]).toBeUndefined();
	});

	test('an account that has no second factor yet on a server that enforces one is told to set it up (no email is sent), once', async () => {
		const utm = await simulator(
			'utmstack',
			{ alertCount: 1, logCount: 0 },
			{
				authMethod: 'password',
				username: UTMSTACK.enrollUsername,
				password: UTMSTACK.enrollPassword,
			},
			'utmStackApi',
		);
		for (let attempt = 0; attempt < 2; attempt++) {
			const error = await runError(
				new UtmStack(),
				{ resource: 'user', operation: 'getCurrent' },
				utm.credentials,
			);
			expect(error.message).toBe('The UTMStack account has to set up two-factor login first');
			expect(error.description).toContain('choose "API Key"');
			expect(error.message).not.toContain('email');
		}
		expect(utm.sim.stats.byEndpoint['POST /api/authenticate']).toBe(1);
		expect(utm.sim.stats.byEndpoint[VERIFY]).toBeUndefined();
	});
});

describe('Stellar Cyber: Basic authentication on every call (on-premises), as its authentication guide describes', () => {
	const CASES = { resource: 'case', operation: 'getMany', returnAll: false, limit: 20 };
	const PROBE = 'GET /connect/api/v1/cases';

	test('cases are read with the email and key on every call, no token request; the settings are checked once', async () => {
		const stellar = await simulator(
			'stellarcyber',
			{ caseCount: 40 },
			{ keyType: 'basic', email: STELLAR.email, apiKey: STELLAR.legacyApiKey },
			'stellarCyberApi',
		);
		const first = await run(new StellarCyber(), CASES, stellar.credentials);
		const second = await run(new StellarCyber(), CASES, stellar.credentials);
		expect(first).toHaveLength(20);
		expect(second.map((item) => item.json._id)).toEqual(first.map((item) => item.json._id));
		const log = stellar.sim.requestLog;
		expect(log.every((request) => request.auth === 'Basic')).toBe(true);
		expect(log.filter((request) => request.path.endsWith('/access_token'))).toHaveLength(0);
		expect(stellar.sim.issuedTokens()).toHaveLength(0);
		// one check of the settings (a one-case read), then only the node's own requests
		expect(
			log.map((request) => `${request.method} ${request.route} ${JSON.stringify(request.query)}`),
		).toEqual([
			`${PROBE} {"limit":"1"}`,
			expect.stringMatching(/^GET \/connect\/api\/v1\/cases \{.*"limit":"20"/),
			expect.stringMatching(/^GET \/connect\/api\/v1\/cases \{.*"limit":"20"/),
		]);
		expect(stored(stellar.credentials).sessionToken).not.toContain(STELLAR.legacyApiKey);
	});

	test('a refused email or key is tried once, then held until a person acts', async () => {
		const stellar = await simulator(
			'stellarcyber',
			{ caseCount: 5 },
			{ keyType: 'basic', email: STELLAR.email, apiKey: 'not-the-legacy-key-0000' },
			'stellarCyberApi',
		);
		const error = await runError(new StellarCyber(), CASES, stellar.credentials);
		expect(error.message).toBe('Stellar Cyber rejected the login: wrong email or API key');
		expect(`${error.message} ${error.description}`).not.toContain('not-the-legacy-key-0000');
		const attempts = stellar.sim.requestLog.length;
		expect(attempts).toBe(1);
		await runError(new StellarCyber(), CASES, stellar.credentials);
		await runError(new StellarCyber(), CASES, stellar.credentials);
		expect(stellar.sim.requestLog.length).toBe(attempts);
	});

	test("the credential's Test: the right email and key pass; a wrong key fails in Stellar's words after one attempt", async () => {
		const stellar = await startSimulator('stellarcyber', { caseCount: 5 });
		try {
			const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
			const type = new StellarCyberApi();
			for (const [id, apiKey] of [
				['basic-right', STELLAR.legacyApiKey],
				['basic-wrong', 'not-the-legacy-key-0000'],
			]) {
				harness.addCredential(id, 'stellarCyberApi', {
					baseUrl: stellar.url,
					keyType: 'basic',
					email: STELLAR.email,
					apiKey,
				});
			}
			expect(await harness.testCredential(type, 'basic-right')).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			stellar.resetStats();
			const wrong = await harness.testCredential(type, 'basic-wrong');
			expect(wrong).toMatchObject({
				status: 'Error',
				message: 'Stellar Cyber rejected the login: wrong email or API key',
			});
			// the test request (no session yet: no auth) and the one check of the email and key
			expect(stellar.requestLog.filter((request) => request.auth === 'Basic')).toHaveLength(1);
			expect(stellar.issuedTokens()).toHaveLength(0);
		} finally {
			await stellar.close();
		}
	});

	test('Stellar Cyber SaaS takes no Basic authentication on a call: the check says so', async () => {
		const stellar = await simulator(
			'stellarcyber',
			{ caseCount: 5, stellarEdition: 'saas' },
			{ keyType: 'basic', email: STELLAR.email, apiKey: STELLAR.legacyApiKey },
			'stellarCyberApi',
		);
		const error = await runError(new StellarCyber(), CASES, stellar.credentials);
		expect(error.message).toBe('Stellar Cyber rejected the login: wrong email or API key');
		expect(error.description).toContain('Basic authentication is not available');
	});
});

describe("Stellar Cyber's data API, restricted per edition as the guide's table says", () => {
	const SEARCH = {
		resource: 'alert',
		operation: 'search',
		indexPattern: 'aella-ser-*',
		queryType: 'queryString',
		query: '*',
		returnAll: false,
		limit: 5,
	};

	test('on-premises: a scoped key is refused with where to find a key that may; SaaS: the same key searches', async () => {
		const onPremises = await simulator(
			'stellarcyber',
			{ caseCount: 5 },
			{ keyType: 'scoped', apiKey: STELLAR.apiKey },
			'stellarCyberApi',
		);
		const refused = await runError(new StellarCyber(), SEARCH, onPremises.credentials);
		expect(refused.description).toContain('On Stellar Cyber on-premises');
		expect(refused.description).toContain('Users > Generate New Token');
		const saas = await simulator(
			'stellarcyber',
			{ caseCount: 5, stellarEdition: 'saas' },
			{ keyType: 'scoped', apiKey: STELLAR.apiKey },
			'stellarCyberApi',
		);
		const alerts = await run(new StellarCyber(), SEARCH, saas.credentials);
		expect(alerts).toHaveLength(5);
	});
});
