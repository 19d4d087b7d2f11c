import type { INodeExecutionData } from 'n8n-workflow';

import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, ECE } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/** The Elastic Cloud Enterprise node against the ECE simulator (250 seeded deployments). */

let simulator: RunningSimulator;
let harness: N8nHarness;
const CREDENTIAL = 'ece-node';
const DEPLOYMENTS = 250;

beforeAll(async () => {
	simulator = await startSimulator('ece', { deploymentCount: DEPLOYMENTS });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	harness.addCredential(CREDENTIAL, 'elasticCloudEnterpriseApi', {
		baseUrl: simulator.url,
		authMethod: 'password',
		username: ECE.username,
		password: ECE.password,
	});
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => simulator.resetStats());

const item = (json: Record<string, unknown> = {}): INodeExecutionData => ({ json: json as never });
const apiRequests = () =>
	simulator.requestLog.filter((entry) => !entry.path.includes('/users/auth/_login'));

async function run(
	parameters: Record<string, unknown>,
	items: INodeExecutionData[] = [item()],
	continueOnFail = false,
) {
	const [output] = await harness.runNode(
		new ElasticCloudEnterprise(),
		parameters as never,
		items,
		{ elasticCloudEnterpriseApi: CREDENTIAL },
		{ continueOnFail },
	);
	expect(JSON.stringify(output)).not.toMatch(new RegExp(ALL_FIXTURE_SECRETS.join('|')));
	return output;
}

async function runError(parameters: Record<string, unknown>) {
	try {
		await run(parameters);
	} catch (error) {
		for (const secret of ALL_FIXTURE_SECRETS)
			expect(`${error.message} ${error.description}`).not.toContain(secret);
		return { message: String(error.message) };
	}
	throw new Error('the node did not fail');
}

test('platform and current user', async () => {
	const [platform] = await run({ resource: 'platform', operation: 'get' });
	const [user] = await run({ resource: 'user', operation: 'getCurrent' });
	expect(platform.json).toHaveProperty('version');
	expect(user.json.user_name).toBe(ECE.username);
	expect(
		apiRequests().map((request) => `${request.method} ${request.path} ${request.auth}`),
	).toEqual(['GET /api/v1/platform Bearer', 'GET /api/v1/user Bearer']);
});

describe('deployments', () => {
	test('getMany: one item per deployment', async () => {
		const output = await run({ resource: 'deployment', operation: 'getMany', returnAll: true });
		expect(await run({ resource: 'deployment', operation: 'getMany', limit: 2 })).toHaveLength(2);
		expect(output).toHaveLength(DEPLOYMENTS);
		expect(output[0].json.resources).toBeDefined();
	});

	test('search Return All follows the cursor; every deployment once; an empty page ends it (ecctl stops on return_count 0)', async () => {
		const output = await run({
			resource: 'deployment',
			operation: 'search',
			queryType: 'queryString',
			query: '',
			returnAll: true,
		});
		expect(output).toHaveLength(DEPLOYMENTS);
		expect(new Set(output.map((record) => record.json.id)).size).toBe(DEPLOYMENTS);
		const [first, ...rest] = apiRequests();
		expect(first).toMatchObject({
			method: 'POST',
			path: '/api/v1/deployments/_search',
			body: { query: { match_all: {} }, size: 100 },
		});
		expect(rest).toHaveLength(3);
		for (const request of rest)
			expect(Object.keys(request.body as object).sort()).toEqual(['cursor', 'size']);
	});

	test('search with Limit 3: one request of size 3; a query string is sent as such', async () => {
		const output = await run({
			resource: 'deployment',
			operation: 'search',
			queryType: 'queryString',
			query: 'healthy:false',
			limit: 3,
		});
		expect(apiRequests()).toHaveLength(1);
		expect(apiRequests()[0].body).toEqual({
			query: { query_string: { query: 'healthy:false' } },
			size: 3,
			sort: [{ id: { order: 'asc' } }],
		});
		for (const record of output) expect(record.json.healthy).toBe(false);
	});

	test('search: bad query JSON fails before any request', async () => {
		const error = await runError({
			resource: 'deployment',
			operation: 'search',
			queryType: 'json',
			queryJson: '{"match_all":',
			returnAll: true,
		});
		expect(error.message).toBe('The "Query JSON" parameter is not valid JSON');
		expect(simulator.requestLog).toHaveLength(0);
	});

	test('get, restart Elasticsearch, shut down with skip snapshot', async () => {
		const [listed] = await run({
			resource: 'deployment',
			operation: 'search',
			queryType: 'json',
			queryJson: '{"match_all": {}}',
			limit: 1,
		});
		const id = String(listed.json.id);
		simulator.resetStats();
		const [one] = await run({ resource: 'deployment', operation: 'get', deploymentId: id });
		const [restarted] = await run({
			resource: 'deployment',
			operation: 'restartElasticsearch',
			deploymentId: id,
			refId: 'main-elasticsearch',
			waitForCompletion: false,
		});
		const [stopped] = await run({
			resource: 'deployment',
			operation: 'shutdown',
			deploymentId: id,
			skipSnapshot: true,
			waitForCompletion: false,
		});
		expect(one.json.id).toBe(id);
		expect(restarted.json).toEqual({
			accepted: true,
			deploymentId: id,
			refId: 'main-elasticsearch',
		});
		expect(stopped.json.id).toBe(id);
		expect(apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /api/v1/deployments/${id}`,
			`POST /api/v1/deployments/${id}/elasticsearch/main-elasticsearch/_restart`,
			`POST /api/v1/deployments/${id}/_shutdown`,
		]);
		expect(apiRequests()[2].query).toEqual({ skip_snapshot: 'true' });
		const error = await runError({
			resource: 'deployment',
			operation: 'restartElasticsearch',
			deploymentId: id,
			refId: 'main-elasticsearch',
		});
		expect(error.message).toBe('The Elasticsearch resource is shut down and cannot be restarted');
	});

	test("restart Elasticsearch with the resource left empty: the deployment's only one is restarted", async () => {
		const [listed] = await run({
			resource: 'deployment',
			operation: 'search',
			queryType: 'json',
			queryJson: '{"match_all": {}}',
			limit: 1,
			returnAll: false,
		});
		const [, second] = await run({
			resource: 'deployment',
			operation: 'search',
			queryType: 'json',
			queryJson: '{"match_all": {}}',
			limit: 2,
		});
		const id = String((second ?? listed).json.id);
		simulator.resetStats();
		const [restarted] = await run({
			resource: 'deployment',
			operation: 'restartElasticsearch',
			deploymentId: { __rl: true, mode: 'id', value: id },
			refId: '',
			waitForCompletion: false,
		});
		expect(restarted.json).toEqual({
			accepted: true,
			deploymentId: id,
			refId: 'main-elasticsearch',
		});
		expect(apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /api/v1/deployments/${id}`,
			`POST /api/v1/deployments/${id}/elasticsearch/main-elasticsearch/_restart`,
		]);
	});

	test("an unknown deployment: ECE's errors[].message", async () => {
		const error = await runError({
			resource: 'deployment',
			operation: 'get',
			deploymentId: 'nope',
		});
		expect(error.message).toBe('Elastic Cloud Enterprise has no deployment nope');
	});
});

