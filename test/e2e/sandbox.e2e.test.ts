import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import {
	ESCALATED_TAG,
	PLAYBOOK,
	SENSITIVE_TAG,
	exampleWorkflows,
} from '../../scripts/n8n/example-workflows';
import { IMMUTA } from '../simulators/fixtures';
import { pollEvery, type WorkflowJson } from '../../scripts/n8n/workflow-builder';
import { N8nRest } from '../../scripts/n8n/rest';
import { OWNER } from '../../scripts/n8n/instance';
import { sandboxCredentials } from '../../scripts/n8n/sandbox-credentials';
import { N8N_CURRENT } from '../../scripts/n8n/versions';
import { ARTIFACTS, REPO_ROOT, startEnvironment, type E2eEnvironment } from './support/environment';
import { leakedSecrets } from './support/secrets';
import { eventually, Sink } from './support/sink';
import { versionsUnderTest } from './support/versions';

/** `npm start`: the sandbox comes up, its example workflows run green, Ctrl-C stops it. */

/**
 * The examples as they run for a user who activates them: n8n polls (every 10 s here instead of every
 * minute, the schedule every 10 s instead of daily) and the test taps each workflow's last node with an
 * HTTP Request to a loopback sink, so what the automation produced can be read.
 */
function tapped(workflow: WorkflowJson, sinkUrl: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const nodes = copy.nodes as Array<{
		name: string;
		type: string;
		parameters: Record<string, unknown>;
	}>;
	const [start] = nodes;
	if (start.type === 'n8n-nodes-base.scheduleTrigger')
		start.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: 10 }] };
	else start.parameters.pollTimes = pollEvery(10);
	const last = nodes.find(
		(node) => !copy.connections[node.name] && node.type !== 'n8n-nodes-base.stickyNote',
	) as { name: string };
	const binary =
		'Object.fromEntries(Object.entries($binary ?? {}).map(([key, file]) => [key, { fileName: file.fileName, mimeType: file.mimeType }]))';
	copy.nodes.push({
		name: 'Tap',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [copy.nodes.length * 240, 300],
		parameters: {
			method: 'POST',
			url: `${sinkUrl}/${workflow.id}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ json: $json, binary: ${binary} }) }}`,
			options: {},
		},
	} as never);
	copy.connections[last.name] = { main: [[{ node: 'Tap', type: 'main', index: 0 }]] };
	return copy;
}

const ARRIVAL_TIMEOUT_MS = 90_000;

