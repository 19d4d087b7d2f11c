import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { OWNER } from '../../scripts/n8n/instance';
import {
	chainWorkflow,
	secopsType,
	webhookWorkflow,
	type ChainNode,
} from '../../scripts/n8n/workflow-builder';
import { UTMSTACK } from '../simulators/fixtures';
import { fakeClock, type FakeClock } from './support/faketime';
import { probeNode } from './support/probe-workflows';
import { leakedSecrets } from './support/secrets';
import { ARTIFACTS, startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';
import { webhooksRegistered } from './support/webhooks';

/**
 * Sessions that heal, in a real n8n: faults that prove nothing about the secret hold for a bounded time and pass
 * by themselves (n8n's clock moved by libfaketime, the platform's by the simulator), a refusal of the secret holds
 * until a person presses Test, a platform clock that is off costs no logins, and a key or token never goes to
 * another host through the HTTP Request node.
 */

const HEAL_ID = 'secopsUtmHeal1';
const MAINTENANCE_ID = 'secopsUtmMaint1';
const HEAL_PASSWORD = 'Reset-On-The-Platform-1';
const MINUTE = 60_000;

describe.each(versionsUnderTest())('sessions that heal in $label', (version) => {
	let env: E2eEnvironment;
	let clock: FakeClock;
	const seen: string[] = [];
	const ref = (id: string) => {
		const credential = env.credential(id);
		return { [credential.type]: { id: credential.id, name: credential.name } };
	};
	const httpRequest = (id: string, url: string): ChainNode => ({
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'GET',
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: env.credential(id).type,
			options: {},
		},
		credentials: ref(id),
	});
	const loginAttempts = () =>
		env.simulators.utmstack.requestLog.filter((entry) => entry.path === '/api/authenticate').length;

	async function callWebhook(path: string) {
		const answer = await fetch(`${env.n8n.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		const text = await answer.text();
		seen.push(text);
		return { status: answer.status, text };
	}

	beforeAll(async () => {
		const folder = join(ARTIFACTS, version.label);
		mkdirSync(folder, { recursive: true });
		clock = fakeClock(join(folder, 'sessions-heal.faketime'));
		env = await startEnvironment(version, 'sessions-heal', {
			startServer: false,
			simulators: { caseCount: 1_700 },
			n8nEnv: clock.env,
		});
		const utm = env.credential('secopsUtmPasswd1');
		await env.n8n.importCredentials([
			{
				id: HEAL_ID,
				name: 'UTMStack (password the platform does not have yet)',
				type: utm.type,
				data: { ...utm.data, password: HEAL_PASSWORD },
			},
			{
				id: MAINTENANCE_ID,
				name: 'UTMStack (met a maintenance page)',
				type: utm.type,
				data: utm.data,
			},
		]);
		const elsewhere = `${env.simulators.immuta.url}/api/account`;
		const workflows = [
			webhookWorkflow(
				'heal-utm-account',
				'UTMStack account, in the running n8n',
				'heal-utm-account',
				[probeNode(utm)],
			),
			// the error as an item (Continue on Fail), so the webhook answers with what the node said
			webhookWorkflow(
				'heal-utm-maintenance',
				'UTMStack account through a maintenance page, in the running n8n',
				'heal-utm-maintenance',
				[
					{
						...probeNode({
							id: MAINTENANCE_ID,
							name: 'UTMStack (met a maintenance page)',
							type: utm.type,
						}),
						onError: 'continueRegularOutput',
					},
				],
			),
			chainWorkflow(
				'heal-utm-refused',
				'UTMStack account with a password to be set on the platform',
				[
					probeNode({
						id: HEAL_ID,
						name: 'UTMStack (password the platform does not have yet)',
						type: utm.type,
					}),
				],
			),
			chainWorkflow(
				'heal-elsewhere-password',
				'HTTP Request to another host, UTMStack password credential',
				[httpRequest('secopsUtmPasswd1', elsewhere)],
			),
			chainWorkflow(
				'heal-elsewhere-internal',
				'HTTP Request to another host, UTMStack internal key',
				[httpRequest('secopsUtmIntKey1', elsewhere)],
			),
			chainWorkflow('heal-elsewhere-ece', 'HTTP Request to another host, ECE API key', [
				httpRequest('secopsEceApiKey1', elsewhere),
			]),
			chainWorkflow('heal-stellar-all', 'Every Stellar Cyber case', [
				{
					name: 'Cases',
					type: secopsType('stellarCyber'),
					parameters: {
						resource: 'case',
						operation: 'getMany',
						filters: {},
						sort: 'created_at',
						order: 'desc',
						returnAll: true,
					},
					credentials: ref('secopsStlScoped1'),
				},
			]),
		];
		await env.n8n.importWorkflows(workflows);
		await env.n8n.activateWorkflows(['heal-utm-account', 'heal-utm-maintenance']);
		await env.n8n.start();
		await env.rest.ownerLogin(OWNER);
		await webhooksRegistered(env.n8n.url, ['heal-utm-account', 'heal-utm-maintenance']);
	});

	afterAll(async () => {
		await env?.stop();
	});

	test("a right password that met UTMStack's address block (423): no login inside its 10 minutes, then it works with no edit", async () => {
		const utm = env.simulators.utmstack;
		utm.control('/__sim/config', { utmstackLockAfter: 1 });
		try {
			utm.resetStats();
			// another account failing from this machine blocks the address n8n logs in from
			const other = await fetch(`${utm.url}/api/authenticate`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					username: UTMSTACK.tfaUsername,
					password: 'not-his',
					rememberMe: false,
				}),
			});
			expect(other.status).toBe(401);
			expect((await callWebhook('heal-utm-account')).status).not.toBe(200);
			expect(loginAttempts()).toBe(2);
			expect(utm.requestLog.at(-1)?.status).toBe(423);
			clock.set(5);
			for (let run = 0; run < 3; run++)
				expect((await callWebhook('heal-utm-account')).status).not.toBe(200);
			expect(loginAttempts()).toBe(2);
			// ten minutes and a half later for both clocks
			utm.control('/__sim/config', { clockOffsetMs: 10.5 * MINUTE });
			clock.set(11);
			const healed = await callWebhook('heal-utm-account');
			expect(healed.status).toBe(200);
			expect(JSON.parse(healed.text)).toMatchObject([{ login: UTMSTACK.username }]);
			expect(loginAttempts()).toBe(3);
		} finally {
			utm.control('/__sim/config', { utmstackLockAfter: 10, clockOffsetMs: 0 });
		}
	});

	test('a login answered by a maintenance page (503) asking for a day: a clear error, no login for 15 minutes, then one', async () => {
		const utm = env.simulators.utmstack;
		utm.resetStats();
		utm.control('/__sim/faults', {
			mode: 'maintenance',
			path: '/api/authenticate',
			requests: 1,
			retryAfterSeconds: 86_400,
		});
		const item = async () => {
			const answer = await callWebhook('heal-utm-maintenance');
			expect(answer.status).toBe(200);
			return (JSON.parse(answer.text) as Array<Record<string, unknown>>)[0];
		};
		expect(await item()).toEqual({
			error: 'UTMStack could not process the login (HTTP 503)',
			description: 'The server failed while logging in; try again later or ask its administrator.',
		});
		expect(loginAttempts()).toBe(1);
		// n8n's clock is 11 minutes ahead since the first test: 14 minutes on, still held; 15 and a half, one login
		clock.set(25);
		expect(String((await item()).description)).toMatch(
			/No new login was attempted: n8n tries once more after \S+ \(it was refused at /,
		);
		expect(loginAttempts()).toBe(1);
		clock.set(26.5);
		expect(await item()).toMatchObject({ login: UTMSTACK.username });
		expect(loginAttempts()).toBe(2);
	});

	test("a refused password, set on the platform afterwards: held with no edit, and cleared by the credential's Test as the editor sends it", async () => {
		const utm = env.simulators.utmstack;
		utm.resetStats();
		const refused = await env.n8n.execute('heal-utm-refused');
		seen.push(refused.stdout, refused.stderr);
		expect(refused.run).toBeUndefined();
		expect(`${refused.stdout}${refused.stderr}`).toContain(
			'UTMStack rejected the login: wrong username or password',
		);
		expect(loginAttempts()).toBe(1);
		// the editor loads the credential (secrets blanked) and sends it back to the test: a person's deliberate attempt
		const editorTest = async () => {
			const loaded = await env.rest.call<{
				id: string;
				name: string;
				type: string;
				data?: Record<string, unknown>;
			}>('GET', `/credentials/${HEAL_ID}?includeData=true`);
			expect(loaded.status).toBe(200);
			const editor = loaded.data;
			if (!editor.data)
				throw new Error(
					`n8n sent no credential data: ${JSON.stringify(editor).replace(HEAL_PASSWORD, '***').slice(0, 600)}`,
				);
			// what n8n blanked: the password, and the session's mark and refusal (restored from the saved credential by the test)
			expect(editor.data).toMatchObject({
				password: expect.stringMatching(/^__n8n_BLANK_VALUE_/),
				sessionToken: expect.stringMatching(/^__n8n_BLANK_VALUE_/),
				sessionRefusal: expect.stringMatching(/^__n8n_BLANK_VALUE_/),
			});
			const tested = await env.rest.testCredential({
				id: HEAL_ID,
				name: editor.name,
				type: editor.type,
				data: editor.data,
			});
			seen.push(tested.message);
			return tested;
		};
		const held = async () => {
			const run = await env.n8n.execute('heal-utm-refused');
			seen.push(run.stdout, run.stderr);
			expect(run.run).toBeUndefined();
			expect(`${run.stdout}${run.stderr}`).toContain('no new login was attempted since');
		};
		await held();
		await held();
		expect(loginAttempts()).toBe(1);
		// the cause not fixed yet: the Test tries once, says why, and the refusal holds again
		expect(await editorTest()).toEqual({
			status: 'Error',
			message: 'UTMStack rejected the login: wrong username or password',
		});
		expect(loginAttempts()).toBe(2);
		await held();
		expect(loginAttempts()).toBe(2);
		// an administrator sets that password on UTMStack: the credential is right now, but nothing tells n8n
		utm.control('/__sim/users/password', { login: UTMSTACK.username, password: HEAL_PASSWORD });
		try {
			await held();
			expect(loginAttempts()).toBe(2);
			expect(await editorTest()).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(loginAttempts()).toBe(3);
			// every later run uses the session the test stored
			const works = await env.n8n.execute('heal-utm-refused');
			seen.push(works.stdout, works.stderr);
			expect(works.run).toBeDefined();
			expect(works.output('Secops Probe')[0]).toMatchObject({ login: UTMSTACK.username });
			expect(loginAttempts()).toBe(3);
		} finally {
			utm.control('/__sim/users/password', {
				login: UTMSTACK.username,
				password: UTMSTACK.password,
			});
		}
	});

	test.each(['heal-elsewhere-password', 'heal-elsewhere-internal', 'heal-elsewhere-ece'])(
		'%s: the HTTP Request node pointed at another host sends it no key and no token',
		async (workflow) => {
			const other = env.simulators.immuta;
			other.resetStats();
			const result = await env.n8n.execute(workflow);
			seen.push(result.stdout, result.stderr);
			expect(result.run).toBeUndefined();
			expect(`${result.stdout}${result.stderr}`).toMatch(
				/This credential is for http:\/\/127\.0\.0\.1:\d+, not http:\/\/127\.0\.0\.1:\d+: nothing was sent/,
			);
			expect(other.stats.requests).toBe(0);
		},
	);

	test("a Stellar Cyber whose clock is 15 minutes slow (n8n's 11 ahead): one login for a Return All of 1,700 cases", async () => {
		const stellar = env.simulators.stellarcyber;
		stellar.control('/__sim/config', { clockOffsetMs: -15 * MINUTE });
		try {
			stellar.resetStats();
			const result = await env.n8n.execute('heal-stellar-all');
			seen.push(result.stderr);
			expect(result.run).toBeDefined();
			const ids = result.output('Cases').map((item) => String(item._id));
			expect(ids).toHaveLength(1_700);
			expect(new Set(ids).size).toBe(1_700);
			expect(stellar.stats.byEndpoint['POST /connect/api/v1/access_token']).toBe(1);
			expect(stellar.stats.byEndpoint['GET /connect/api/v1/cases']).toBeGreaterThanOrEqual(4);
		} finally {
			stellar.control('/__sim/config', { clockOffsetMs: 0 });
		}
	});

	test('no secret or token in any answer, run or log', () => {
		expect(
			leakedSecrets(`${seen.join('\n')}\n${env.n8n.log()}`, Object.values(env.simulators)),
		).toEqual([]);
	});
});
