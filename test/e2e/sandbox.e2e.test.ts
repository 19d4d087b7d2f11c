import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { EXAMPLE_NODE_NAMES, exampleWorkflows } from '../../scripts/n8n/example-workflows';
import { N8nRest } from '../../scripts/n8n/rest';
import { OWNER, finishedRun } from '../../scripts/n8n/instance';
import { N8N_CURRENT } from '../../scripts/n8n/versions';
import { ARTIFACTS, REPO_ROOT, startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/** `npm start`: the sandbox comes up, its example workflows run green, Ctrl-C stops it. */

describe.each(versionsUnderTest())('example workflows in $label', (version) => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await startEnvironment(version, 'examples', { startServer: false });
		await env.n8n.importWorkflows(exampleWorkflows());
	});

	afterAll(async () => {
		await env?.stop();
	});

	test('UTMStack: high-severity alerts of the last 24 hours', async () => {
		const result = await env.n8n.execute('secopsExampleUtm');
		finishedRun(result);
		const alerts = result.output(EXAMPLE_NODE_NAMES.utmstack);
		expect(alerts.length).toBeGreaterThan(0);
		for (const alert of alerts) expect(alert.severity).toBe(3);
	});

	test('Stellar Cyber: escalate open cases above a score', async () => {
		const result = await env.n8n.execute('secopsExampleStl');
		finishedRun(result);
		const updated = result.output(EXAMPLE_NODE_NAMES.stellarcyber);
		expect(updated.length).toBeGreaterThan(0);
		expect(env.simulators.stellarcyber.stats.byEndpoint['PUT /connect/api/v1/cases/:id']).toBe(updated.length);
	});

	test('Immuta: who am I, and my data sources', async () => {
		const result = await env.n8n.execute('secopsExampleImm');
		finishedRun(result);
		expect(result.output(EXAMPLE_NODE_NAMES.immuta).length).toBeGreaterThan(0);
	});

	test('Elastic Cloud Enterprise: unhealthy deployments', async () => {
		const result = await env.n8n.execute('secopsExampleEce');
		finishedRun(result);
		const unhealthy = result.output(EXAMPLE_NODE_NAMES.ece);
		expect(unhealthy.length).toBeGreaterThan(0);
		for (const deployment of unhealthy) expect(deployment.healthy).toBe(false);
	});
});

const runStart = versionsUnderTest().includes(N8N_CURRENT) ? test : test.skip;

runStart('npm start prints the editor URL and the owner login, serves the editor, and stops on Ctrl-C', async () => {
	const port = 25600 + (process.pid % 50);
	let printed = '';
	const child: ChildProcess = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
		cwd: REPO_ROOT,
		env: {
			...process.env,
			NODE_ENV: '',
			N8N_PORT: String(port),
			SIMULATOR_PORT_BASE: String(port + 100),
			SECOPS_SANDBOX_FOLDER: join(ARTIFACTS, N8N_CURRENT.label, 'npm-start'),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	try {
		const started = Date.now();
		while (!printed.includes('Press Ctrl-C to stop') && Date.now() - started < 300_000) {
			if (child.exitCode !== null) throw new Error(`npm start exited early:\n${printed}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(printed).toContain(`n8n is ready: http://127.0.0.1:${port}`);
		expect(printed).toContain(`log in as ${OWNER.email} / ${OWNER.password}`);
		const rest = new N8nRest(`http://127.0.0.1:${port}`);
		await rest.ownerLogin(OWNER);
		const workflows = await rest.call<Array<{ id: string }>>('GET', '/workflows');
		expect(workflows.data.map((workflow) => workflow.id)).toEqual(expect.arrayContaining(exampleWorkflows().map((workflow) => workflow.id)));
		const credentials = await rest.call<Array<{ id: string }>>('GET', '/credentials');
		expect(credentials.data).toHaveLength(9);
	} finally {
		child.kill('SIGINT');
	}
	expect(await exited).toBe(0);
	await expect(fetch(`http://127.0.0.1:${port}/rest/settings`)).rejects.toThrow();
});
