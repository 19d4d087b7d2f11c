import { N8nHarness } from '../helpers/n8n-harness';
import { ProbeNode } from '../helpers/probe-node';
import {
	ALL_CREDENTIAL_TYPES,
	ALL_SECRETS,
	AUTH_METHODS,
	type AuthMethod,
	type Vendor,
} from '../helpers/vendors';
import { startSimulator, type RunningSimulator } from '../simulators';

/**
 * The token lifecycle of every login method, as n8n runs it: real n8n-core request helpers, n8n's
 * preAuthentication rules, and the vendor simulators counting logins and requests.
 */

const simulators = {} as Record<Vendor, RunningSimulator>;
/** Everything a user could see: outputs, error messages and descriptions, credential test messages. */
const visible: string[] = [];
/** Tokens the simulators issued during the suite, to search `visible` for. */
const issuedTokens = new Set<string>();

beforeAll(async () => {
	for (const vendor of ['utmstack', 'stellarcyber', 'immuta', 'ece'] as Vendor[]) {
		simulators[vendor] = await startSimulator(vendor);
	}
});

afterAll(async () => {
	await Promise.all(Object.values(simulators).map(async (simulator) => await simulator.close()));
});

let credentialCounter = 0;

function setUp(method: AuthMethod, data = method.data) {
	const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	const id = harness.addCredential(`cred-${++credentialCounter}`, method.type.name, {
		baseUrl: `${simulators[method.vendor].url}/`,
		...data,
	});
	const simulator = simulators[method.vendor];
	simulator.resetStats();
	return { harness, id, simulator };
}

function items(count: number) {
	return Array.from({ length: count }, (_, index) => ({ json: { index } }));
}

async function probe(
	harness: N8nHarness,
	method: AuthMethod,
	id: string,
	count = 1,
	options: { continueOnFail?: boolean; helper?: 'legacy' } = {},
) {
	const parameters = {
		credentialType: method.type.name,
		path: method.testPath,
		helper: options.helper ?? 'current',
	};
	try {
		const [output] = await harness.runNode(
			new ProbeNode(),
			parameters,
			items(count),
			{ [method.type.name]: id },
			options,
		);
		visible.push(JSON.stringify(output));
		return output;
	} catch (error) {
		visible.push(`${error.message} ${error.description ?? ''}`);
		throw error;
	} finally {
		const token = harness.stored(id).sessionToken;
		if (typeof token === 'string' && token !== '') issuedTokens.add(token);
	}
}

