import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ElasticCloudEnterpriseTrigger } from '../../nodes/ElasticCloudEnterpriseTrigger/ElasticCloudEnterpriseTrigger.node';
import { N8nHarness, type ActiveTrigger } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, ECE } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/** The Elastic Cloud Enterprise trigger (deployment health changed) against the ECE simulator, polled as n8n does. */

let simulator: RunningSimulator;
let harness: N8nHarness;
let credentialCount = 0;
const DEPLOYMENTS = 230;

beforeAll(async () => {
	simulator = await startSimulator('ece', { deploymentCount: DEPLOYMENTS });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => {
	simulator.resetStats();
	simulator.control('/__sim/faults', { requests: 0 });
});

function activate(): ActiveTrigger {
	const id = `ece-trigger-${++credentialCount}`;
	harness.addCredential(id, 'elasticCloudEnterpriseApi', {
		baseUrl: simulator.url,
		authMethod: 'password',
		username: ECE.username,
		password: ECE.password,
	});
	return harness.activateTrigger(
		new ElasticCloudEnterpriseTrigger(),
		{ event: 'deploymentHealthChanged' },
		{ elasticCloudEnterpriseApi: id },
	);
}

async function poll(
	trigger: ActiveTrigger,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<IDataObject[]> {
	const result = await trigger.poll(mode);
	const items: INodeExecutionData[] = result?.[0] ?? [];
	expect(JSON.stringify(items)).not.toMatch(new RegExp(ALL_FIXTURE_SECRETS.join('|')));
	return items.map((item) => item.json);
}

const searches = () =>
	simulator.requestLog.filter((entry) => entry.path === '/api/v1/deployments/_search');
const setHealth = (id: unknown, change: IDataObject) =>
	simulator.control<IDataObject>('/__sim/deployments/health', { id, ...change });

/** Every deployment (one full search), for picking targets. */
async function allDeployments(trigger: ActiveTrigger): Promise<IDataObject[]> {
	await poll(trigger);
	return Object.entries(trigger.staticData().health as Record<string, IDataObject>).map(
		([id, health]) => ({ id, ...health }),
	);
}

test("the first poll records every deployment's health over the search pages and emits nothing", async () => {
	const trigger = activate();
	expect(await poll(trigger)).toEqual([]);
	expect(Object.keys(trigger.staticData().health as IDataObject)).toHaveLength(DEPLOYMENTS);
	// 230 deployments in pages of 100: the first page carries the query, the next ones the cursor
	expect(searches().map((entry) => Object.keys(entry.body as IDataObject).sort())).toEqual([
		['query', 'size', 'sort'],
		['cursor', 'size'],
		['cursor', 'size'],
		['cursor', 'size'],
	]);
	expect(await poll(trigger)).toEqual([]);
	expect(simulator.stats.logins).toBe(1);
});

test('a deployment falling ill and recovering is emitted each time, with the state before and after', async () => {
	const trigger = activate();
	const target = (await allDeployments(trigger)).find(
		(deployment) => deployment.healthy === true,
	) as IDataObject;
	setHealth(target.id, { healthy: false });
	const [ill] = await poll(trigger);
	expect(ill).toMatchObject({
		id: target.id,
		before: { healthy: true },
		after: { healthy: false },
	});
	expect((ill.deployment as IDataObject).id).toBe(target.id);
	expect(await poll(trigger)).toEqual([]);
	setHealth(target.id, { healthy: true });
	const recovered = await poll(trigger);
	expect(recovered).toEqual([
		expect.objectContaining({
			id: target.id,
			before: expect.objectContaining({ healthy: false }),
			after: expect.objectContaining({ healthy: true }),
		}),
	]);
});

test('an Elasticsearch resource changing status is a change even while the deployment stays healthy', async () => {
	const trigger = activate();
	const [target] = await allDeployments(trigger);
	setHealth(target.id, { status: 'reconfiguring' });
	const [changed] = await poll(trigger);
	const statuses = (health: unknown) =>
		(health as { elasticsearch: IDataObject[] }).elasticsearch.map((resource) => resource.status);
	expect(changed.id).toBe(target.id);
	expect(statuses(changed.before)).toEqual(['started']);
	expect(statuses(changed.after)).toEqual(['reconfiguring']);
	setHealth(target.id, { status: 'started' });
	expect(await poll(trigger)).toHaveLength(1);
});

test('a failing poll keeps the last state: the change is emitted once, by the next good poll', async () => {
	const trigger = activate();
	const deployments = await allDeployments(trigger);
	const before = trigger.staticData();
	const target = deployments.find((deployment) => deployment.healthy === true) as IDataObject;
	setHealth(target.id, { healthy: false });
	simulator.control('/__sim/faults', { after: 1, requests: 1, status: 500 });
	await expect(poll(trigger)).rejects.toThrow('There was an internal server error');
	expect(trigger.staticData()).toEqual(before);
	expect((await poll(trigger)).map((event) => event.id)).toEqual([target.id]);
	expect(await poll(trigger)).toEqual([]);
	setHealth(target.id, { healthy: true });
});

test('a manual run shows one deployment in the shape of an event, an unhealthy one when there is one', async () => {
	const trigger = activate();
	const items = await poll(trigger, 'manual');
	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({ before: null, after: { healthy: false } });
	expect(trigger.staticData()).toEqual({});
});