describe.each(versionsUnderTest())('example workflows, active, in $label', (version) => {
	let env: E2eEnvironment;
	const sink = new Sink();
	const delivered = (id: string) =>
		sink.bodies<{
			json: Record<string, unknown>;
			binary: Record<string, { fileName: string; mimeType: string }>;
		}>(`/${id}`);
	const requests = (
		vendor: 'utmstack' | 'stellarcyber' | 'ece' | 'immuta',
		method: string,
		path: RegExp,
	) =>
		env.simulators[vendor].requestLog.filter(
			(entry) => entry.method === method && path.test(entry.path),
		);

	beforeAll(async () => {
		await sink.start();
		env = await startEnvironment(version, 'examples', { startServer: false });
		const workflows = exampleWorkflows();
		await env.n8n.importWorkflows(workflows.map((workflow) => tapped(workflow, sink.url)));
		await env.n8n.activateWorkflows(workflows.map((workflow) => workflow.id));
		await env.n8n.start();
		await env.rest.ownerLogin(OWNER);
		// Activation polls once and only notes where each trigger starts.
		const polled = (vendor: 'utmstack' | 'stellarcyber' | 'ece', path: string) =>
			env.simulators[vendor].requestLog.some((entry) => entry.path === path);
		await eventually(
			() =>
				polled('utmstack', '/api/elasticsearch/search') &&
				polled('stellarcyber', '/connect/api/v1/cases') &&
				polled('ece', '/api/v1/deployments/_search'),
			60_000,
			'the activation polls',
		);
	});

	afterAll(async () => {
		await env?.stop();
		await sink.stop();
	});

	test('each example carries a sticky note saying what it does and what to change first, as n8n stores it', async () => {
		for (const workflow of exampleWorkflows()) {
			const stored = await env.rest.call<{
				nodes: Array<{ type: string; parameters: { content?: string } }>;
			}>('GET', `/workflows/${workflow.id}`);
			expect(stored.status).toBe(200);
			const notes = stored.data.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			expect(notes).toHaveLength(1);
			expect(notes[0].parameters.content).toMatch(
				/^## .+\n[\s\S]*\*\*Change first:\*\* the .+ credential/,
			);
		}
	});

	test('UTMStack: new high-severity alerts open one incident with all of them, and a note', async () => {
		const raised = env.simulators.utmstack.control<{ alerts: Array<{ id: string; name: string }> }>(
			'/__sim/alerts',
			{ count: 2, severity: 3, name: 'Example: ransomware note dropped' },
		).alerts;
		env.simulators.utmstack.control('/__sim/alerts', {
			count: 3,
			severity: 1,
			name: 'Example: low noise',
		});
		await eventually(
			() => delivered('secopsExampleUtm').length >= 1,
			ARRIVAL_TIMEOUT_MS,
			'the incident note',
		);
		const [created] = requests('utmstack', 'POST', /^\/api\/utm-incidents$/);
		const body = created.body as {
			incidentName: string;
			alertList: Array<{ alertId: string; alertSeverity: number }>;
		};
		// UTMStack keeps incident names unique: the example adds the time of the poll
		expect(body.incidentName).toMatch(
			/^High severity: Example: ransomware note dropped and 1 more \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$/,
		);
		expect(body.alertList.map((alert) => alert.alertId).sort()).toEqual(
			raised.map((alert) => alert.id).sort(),
		);
		expect(body.alertList.every((alert) => alert.alertSeverity === 3)).toBe(true);
		const [note] = delivered('secopsExampleUtm');
		expect(String(note.json.noteText)).toMatch(
			/^Opened by n8n from 2 alert\(s\): Example: ransomware note dropped \(/,
		);
		expect(requests('utmstack', 'POST', /^\/api\/utm-incidents$/)).toHaveLength(1);
	});

	test('Stellar Cyber: each new case above the score is escalated once, tagged and commented', async () => {
		const cases = env.simulators.stellarcyber.control<{ data: { cases: Array<{ _id: string }> } }>(
			'/__sim/cases',
			{ count: 2, score: 95 },
		).data.cases;
		env.simulators.stellarcyber.control('/__sim/cases', { count: 2, score: 10 });
		await eventually(
			() => delivered('secopsExampleStl').length >= 2,
			ARRIVAL_TIMEOUT_MS,
			'the two comments',
		);
		const polls = requests('stellarcyber', 'GET', /^\/connect\/api\/v1\/cases$/).length;
		await eventually(
			() => requests('stellarcyber', 'GET', /^\/connect\/api\/v1\/cases$/).length > polls,
			ARRIVAL_TIMEOUT_MS,
			'one more poll',
		);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const comments = delivered('secopsExampleStl').map((body) => body.json);
		expect(
			comments
				.map((comment) => String(comment.comment))
				.every((text) => /^Escalated by n8n: score 95, \d+ alert\(s\), created \d{4}-/.test(text)),
		).toBe(true);
		const escalations = requests('stellarcyber', 'PUT', /^\/connect\/api\/v1\/cases\//);
		expect(escalations.map((entry) => entry.path.split('/').at(-1)).sort()).toEqual(
			cases.map((record) => record._id).sort(),
		);
		for (const entry of escalations)
			expect(entry.body).toMatchObject({
				status: 'Escalated',
				severity: 'Critical',
				tags: { add: [ESCALATED_TAG] },
			});
	});

	test('Elastic Cloud Enterprise: a deployment that turns unhealthy gets its Elasticsearch restarted and a report; one that recovers does not', async () => {
		const deployments = env.simulators.ece.control<
			Array<{ id: string; name: string; healthy: boolean }>
		>('/__sim/deployments', undefined, 'GET');
		const falling = deployments.find((deployment) => deployment.healthy) as {
			id: string;
			name: string;
		};
		const recovering = deployments.find((deployment) => !deployment.healthy) as { id: string };
		env.simulators.ece.control('/__sim/deployments/health', { id: falling.id, healthy: false });
		env.simulators.ece.control('/__sim/deployments/health', { id: recovering.id, healthy: true });
		await eventually(
			() => delivered('secopsExampleEce').length >= 1,
			ARRIVAL_TIMEOUT_MS,
			'the report',
		);
		await new Promise((resolve) => setTimeout(resolve, 12_000));
		const reports = delivered('secopsExampleEce').map((body) => body.json);
		expect(reports).toHaveLength(1);
		expect(reports[0]).toMatchObject({
			deployment: falling.name,
			deploymentId: falling.id,
			outcome: 'done',
			tookSeconds: expect.any(Number),
			planAttemptId: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		expect(String(reports[0].report)).toBe(
			`Deployment ${falling.name} turned unhealthy; n8n restarted its Elasticsearch (${String(reports[0].restarted)}): the restart is done after ${String(reports[0].tookSeconds)} s.`,
		);
		// the plan was followed: read before the restart (with its history) and until it ended
		const planReads = requests('ece', 'GET', new RegExp(`^/api/v1/deployments/${falling.id}$`));
		expect(planReads.length).toBeGreaterThanOrEqual(2);
		expect(planReads.length).toBeLessThanOrEqual(6);
		const restarts = requests('ece', 'POST', /\/_restart$/);
		expect(restarts.map((entry) => entry.path)).toEqual([
			`/api/v1/deployments/${falling.id}/elasticsearch/${String(reports[0].restarted)}/_restart`,
		]);
	});

	test('Immuta: the daily report lists who has access to each data source tagged sensitive, in one CSV file', async () => {
		const before = delivered('secopsExampleImm').length;
		const readsBefore = requests('immuta', 'GET', /^\/dataSource\/\d+\/access$/).length;
		await eventually(
			() => delivered('secopsExampleImm').length > before,
			ARRIVAL_TIMEOUT_MS,
			'a report',
		);
		const file = delivered('secopsExampleImm').at(-1);
		expect(file?.binary.data).toEqual({
			fileName: expect.stringMatching(/^immuta-sensitive-access-\d{4}-\d\d-\d\d\.csv$/),
			mimeType: 'text/csv',
		});
		// the tagged data sources, as Immuta itself lists them
		const tagged = (await fetch(
			`${env.simulators.immuta.url}/dataSource?tag=${encodeURIComponent(SENSITIVE_TAG)}&size=1000`,
			{ headers: { authorization: IMMUTA.apiKey } },
		).then(async (answer) => await answer.json())) as { hits: Array<{ id: number }> };
		expect(tagged.hits.length).toBeGreaterThan(0);
		const listing = requests('immuta', 'GET', /^\/dataSource$/).at(-1);
		expect(listing?.query.tag).toBe(SENSITIVE_TAG);
		// one run read the access of each tagged data source (a run's reads; runs every 10 s here may overlap)
		const reads = requests('immuta', 'GET', /^\/dataSource\/\d+\/access$/).slice(readsBefore);
		const read = new Set(reads.map((entry) => Number(entry.path.split('/')[2])));
		for (const source of tagged.hits) expect(read).toContain(source.id);
		expect(reads[0].query.states).toEqual(['subscribed', 'expert', 'owner']);
	});

	test('UTMStack and Immuta playbook: an impossible-travel alert naming an account opens one incident, disables the account, removes it from the group, notes it; nothing twice', async () => {
		const account = 'jsmith';
		const userid = `${account}@example.test`;
		const raise = () =>
			env.simulators.utmstack.control<{ alerts: Array<{ id: string }> }>('/__sim/alerts', {
				count: 1,
				severity: 2,
				name: PLAYBOOK.alertName,
				user: account,
			}).alerts[0];
		const incidentsFor = (alertId: string) =>
			requests('utmstack', 'POST', /^\/api\/utm-incidents$/).filter((entry) =>
				String((entry.body as { incidentName: string }).incidentName).includes(alertId),
			);
		const disabled = () => requests('immuta', 'PUT', /\/disable\/true$/).map((entry) => entry.path);
		const removed = () =>
			requests('immuta', 'DELETE', new RegExp(`^/bim/group/${PLAYBOOK.groupId}/user/`));

		const first = raise();
		await eventually(
			() => delivered('secopsExamplePlaybook').length >= 1,
			ARRIVAL_TIMEOUT_MS,
			'the note of the first alert',
		);
		expect(incidentsFor(first.id)).toHaveLength(1);
		expect(String((incidentsFor(first.id)[0].body as { incidentName: string }).incidentName)).toBe(
			`Contain account ${account}: ${PLAYBOOK.alertName} (alert ${first.id})`,
		);
		expect(disabled()).toEqual([`/bim/iam/bim/user/${encodeURIComponent(userid)}/disable/true`]);
		expect(removed()).toHaveLength(1);
		const [note] = delivered('secopsExamplePlaybook');
		expect(String(note.json.noteText)).toMatch(
			new RegExp(
				`^n8n, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC: Immuta account ${userid} disabled; removed from group Finance Analysts\\.$`,
			),
		);

		// the next poll takes nothing again
		const polls = requests('utmstack', 'POST', /^\/api\/elasticsearch\/search$/).length;
		await eventually(
			() => requests('utmstack', 'POST', /^\/api\/elasticsearch\/search$/).length > polls + 2,
			ARRIVAL_TIMEOUT_MS,
			'more polls',
		);
		expect(delivered('secopsExamplePlaybook')).toHaveLength(1);
		expect(incidentsFor(first.id)).toHaveLength(1);

		// a later alert on the same account: its own incident; Immuta is left as it is, and the note says so
		const second = raise();
		await eventually(
			() => delivered('secopsExamplePlaybook').length >= 2,
			ARRIVAL_TIMEOUT_MS,
			'the note of the second alert',
		);
		expect(incidentsFor(second.id)).toHaveLength(1);
		expect(disabled()).toHaveLength(1);
		expect(removed()).toHaveLength(1);
		expect(String(delivered('secopsExamplePlaybook')[1].json.noteText)).toMatch(
			new RegExp(
				`Immuta account ${userid} was already disabled; was not in group ${PLAYBOOK.groupId}\\.$`,
			),
		);
	});

	test('every example ran without a failed execution, and nothing leaked', async () => {
		type Executions = { results?: Array<{ workflowId: string; status: string }> };
		// the schedules and polls keep starting runs: read the list at a moment none is under way
		let recent = await env.rest.call<Executions>('GET', '/executions');
		for (
			const started = Date.now();
			(recent.data.results ?? []).some((execution) =>
				['new', 'running'].includes(execution.status),
			) && Date.now() - started < 60_000;
		) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			recent = await env.rest.call<Executions>('GET', '/executions');
		}
		expect(recent.status).toBe(200);
		const executions = recent.data.results ?? [];
		expect(
			new Set(executions.map((execution) => execution.workflowId)).size,
		).toBeGreaterThanOrEqual(2);
		expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
		const failed = await env.rest.call<Executions>(
			'GET',
			`/executions?filter=${encodeURIComponent(JSON.stringify({ status: ['error', 'crashed'] }))}`,
		);
		expect(failed.status).toBe(200);
		expect(failed.data.results).toEqual([]);
		expect(leakedSecrets(env.n8n.log(), Object.values(env.simulators))).toEqual([]);
	});
});

const runStart = versionsUnderTest().includes(N8N_CURRENT) ? test : test.skip;

runStart(
	'npm start prints the editor URL and the owner login, serves the editor, and stops on Ctrl-C',
	async () => {
		const port = 25600 + (process.pid % 50);
		let printed = '';
		const child: ChildProcess = spawn(
			join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
			['scripts/start.ts'],
			{
				cwd: REPO_ROOT,
				env: {
					...process.env,
					NODE_ENV: '',
					N8N_PORT: String(port),
					SIMULATOR_PORT_BASE: String(port + 100),
					SECOPS_SANDBOX_FOLDER: join(ARTIFACTS, N8N_CURRENT.label, 'npm-start'),
				},
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
		const exited = new Promise<number | null>((resolve) =>
			child.once('exit', (code) => resolve(code)),
		);
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
			expect(workflows.data.map((workflow) => workflow.id)).toEqual(
				expect.arrayContaining(exampleWorkflows().map((workflow) => workflow.id)),
			);
			const credentials = await rest.call<Array<{ id: string }>>('GET', '/credentials');
			const saved = sandboxCredentials({ utmstack: '', stellarcyber: '', immuta: '', ece: '' }).map(
				(credential) => credential.id,
			);
			expect(credentials.data.map((credential) => credential.id).sort()).toEqual([...saved].sort());
		} finally {
			child.kill('SIGINT');
		}
		expect(await exited).toBe(0);
		await expect(fetch(`http://127.0.0.1:${port}/rest/settings`)).rejects.toThrow();
	},
);