async function credentialTest(harness: N8nHarness, method: AuthMethod, id: string) {
	const result = await harness.testCredential(method.type, id);
	visible.push(result.message);
	return result;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

const LOGIN_METHODS = AUTH_METHODS.filter((method) => method.logsIn);
const STATIC_METHODS = AUTH_METHODS.filter((method) => !method.logsIn);

describe.each(LOGIN_METHODS.map((method) => [method.label, method] as const))(
	'%s',
	(_label, method) => {
		test('the first run logs in once and stores the token with its expiry', async () => {
			const { harness, id, simulator } = setUp(method);
			const before = Date.now();
			const output = await probe(harness, method, id);
			expect(output).toHaveLength(1);
			expect(output[0].json.body).toBeDefined();
			expect(simulator.stats.logins).toBe(1);
			const stored = harness.stored(id);
			expect(typeof stored.sessionToken).toBe('string');
			expect(stored.sessionToken).not.toBe('');
			expect(Date.parse(String(stored.sessionIssuedAt))).toBeGreaterThanOrEqual(before - 1000);
			if (stored.sessionExpiresAt !== '')
				expect(Date.parse(String(stored.sessionExpiresAt))).toBeGreaterThan(Date.now());
		});

		test('a stored valid token is reused: the next run makes no login', async () => {
			const { harness, id, simulator } = setUp(method);
			await probe(harness, method, id);
			simulator.resetStats();
			await probe(harness, method, id);
			expect(simulator.stats.logins).toBe(0);
			expect(simulator.stats.requests).toBe(1);
		});

		test('a token about to expire is renewed before use, so no request is answered 401', async () => {
			const { harness, id, simulator } = setUp(method);
			simulator.setTokenLifetime(3);
			try {
				await probe(harness, method, id);
				const expiryKnown = harness.stored(id).sessionExpiresAt !== '';
				// Renewal starts 10% of a 3 s lifetime before expiry; without a known expiry the token must really be dead.
				await sleep(expiryKnown ? 2_900 : 3_100);
				simulator.resetStats();
				await probe(harness, method, id);
				expect(simulator.stats.logins).toBe(1);
				// Immuta's API key exchange states no expiry: there only n8n's 401 refresh can notice.
				expect(simulator.stats.unauthorized).toBe(expiryKnown ? 0 : 1);
			} finally {
				simulator.setTokenLifetime(3600);
			}
		});

		test('a token revoked on the server costs one 401 and one login, and the run succeeds', async () => {
			const { harness, id, simulator } = setUp(method);
			await probe(harness, method, id);
			const firstToken = harness.stored(id).sessionToken;
			simulator.revokeAllTokens();
			simulator.resetStats();
			const output = await probe(harness, method, id);
			expect(output[0].json.error).toBeUndefined();
			expect(simulator.stats.unauthorized).toBe(1);
			expect(simulator.stats.logins).toBe(1);
			expect(harness.stored(id).sessionToken).not.toBe(firstToken);
		});

		test('a run over 1,000 items logs in once and reads the credential once', async () => {
			const { harness, id, simulator } = setUp(method);
			const readsBefore = harness.credentials.reads;
			const output = await probe(harness, method, id, 1000);
			expect(harness.credentials.reads - readsBefore).toBe(1);
			expect(output).toHaveLength(1000);
			expect(output[999].pairedItem).toEqual({ item: 999 });
			expect(simulator.stats.logins).toBe(1);
			expect(simulator.stats.requests).toBe(1001);
		});

		test('concurrent runs on an empty token share one login', async () => {
			const { harness, id, simulator } = setUp(method);
			const outputs = await Promise.all(
				Array.from({ length: 10 }, async () => await probe(harness, method, id)),
			);
			expect(
				outputs.every((output) => output.length === 1 && output[0].json.error === undefined),
			).toBe(true);
			expect(simulator.stats.logins).toBe(1);
		});

		test('a wrong secret makes exactly one login attempt and one clear error', async () => {
			const { harness, id, simulator } = setUp(
				method,
				method.withWrongSecret(`wrong-${method.vendor}-${credentialCounter}-secret`),
			);
			const output = await probe(harness, method, id, 5, { continueOnFail: true });
			expect(simulator.stats.logins).toBe(1);
			expect(output).toHaveLength(5);
			const error = String(output[0].json.error);
			expect(error).toMatch(
				new RegExp(`^${method.type.displayName.replace(/ API$/, '')} rejected the login: wrong `),
			);
			expect(String(output[0].json.description)).toContain('n8n does not try it again');
			await expect(probe(harness, method, id)).rejects.toThrow(error);
			expect(simulator.stats.logins).toBe(1);
		});

		test("a wrong secret through n8n's legacy request helper (which retries the hook on any error) is still one attempt", async () => {
			const { harness, id, simulator } = setUp(
				method,
				method.withWrongSecret(`legacy-wrong-${credentialCounter}`),
			);
			await expect(probe(harness, method, id, 1, { helper: 'legacy' })).rejects.toThrow(
				/rejected the login/,
			);
			expect(simulator.stats.logins).toBe(1);
		});

		test('the credential test logs in and succeeds; with a wrong secret it fails with the same clear message', async () => {
			const good = setUp(method);
			expect(await credentialTest(good.harness, method, good.id)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(good.simulator.stats.logins).toBe(1);
			expect(good.simulator.stats.byEndpoint[`GET ${method.testPath}`]).toBe(1);

			const bad = setUp(method, method.withWrongSecret(`test-wrong-${credentialCounter}`));
			const result = await credentialTest(bad.harness, method, bad.id);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/rejected the login: wrong (username or password|API key|email or API key)/,
			);
			expect(bad.simulator.stats.logins).toBe(1);
			expect(bad.simulator.stats.byEndpoint[`GET ${method.testPath}`] ?? 0).toBe(0);
		});
	},
);

describe.each(STATIC_METHODS.map((method) => [method.label, method] as const))(
	'%s',
	(_label, method) => {
		test('the key is sent on every request; no login, nothing stored', async () => {
			const { harness, id, simulator } = setUp(method);
			const output = await probe(harness, method, id, 3);
			expect(output.map((item) => item.json.error)).toEqual([undefined, undefined, undefined]);
			expect(simulator.stats.logins).toBe(0);
			expect(simulator.stats.requests).toBe(3);
			expect(harness.stored(id).sessionToken ?? '').toBe('');
			expect(harness.credentials.saves).toBe(0);
		});

		test('a wrong key fails with a clear error and never calls a login endpoint', async () => {
			const { harness, id, simulator } = setUp(method, method.withWrongSecret('not-the-key-0000'));
			const output = await probe(harness, method, id, 1, { continueOnFail: true });
			expect(String(output[0].json.error)).toMatch(/did not accept the credential/);
			expect(simulator.stats.logins).toBe(0);
		});

		test('the credential test succeeds, and fails with a clear message for a wrong key', async () => {
			const good = setUp(method);
			expect(await credentialTest(good.harness, method, good.id)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const bad = setUp(method, method.withWrongSecret('not-the-key-0000'));
			const result = await credentialTest(bad.harness, method, bad.id);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/did not accept the credential/);
			expect(bad.simulator.stats.logins).toBe(0);
		});
	},
);

describe('base URL', () => {
	const method = AUTH_METHODS[0];

	test('a URL without scheme is rejected before any request, showing the expected form', async () => {
		const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
		const id = harness.addCredential('no-scheme', method.type.name, {
			baseUrl: '127.0.0.1:8080',
			...method.data,
		});
		const result = await credentialTest(harness, method, id);
		expect(result).toEqual({
			status: 'Error',
			message: 'The UTMStack base URL is not a web address n8n can use',
		});
		await expect(probe(harness, method, id)).rejects.toThrow('is not a web address n8n can use');
	});

	test('a wrong URL says there is no login endpoint there', async () => {
		const { harness, id } = setUp(method);
		harness.stored(id).baseUrl = `${simulators.stellarcyber.url}/`;
		const result = await credentialTest(harness, method, id);
		expect(result.message).toMatch(
			/^UTMStack has no login endpoint at http:\/\/127\.0\.0\.1:\d+\/api\/authenticate$/,
		);
	});

	test('an unreachable host says so', async () => {
		const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
		const id = harness.addCredential('unreachable', method.type.name, {
			baseUrl: 'http://127.0.0.1:9',
			...method.data,
		});
		const result = await credentialTest(harness, method, id);
		expect(result.message).toBe('Could not reach UTMStack');
		await expect(probe(harness, method, id)).rejects.toMatchObject({
			message: 'Could not reach UTMStack',
			description:
				'Check the base URL and that n8n can reach it: http://127.0.0.1:9/api/authenticate (ECONNREFUSED)',
		});
	});
});

afterAll(() => {
	const everything = visible.join('\n');
	expect(visible.length).toBeGreaterThan(50);
	for (const secret of [...ALL_SECRETS, ...issuedTokens]) {
		expect(everything.includes(secret)).toBe(false);
	}
});
