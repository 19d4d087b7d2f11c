import { REFUSED_MARK } from '../../credentials/common/session/decide';
import { N8nHarness } from '../helpers/n8n-harness';
import { ProbeNode } from '../helpers/probe-node';
import {
	ALL_CREDENTIAL_TYPES,
	ALL_SECRETS,
	AUTH_METHODS,
	type AuthMethod,
} from '../helpers/vendors';
import { UTMSTACK } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/** UTMStack's account lock, two-factor and both login answer styles; TLS with a self-signed certificate. */

const utmPassword = AUTH_METHODS.find(
	(method) => method.label === 'UTMStack username and password',
)!;
const utmInternalKey = AUTH_METHODS.find((method) => method.label === 'UTMStack internal key')!;
const visible: string[] = [];
let counter = 0;

function setUp(simulator: RunningSimulator, method: AuthMethod, data: Record<string, unknown>) {
	const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	const id = harness.addCredential(`edge-${++counter}`, method.type.name, {
		baseUrl: simulator.url,
		...data,
	});
	simulator.resetStats();
	return { harness, id };
}

async function run(harness: N8nHarness, method: AuthMethod, id: string) {
	try {
		const [output] = await harness.runNode(
			new ProbeNode(),
			{ credentialType: method.type.name, path: method.testPath },
			[{ json: {} }],
			{ [method.type.name]: id },
			{ continueOnFail: true },
		);
		visible.push(JSON.stringify(output));
		return output[0].json;
	} catch (error) {
		visible.push(`${error.message} ${error.description ?? ''}`);
		throw error;
	}
}

describe('UTMStack login answers', () => {
	let current: RunningSimulator;
	let legacy: RunningSimulator;

	beforeAll(async () => {
		current = await startSimulator('utmstack', {
			utmstackLoginStyle: 'current',
			utmstackLockAfter: 3,
		});
		legacy = await startSimulator('utmstack', { utmstackLoginStyle: 'legacy' });
	});
	afterAll(async () => {
		await current.close();
		await legacy.close();
	});

	test('the older {id_token} answer and the newer {token} answer both log in', async () => {
		for (const simulator of [current, legacy]) {
			const { harness, id } = setUp(simulator, utmPassword, utmPassword.data);
			const result = await run(harness, utmPassword, id);
			expect(result.error).toBeUndefined();
			expect(simulator.stats.logins).toBe(1);
			expect(Date.parse(String(harness.stored(id).sessionExpiresAt))).toBeGreaterThan(
				Date.now() + 23 * 3600_000,
			);
		}
	});

	test('two-factor login on and no secret to answer it: one attempt, and the error points to the ways in', async () => {
		for (const [simulator, said] of [
			[current, 'The UTMStack account has two-factor login turned on'],
			[legacy, 'The UTMStack account asks for a two-factor code sent by email'],
		] as const) {
			const { harness, id } = setUp(simulator, utmPassword, {
				authMethod: 'password',
				username: UTMSTACK.tfaUsername,
				password: UTMSTACK.tfaPassword,
			});
			const result = await run(harness, utmPassword, id);
			expect(result.error).toBe(said);
			expect(String(result.description)).toMatch(/"API Key" or "Internal Key"/);
			await run(harness, utmPassword, id);
			expect(simulator.stats.logins).toBe(1);
			// no token: the refusal's mark (decide.ts), which no request ever sends
			expect(harness.stored(id).sessionToken).toBe(REFUSED_MARK);
		}
	});

	test('a locked account (423) says so, and n8n does not keep knocking', async () => {
		for (let attempt = 0; attempt < 3; attempt++) {
			const { harness, id } = setUp(
				current,
				utmPassword,
				utmPassword.withWrongSecret(`lock-me-${attempt}`),
			);
			expect((await run(harness, utmPassword, id)).error).toBe(
				'UTMStack rejected the login: wrong username or password',
			);
		}
		const { harness, id } = setUp(current, utmPassword, utmPassword.data);
		const result = await run(harness, utmPassword, id);
		expect(result.error).toBe('UTMStack is refusing logins from this n8n server');
		expect(String(result.description)).toMatch(
			/blocks a client address after 10 failed logins .*\(HTTP 423\)/,
		);
		await run(harness, utmPassword, id);
		await harness.testCredential(utmPassword.type, id).then((test) => visible.push(test.message));
		expect(current.stats.logins).toBe(1);
	});
});

describe('TLS with a self-signed certificate', () => {
	let simulator: RunningSimulator;

	beforeAll(async () => {
		simulator = await startSimulator('utmstack', { tls: true });
	});
	afterAll(async () => await simulator.close());

	test('the simulator really is HTTPS', () => {
		expect(simulator.url).toMatch(/^https:\/\//);
	});

	test.each([utmPassword, utmInternalKey].map((method) => [method.label, method] as const))(
		'%s: verification on by default refuses the certificate; the credential toggle accepts it',
		async (_label, method) => {
			const strict = setUp(simulator, method, method.data);
			const refused = await run(strict.harness, method, strict.id);
			expect(String(refused.error)).toMatch(/certificate|self[- ]signed|SSL|TLS/i);
			expect(simulator.stats.requests).toBe(0);

			const relaxed = setUp(simulator, method, { ...method.data, allowUnauthorizedCerts: true });
			const accepted = await run(relaxed.harness, method, relaxed.id);
			expect(accepted.error).toBeUndefined();
			expect(simulator.stats.logins).toBe(method.logsIn ? 1 : 0);

			const test = await relaxed.harness.testCredential(method.type, relaxed.id);
			expect(test.status).toBe('OK');
			const strictTest = await strict.harness.testCredential(method.type, strict.id);
			visible.push(strictTest.message);
			expect(strictTest.status).toBe('Error');
		},
	);

	test('the login error names the certificate problem and the toggle', async () => {
		const { harness, id } = setUp(simulator, utmPassword, utmPassword.data);
		const result = await harness.testCredential(utmPassword.type, id);
		expect(result.message).toMatch(
			/^The TLS certificate of UTMStack is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)$/,
		);
		const output = await run(harness, utmPassword, id);
		expect(String(output.description)).toContain('Ignore SSL Issues (Insecure)');
	});
});

afterAll(() => {
	const everything = visible.join('\n');
	expect(visible.length).toBeGreaterThan(10);
	for (const secret of ALL_SECRETS) expect(everything.includes(secret)).toBe(false);
});
