import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ECE } from '../simulators/fixtures';
import { startSimulator, type RecordedRequest, type RunningSimulator } from '../simulators';

/**
 * ECE changes followed to their outcome ("Wait for Completion", on in new nodes): the plan ECE starts is read as
 * cloud-sdk-go's tracker reads it (show_plans, show_plan_logs; the last step `plan-completed` and its status), with a
 * bounded, widening wait between reads. The simulator's plans last a number of reads; the bound is measured on a fake
 * clock (only Date is faked) that each answered request moves on.
 */

let simulator: RunningSimulator;
const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
let deploymentId = '';
/** How far n8n's clock moves with each answer of the simulator (0: it stands still). */
let stepMs = 0;

beforeAll(async () => {
	simulator = await startSimulator('ece', {
		deploymentCount: 3,
		onAnswer: () => {
			if (stepMs) jest.setSystemTime(Date.now() + stepMs);
		},
	});
	harness.addCredential('ece', 'elasticCloudEnterpriseApi', {
		baseUrl: simulator.url,
		authMethod: 'apiKey',
		apiKey: ECE.apiKey,
	});
	deploymentId = simulator.control<Array<{ id: string }>>('/__sim/deployments', undefined, 'GET')[0]
		.id;
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => {
	stepMs = 0;
	simulator.resetStats();
});

afterEach(() => jest.useRealTimers());

const restart = {
	resource: 'deployment',
	operation: 'restartElasticsearch',
	refId: 'main-elasticsearch',
};

async function run(
	parameters: Record<string, unknown>,
	options: { typeVersion?: number; continueOnFail?: boolean } = {},
) {
	const [output] = await harness.runNode(
		new ElasticCloudEnterprise(),
		{ deploymentId: { __rl: true, mode: 'id', value: deploymentId }, ...parameters } as never,
		[{ json: {} }],
		{ elasticCloudEnterpriseApi: 'ece' },
		options,
	);
	return output;
}

async function runError(parameters: Record<string, unknown>) {
	try {
		await run(parameters);
	} catch (error) {
		return error as { message: string; description: string };
	}
	throw new Error('the node did not fail');
}

const calls = () =>
	simulator.requestLog.map(
		(request: RecordedRequest) =>
			`${request.method} ${request.route}${request.query.show_plan_history ? ' (history)' : ''}`,
	);

test('a restart in a new node waits for its plan and says it is done, with the time it took', async () => {
	simulator.control('/__sim/plans', { reads: 2, outcome: 'success' });
	const [restarted] = await run(restart);
	expect(restarted.json).toMatchObject({
		accepted: true,
		deploymentId,
		refId: 'main-elasticsearch',
		resourceKind: 'elasticsearch',
		outcome: 'done',
	});
	expect(restarted.json.planAttemptId).toMatch(/^[0-9a-f-]{36}$/);
	expect(typeof restarted.json.tookSeconds).toBe('number');
	// one read before the change (with the history, to tell a new attempt from old ones), the change, then one read while the plan runs and one that finds it ended
	expect(calls()).toEqual([
		'GET /api/v1/deployments/:id (history)',
		'POST /api/v1/deployments/:id/elasticsearch/:refId/_restart',
		'GET /api/v1/deployments/:id',
		'GET /api/v1/deployments/:id',
	]);
	expect(simulator.requestLog[2].query).toMatchObject({
		show_plans: 'true',
		show_plan_logs: 'true',
	});
});

test('a failed plan fails the node with the step and what ECE said', async () => {
	simulator.control('/__sim/plans', {
		reads: 2,
		outcome: 'error',
		failingStep: 'restart-instances',
		message: 'Instance [instance-0000000001] did not come back after the restart',
	});
	const error = await runError(restart);
	expect(error.message).toBe(
		`The plan for elasticsearch main-elasticsearch of deployment ${deploymentId} failed at step restart-instances`,
	);
	expect(error.description).toMatch(
		/^Elastic Cloud Enterprise said: "Instance \[instance-0000000001\] did not come back after the restart" \(plan attempt [0-9a-f-]{36}\)\.$/,
	);
	// the failed attempt left `current` as it was: the tracker found it in the history, once
	expect(calls()).toEqual([
		'GET /api/v1/deployments/:id (history)',
		'POST /api/v1/deployments/:id/elasticsearch/:refId/_restart',
		'GET /api/v1/deployments/:id',
		'GET /api/v1/deployments/:id',
		'GET /api/v1/deployments/:id (history)',
	]);
});

test('with Continue on Fail, the failed plan is the item, named with its step', async () => {
	simulator.control('/__sim/plans', {
		reads: 1,
		outcome: 'error',
		failingStep: 'wait-until-running',
	});
	const [item] = await run(restart, { continueOnFail: true });
	expect(String(item.json.error)).toContain('failed at step wait-until-running');
});

test('a plan still running at the bound fails naming the plan and its step, after a bounded number of reads', async () => {
	simulator.control('/__sim/plans', { reads: 1000, outcome: 'success' });
	jest.useFakeTimers({
		now: Date.now(),
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
	stepMs = 25_000;
	const error = await runError({ ...restart, waitMinutes: 1 });
	expect(error.message).toBe(
		`The plan of deployment ${deploymentId} is still running after 1 minute`,
	);
	expect(error.description).toMatch(
		/^Still running: elasticsearch main-elasticsearch \(plan attempt [0-9a-f-]{36}, at step [a-z-]+\)\. ECE goes on with it/,
	);
	// 25 s of n8n's clock per answer: reads at 25 s, 50 s and 75 s after the change, then the bound of 60 s is passed
	expect(calls().filter((call) => call.startsWith('GET'))).toHaveLength(1 + 3);
	stepMs = 0;
	jest.useRealTimers();
	// the plan runs on in ECE: let it end so the next test starts clean
	simulator.control('/__sim/plans', { reads: 1 });
	for (let i = 0; i < 1000 && simulator.requestLog.length < 1e6; i++) {
		const plans = await run({ resource: 'deployment', operation: 'get' });
		const info = (
			plans[0].json.resources as {
				elasticsearch: Array<{ info: { plan_info: { pending?: unknown } } }>;
			}
		).elasticsearch[0].info.plan_info;
		if (!info.pending) break;
	}
});

test('a saved version 2 workflow does not wait: the restart is accepted, no plan read', async () => {
	simulator.control('/__sim/plans', { reads: 1 });
	const [restarted] = await run({ ...restart, refId: 'main-elasticsearch' }, { typeVersion: 2 });
	expect(restarted.json).toEqual({ accepted: true, deploymentId, refId: 'main-elasticsearch' });
	expect(calls()).toEqual(['POST /api/v1/deployments/:id/elasticsearch/:refId/_restart']);
	// let that plan end before the next test
	await run({ resource: 'deployment', operation: 'get' });
});

test('a change ECE runs no plan for (a new name) ends as "no plan" after a bounded number of reads', async () => {
	const [updated] = await run({
		resource: 'deployment',
		operation: 'update',
		updateJson: '{"name": "renamed-by-n8n"}',
	});
	expect(updated.json).toMatchObject({ name: 'renamed-by-n8n', outcome: 'no plan' });
	expect((updated.json.plans as Array<{ outcome: string }>).map((plan) => plan.outcome)).toEqual([
		'no plan',
		'no plan',
	]);
	expect(calls().filter((call) => call.startsWith('GET')).length).toBeLessThanOrEqual(1 + 3 + 2);
});

test('a new deployment is returned once its first plans have ended', async () => {
	simulator.control('/__sim/plans', { reads: 2, outcome: 'success' });
	const [created] = await run({
		resource: 'deployment',
		operation: 'create',
		deploymentJson: JSON.stringify({
			name: 'n8n-created',
			resources: {
				elasticsearch: [{ ref_id: 'main-elasticsearch', region: 'ece-region', plan: {} }],
			},
		}),
	});
	expect(created.json.outcome).toBe('done');
	expect(
		(created.json.plans as Array<{ resourceKind: string; outcome: string }>).map(
			(plan) => `${plan.resourceKind} ${plan.outcome}`,
		),
	).toEqual(['elasticsearch done', 'kibana done']);
	expect(calls().filter((call) => call.startsWith('GET'))).toHaveLength(2);
});