describe('allocators', () => {
	test('getMany: one item per allocator, zone kept; get; maintenance start and stop', async () => {
		const allocators = await run({ resource: 'allocator', operation: 'getMany' });
		expect(allocators.length).toBeGreaterThan(1);
		for (const allocator of allocators) expect(typeof allocator.json.zone_id).toBe('string');
		const id = String(allocators[0].json.allocator_id);
		const [one] = await run({ resource: 'allocator', operation: 'get', allocatorId: id });
		expect(one.json.allocator_id).toBe(id);
		await run({ resource: 'allocator', operation: 'startMaintenance', allocatorId: id });
		const [during] = await run({ resource: 'allocator', operation: 'get', allocatorId: id });
		await run({ resource: 'allocator', operation: 'stopMaintenance', allocatorId: id });
		const [after] = await run({ resource: 'allocator', operation: 'get', allocatorId: id });
		expect(JSON.stringify(during.json)).toMatch(/"maintenance_mode":true/);
		expect(JSON.stringify(after.json)).toMatch(/"maintenance_mode":false/);
	});

	test('an empty allocator id fails before any request', async () => {
		const error = await runError({ resource: 'allocator', operation: 'get', allocatorId: ' ' });
		expect(error.message).toBe('The "Allocator ID" parameter is empty');
		expect(simulator.requestLog).toHaveLength(0);
	});
});

describe('API keys', () => {
	test('create, list, delete', async () => {
		const [created] = await run({
			resource: 'apiKey',
			operation: 'create',
			description: 'made by n8n',
			expiration: '1d',
		});
		expect(apiRequests()[0].body).toEqual({ description: 'made by n8n', expiration: '1d' });
		const keyId = String(created.json.id);
		const listed = await run({ resource: 'apiKey', operation: 'getMany' });
		expect(listed.map((record) => record.json.id)).toContain(keyId);
		const [deleted] = await run({ resource: 'apiKey', operation: 'delete', apiKeyId: keyId });
		expect(deleted.json).toEqual({ deleted: true, apiKeyId: keyId });
		const error = await runError({ resource: 'apiKey', operation: 'delete', apiKeyId: keyId });
		expect(error.message).toBe(`Elastic Cloud Enterprise has no API key ${keyId}`);
	});

	test.each([
		[{ description: ' ' }, 'The "Description" parameter is empty'],
		[
			{ description: 'x', expiration: 'forever' },
			'The "Expiration" parameter "forever" is not a duration like 3h or 30d',
		],
	])('bad parameters fail before any request: %j', async (parameters, message) => {
		const error = await runError({ resource: 'apiKey', operation: 'create', ...parameters });
		expect(error.message).toBe(message);
		expect(simulator.requestLog).toHaveLength(0);
	});
});

test('Continue On Fail, and one login for the whole run', async () => {
	harness.stored(CREDENTIAL).sessionToken = '';
	simulator.resetStats();
	const output = await run(
		{ resource: 'deployment', operation: 'get', deploymentId: '={{ $json.id }}' },
		[item({ id: 'nope' }), item({ id: ' ' })],
		true,
	);
	expect(output.map((record) => record.json.error)).toEqual([
		'Elastic Cloud Enterprise has no deployment nope',
		'The "Deployment ID" parameter is empty',
	]);
	expect(output.map((record) => record.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(simulator.stats.logins).toBe(1);
});
