import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { secopsType, webhookWorkflow, type ChainNode } from '../../scripts/n8n/workflow-builder';
import { leakedSecrets } from '../e2e/support/secrets';
import { ARTIFACTS, startEnvironment, type E2eEnvironment } from '../e2e/support/environment';
import { versionsUnderTest } from '../e2e/support/versions';
import { webhooksRegistered } from '../e2e/support/webhooks';
import { IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/**
 * What real platforms do to a workflow, injected by the simulators and run by a real n8n server through
 * webhook-started workflows. Every run must end with a clear error on its item (Continue On Fail) or
 * recover; the n8n process must keep running; no record may come twice or go missing silently; and no
 * secret or token may reach the answers, the log or n8n's database (where execution data lives).
 */

type Item = Record<string, unknown>;
const SEARCH = '/api/elasticsearch/search';
const ALERTS = 10_000;

function credentialRef(
	env: E2eEnvironment,
	id: string,
): Record<string, { id: string; name: string }> {
	const credential = env.credential(id);
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

function node(
	name: string,
	type: string,
	parameters: Record<string, unknown>,
	credentials: ChainNode['credentials'],
): ChainNode {
	return {
		name,
		type: secopsType(type),
		parameters,
		credentials,
		onError: 'continueRegularOutput',
	};
}

describe.each(versionsUnderTest())('faults in $label', (version) => {
	let env: E2eEnvironment;
	let tls: RunningSimulator;
	const answers: string[] = [];
	/** What the runs measured, written to test-artifacts/e2e/<version>/faults/figures.json. */
	const figures: Record<string, unknown> = {};

	const tlsCredential = (id: string, allowUnauthorizedCerts: boolean) => ({
		id,
		name: `Immuta over TLS (${allowUnauthorizedCerts ? 'certificate not checked' : 'certificate checked'})`,
		type: 'immutaApi',
		data: { baseUrl: tls.url, authMethod: 'apiKey', apiKey: IMMUTA.apiKey, allowUnauthorizedCerts },
	});
	const concurrent = () => ({
		...env.credential('secopsUtmPasswd1'),
		id: 'faultUtmConcurrent',
		name: 'UTMStack (ten at once)',
	});

	async function run(path: string): Promise<Item[]> {
		const answer = await fetch(`${env.n8n.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		const text = await answer.text();
		answers.push(text);
		expect(answer.status).toBe(200);
		const items = JSON.parse(text) as Item[] | Item;
		return Array.isArray(items) ? items : [items];
	}

	async function expectN8nRunning(): Promise<void> {
		expect(env.n8n.running).toBe(true);
		expect((await fetch(`${env.n8n.url}/healthz`)).status).toBe(200);
	}

	beforeAll(async () => {
		env = await startEnvironment(version, 'faults', { startServer: false });
		tls = await startSimulator('immuta', { tls: true });
		const { type, data } = concurrent();
		await env.n8n.importCredentials([
			tlsCredential('faultImmTlsStrict', false),
			tlsCredential('faultImmTlsInsecure', true),
			{ id: 'faultUtmConcurrent', name: 'UTMStack (ten at once)', type, data },
		]);
		const search = {
			resource: 'alert',
			operation: 'search',
			indexPattern: 'alert-*',
			filters: {},
			timeRange: 'none',
			sortField: '@timestamp',
			sortDirection: 'desc',
			returnAll: true,
		};
		const workflows = [
			webhookWorkflow('fault-utm-key', 'Faults: UTMStack search (API key)', 'fault-utm-key', [
				node('Search', 'utmStack', search, credentialRef(env, 'secopsUtmApiKey1')),
			]),
			webhookWorkflow('fault-utm-login', 'Faults: UTMStack search (password)', 'fault-utm-login', [
				node('Search', 'utmStack', search, credentialRef(env, 'secopsUtmPasswd1')),
			]),
			webhookWorkflow('fault-stl-tenants', 'Faults: Stellar Cyber tenants', 'fault-stl-tenants', [
				node(
					'Tenants',
					'stellarCyber',
					{ resource: 'tenant', operation: 'getMany' },
					credentialRef(env, 'secopsStlScoped1'),
				),
			]),
			webhookWorkflow(
				'fault-unknown-deployment',
				'Faults: ECE deployment that does not exist',
				'fault-unknown-deployment',
				[
					node(
						'Get Deployment',
						'elasticCloudEnterprise',
						{ resource: 'deployment', operation: 'get', deploymentId: 'no-such-deployment' },
						credentialRef(env, 'secopsEceApiKey1'),
					),
				],
			),
			webhookWorkflow(
				'fault-two-users',
				'Faults: two Stellar Cyber users in one workflow',
				'fault-two-users',
				[
					{
						...node(
							'Tenants as the scoped key',
							'stellarCyber',
							{ resource: 'tenant', operation: 'getMany' },
							credentialRef(env, 'secopsStlScoped1'),
						),
						executeOnce: true,
					},
					{
						...node(
							'Tenants as the legacy key',
							'stellarCyber',
							{ resource: 'tenant', operation: 'getMany' },
							credentialRef(env, 'secopsStlLegacy1'),
						),
						executeOnce: true,
					},
				],
			),
			webhookWorkflow(
				'fault-tls-strict',
				'Faults: self-signed certificate, checked',
				'fault-tls-strict',
				[
					node(
						'Who Am I',
						'immuta',
						{ resource: 'user', operation: 'getCurrent' },
						{
							immutaApi: {
								id: 'faultImmTlsStrict',
								name: tlsCredential('faultImmTlsStrict', false).name,
							},
						},
					),
				],
			),
			webhookWorkflow(
				'fault-tls-insecure',
				'Faults: self-signed certificate, not checked',
				'fault-tls-insecure',
				[
					node(
						'Who Am I',
						'immuta',
						{ resource: 'user', operation: 'getCurrent' },
						{
							immutaApi: {
								id: 'faultImmTlsInsecure',
								name: tlsCredential('faultImmTlsInsecure', true).name,
							},
						},
					),
				],
			),
			webhookWorkflow('fault-concurrent', 'Faults: ten executions at once', 'fault-concurrent', [
				node(
					'Who Am I',
					'utmStack',
					{ resource: 'user', operation: 'getCurrent' },
					{ utmStackApi: { id: 'faultUtmConcurrent', name: 'UTMStack (ten at once)' } },
				),
			]),
		];
		await env.n8n.importWorkflows(workflows);
		await env.n8n.activateWorkflows(workflows.map((workflow) => workflow.id));
		await env.n8n.start();
		await webhooksRegistered(
			env.n8n.url,
			workflows.map((workflow) => workflow.id),
		);
	});

	afterAll(async () => {
		await env?.stop();
		await tls?.close();
		mkdirSync(join(ARTIFACTS, version.label, 'faults'), { recursive: true });
		writeFileSync(
			join(ARTIFACTS, version.label, 'faults', 'figures.json'),
			JSON.stringify(figures, null, 2),
		);
	});

	beforeEach(() => {
		for (const simulator of [...Object.values(env.simulators), tls]) {
			simulator.resetStats();
			simulator.control('/__sim/faults', { requests: 0 });
		}
	});

	const utm = () => env.simulators.utmstack;
	const searches = () => utm().requestLog.filter((entry) => entry.path === SEARCH);
	const expectAllAlertsOnce = (items: Item[]) => {
		expect(items).toHaveLength(ALERTS);
		expect(new Set(items.map((item) => item.id)).size).toBe(ALERTS);
	};

	test('a 500 with an HTML page on page 3 of a Return All: one clear error, no partial list, no HTML in it', async () => {
		utm().control('/__sim/faults', { mode: 'html', path: SEARCH, after: 2 });
		const items = await run('fault-utm-key');
		expect(items).toEqual([
			{
				error: 'UTMStack answered HTTP 500',
				description: expect.stringContaining('failed to process'),
			},
		]);
		await expectN8nRunning();
	});

	test.each([
		[
			'malformed',
			'UTMStack sent an answer that is not valid JSON where a JSON answer was expected (HTTP 200)',
		],
		['empty', 'UTMStack sent an empty answer where a JSON answer was expected (HTTP 200)'],
	])('%s JSON on page 3: an error, not a list that ends early', async (mode, message) => {
		utm().control('/__sim/faults', { mode, path: SEARCH, after: 2 });
		const items = await run('fault-utm-key');
		expect(items).toEqual([expect.objectContaining({ error: message })]);
		expect(searches()).toHaveLength(3);
		await expectN8nRunning();
	});

	test('429 with Retry-After: 1 twice on page 4: waited for, then every alert once', async () => {
		utm().control('/__sim/faults', {
			mode: 'rateLimit',
			retryAfterSeconds: 1,
			path: SEARCH,
			after: 3,
			requests: 2,
		});
		const started = Date.now();
		expectAllAlertsOnce(await run('fault-utm-key'));
		figures.rateLimitedReturnAllMs = Date.now() - started;
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
		expect(
			searches()
				.map((entry) => entry.status)
				.filter((status) => status === 429),
		).toHaveLength(2);
		// 11 pages (each query of the @timestamp walk reads again the alert at its bound, so 10,000 alerts take
		// one page more than 10) and the 2 refused tries
		expect(searches()).toHaveLength(13);
	});

	test('429 asking for two minutes: not waited for; the error says the platform is limiting requests', async () => {
		utm().control('/__sim/faults', {
			mode: 'rateLimit',
			retryAfterSeconds: 120,
			path: SEARCH,
			after: 1,
		});
		const items = await run('fault-utm-key');
		expect(items).toEqual([
			{
				error: 'UTMStack answered HTTP 429',
				description: expect.stringContaining('limiting requests'),
			},
		]);
		await expectN8nRunning();
	});

	test('the connection reset in the middle of page 5: a clear error naming the platform', async () => {
		utm().control('/__sim/faults', { mode: 'reset', path: SEARCH, after: 4 });
		const items = await run('fault-utm-key');
		expect(items).toHaveLength(1);
		figures.connectionResetError = items[0].error;
		expect(String(items[0].error)).toMatch(/^Could not reach UTMStack/);
		await expectN8nRunning();
	});

	test('a token revoked in the middle of a Return All: one 401, one login, every alert once', async () => {
		await run('fault-utm-login');
		utm().resetStats();
		utm().control('/__sim/faults', { mode: 'revoke', path: SEARCH, after: 5 });
		expectAllAlertsOnce(await run('fault-utm-login'));
		expect(utm().stats.unauthorized).toBe(1);
		expect(utm().stats.logins).toBe(1);
	});

	test('a backend restart between runs (every token dies): the next run logs in again and succeeds', async () => {
		await run('fault-stl-tenants');
		env.simulators.stellarcyber.resetStats();
		env.simulators.stellarcyber.revokeAllTokens();
		const items = await run('fault-stl-tenants');
		expect(items.length).toBeGreaterThan(0);
		expect(items[0].error).toBeUndefined();
		expect(env.simulators.stellarcyber.stats.logins).toBe(1);
		expect(env.simulators.stellarcyber.stats.unauthorized).toBe(1);
	});

	test("the platform's own error text reaches the item (ECE errors[].message on a 404)", async () => {
		const [item] = await run('fault-unknown-deployment');
		expect(String(item.error)).toMatch(/no-such-deployment/);
		expect(String(item.error)).not.toMatch(/HTTP 404/);
	});

	test('a self-signed certificate: refused while the credential checks certificates, accepted when told not to', async () => {
		const [refused] = await run('fault-tls-strict');
		figures.selfSignedCertificateError = refused;
		expect(String(refused.error)).toContain('Immuta');
		expect(`${String(refused.error)} ${String(refused.description)}`).toMatch(/certificate/i);
		expect(tls.stats.requests).toBe(0);
		const [accepted] = await run('fault-tls-insecure');
		expect(accepted.error).toBeUndefined();
		expect(accepted).toHaveProperty('profile');
	});

	test('two credentials of different users in one workflow: each request carries its own token', async () => {
		const stellar = env.simulators.stellarcyber;
		const items = await run('fault-two-users');
		expect(items.length).toBeGreaterThan(0);
		const calls = stellar.requestLog
			.filter((entry) => entry.path === '/connect/api/v1/tenants')
			.map((entry) => entry.user);
		expect(calls).toEqual(['api-key:soc-automation', STELLAR.email]);
	});

	test('ten executions started at once on an empty token all succeed', async () => {
		const results = await Promise.all(
			Array.from({ length: 10 }, async () => await run('fault-concurrent')),
		);
		for (const [item] of results) expect(item).toMatchObject({ login: UTMSTACK.username });
		figures.tenConcurrentExecutionsLogins = utm().stats.logins;
		expect(utm().stats.logins).toBeGreaterThanOrEqual(1);
		expect(utm().stats.logins).toBeLessThanOrEqual(10);
		expect(utm().stats.failedLogins).toBe(0);
		await expectN8nRunning();
	});

	test('a platform slower than the request timeout (60 s): a clear error, and n8n goes on', async () => {
		env.simulators.stellarcyber.control('/__sim/faults', {
			mode: 'slow',
			delayMs: 62_000,
			path: '/connect/api/v1/tenants',
		});
		const [item] = await run('fault-stl-tenants');
		expect(item.error).toBe('Stellar Cyber did not answer within 60 seconds');
		await expectN8nRunning();
	});

	test("no secret or token in any answer, in n8n's log or in its database", async () => {
		// Stopped first, so that n8n has written everything and its database files stay put while read.
		await env.n8n.stop();
		const simulators = [...Object.values(env.simulators), tls];
		expect(leakedSecrets(answers.join('\n'), simulators)).toEqual([]);
		expect(leakedSecrets(env.n8n.log(), simulators)).toEqual([]);
		const n8nFolder = join(env.n8n.userFolder, '.n8n');
		const database = readdirSync(n8nFolder)
			.filter((file) => file.startsWith('database.sqlite'))
			.map((file) =>
				existsSync(join(n8nFolder, file))
					? readFileSync(join(n8nFolder, file)).toString('latin1')
					: '',
			)
			.join('\n');
		expect(database.length).toBeGreaterThan(0);
		expect(leakedSecrets(database, simulators)).toEqual([]);
	});
});
