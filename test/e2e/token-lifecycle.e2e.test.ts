import { leakedSecrets } from './support/secrets';
import { PROBE_NODE_NAME, probeWorkflow } from './support/probe-workflows';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';
import { finishedRun } from '../../scripts/n8n/instance';

/**
 * The token lifecycle as n8n itself runs it: each run is a separate `n8n execute` process, so a token
 * reused by the next run was saved in n8n's database and read back from it.
 */

const LOGIN_CREDENTIALS = [
	'secopsUtmPasswd1',
	'secopsStlScoped1',
	'secopsStlLegacy1',
	'secopsImmApiKey1',
	'secopsImmPasswd1',
	'secopsEcePasswd1',
];
const STATIC_CREDENTIALS = ['secopsUtmIntKey1', 'secopsUtmApiKey1', 'secopsEceApiKey1'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(versionsUnderTest())('token lifecycle in $label', (version) => {
	let env: E2eEnvironment;
	const seen: string[] = [];

	beforeAll(async () => {
		env = await startEnvironment(version, 'token-lifecycle', { startServer: false });
		const workflows = env.credentials.map((credential) =>
			probeWorkflow(`probe-${credential.id}`, credential),
		);
		const utm = env.credential('secopsUtmPasswd1');
		workflows.push(probeWorkflow('probe-utm-x1000', utm, 1000));
		const wrong = { ...utm, id: 'secopsUtmWrong01', name: 'UTMStack (wrong password)' };
		await env.n8n.importCredentials([
			{
				id: wrong.id,
				name: wrong.name,
				type: wrong.type,
				data: { ...utm.data, password: 'wrong-Password-e2e-77' },
			},
		]);
		workflows.push(probeWorkflow('probe-utm-wrong', wrong));
		await env.n8n.importWorkflows(workflows);
	});

	afterAll(async () => {
		await env?.stop();
	});

	async function run(workflowId: string) {
		const result = await env.n8n.execute(workflowId);
		seen.push(result.stdout, result.stderr);
		return result;
	}

	test.each(LOGIN_CREDENTIALS)(
		'%s: the first run logs in once and saves the token; the next run reuses it',
		async (id) => {
			const simulator = env.simulators[env.credential(id).vendor];
			simulator.resetStats();
			const first = await run(`probe-${id}`);
			expect(first.run).toBeDefined();
			expect(first.output(PROBE_NODE_NAME).length).toBeGreaterThan(0);
			expect(simulator.stats.logins).toBe(1);

			simulator.resetStats();
			const second = await run(`probe-${id}`);
			expect(second.run).toBeDefined();
			expect(simulator.stats.logins).toBe(0);
			expect(simulator.stats.unauthorized).toBe(0);
		},
	);

	test.each(STATIC_CREDENTIALS)('%s: a static key never logs in', async (id) => {
		const simulator = env.simulators[env.credential(id).vendor];
		simulator.resetStats();
		const result = await run(`probe-${id}`);
		finishedRun(result);
		expect(result.output(PROBE_NODE_NAME).length).toBeGreaterThan(0);
		expect(simulator.stats.logins).toBe(0);
		expect(simulator.stats.requests).toBe(1);
	});

	test('a token that expired between runs is renewed before use: no request answered 401', async () => {
		const id = 'secopsStlScoped1';
		const simulator = env.simulators.stellarcyber;
		simulator.setTokenLifetime(4);
		try {
			// Saved again without a token, so the first run logs in and gets a 4-second token.
			const credential = env.credential(id);
			await env.n8n.importCredentials([
				{ id, name: credential.name, type: credential.type, data: credential.data },
			]);
			await run(`probe-${id}`);
			await sleep(4_500);
			simulator.resetStats();
			const result = await run(`probe-${id}`);
			finishedRun(result);
			expect(simulator.stats.logins).toBe(1);
			expect(simulator.stats.unauthorized).toBe(0);
		} finally {
			simulator.setTokenLifetime(600);
		}
	});

	test('an ECE session near its end, saved by an earlier process, is refreshed by the next n8n execute: 1 refresh, 0 password logins', async () => {
		const id = 'secopsEcePasswd1';
		const simulator = env.simulators.ece;
		finishedRun(await run(`probe-${id}`));
		// 9.5 of 10 minutes gone: within the last minute, when a request renews first; ECE still takes the token
		await env.n8n.ageStoredSession(id, 570_000, 30_000);
		const before = (await env.n8n.exportCredentials()).find((credential) => credential.id === id);
		simulator.resetStats();
		const result = await run(`probe-${id}`);
		finishedRun(result);
		// the credential as n8n stored it: the new session only (n8n 1.x stores the data the hook ran with)
		const after = (await env.n8n.exportCredentials()).find((credential) => credential.id === id);
		expect(after?.data.sessionToken).not.toBe(before?.data.sessionToken);
		expect(JSON.stringify(after?.data)).not.toContain(String(before?.data.sessionToken));
		expect(after?.data.sessionRenewal ?? '').toBe('');
		expect(simulator.stats.byEndpoint['POST /api/v1/users/auth/_refresh']).toBe(1);
		expect(simulator.stats.byEndpoint['POST /api/v1/users/auth/_login']).toBeUndefined();
		expect(simulator.stats.unauthorized).toBe(0);
		expect(
			simulator.requestLog.filter((request) =>
				JSON.stringify(request.body ?? '').includes('password'),
			),
		).toEqual([]);
	});

	test('a token revoked on the server costs one 401 and one login, and the run succeeds', async () => {
		const id = 'secopsUtmPasswd1';
		const simulator = env.simulators.utmstack;
		await run(`probe-${id}`);
		simulator.revokeAllTokens();
		simulator.resetStats();
		const result = await run(`probe-${id}`);
		finishedRun(result);
		expect(simulator.stats.unauthorized).toBe(1);
		expect(simulator.stats.logins).toBe(1);
	});

	test('a wrong password: one login attempt and a clear error', async () => {
		const simulator = env.simulators.utmstack;
		simulator.resetStats();
		const result = await run('probe-utm-wrong');
		expect(result.run).toBeUndefined();
		expect(`${result.stdout}\n${result.stderr}`).toContain(
			'UTMStack rejected the login: wrong username or password',
		);
		expect(`${result.stdout}\n${result.stderr}`).not.toContain('Could not reach');
		// `logins` counts attempts: this one, refused.
		expect(simulator.stats.logins).toBe(1);
		expect(simulator.stats.failedLogins).toBe(1);
		expect(simulator.stats.requests).toBe(1);
		// Two more runs, each its own process: the refusal saved in the credential holds; no attempt.
		for (let again = 0; again < 2; again++) {
			const later = await run('probe-utm-wrong');
			expect(later.run).toBeUndefined();
			expect(`${later.stdout}\n${later.stderr}`).toContain(
				'UTMStack rejected the login: wrong username or password',
			);
			expect(`${later.stdout}\n${later.stderr}`).not.toContain('Could not reach');
		}
		expect(simulator.stats.logins).toBe(1);
		expect(simulator.stats.requests).toBe(1);
	});

	test('a workflow of 1,000 items on an empty token logs in once', async () => {
		// A fresh credential row: copy of the password credential with no token saved yet.
		const utm = env.credential('secopsUtmPasswd1');
		await env.n8n.importCredentials([
			{ id: utm.id, name: utm.name, type: utm.type, data: utm.data },
		]);
		const simulator = env.simulators.utmstack;
		simulator.resetStats();
		const result = await run('probe-utm-x1000');
		finishedRun(result);
		expect(result.output(PROBE_NODE_NAME)).toHaveLength(1000);
		expect(simulator.stats.logins).toBe(1);
		expect(simulator.stats.requests).toBe(1001);
	});

	test('no secret or token in any run output or in n8n log', () => {
		const everything = `${seen.join('\n')}\n${env.n8n.log()}`;
		expect(leakedSecrets(everything, Object.values(env.simulators))).toEqual([]);
	});
});
