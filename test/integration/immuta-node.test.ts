import type { INodeExecutionData } from 'n8n-workflow';

import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, IMMUTA } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/** The Immuta node against the Immuta simulator (400 data sources, 40 projects, 1,500 audit records). */

let simulator: RunningSimulator;
let harness: N8nHarness;
const CREDENTIAL = 'immuta-node';
const DATA_SOURCES = 400;

beforeAll(async () => {
	simulator = await startSimulator('immuta', { dataSourceCount: DATA_SOURCES });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	harness.addCredential(CREDENTIAL, 'immutaApi', {
		baseUrl: simulator.url,
		authMethod: 'apiKey',
		apiKey: IMMUTA.apiKey,
	});
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => simulator.resetStats());

const item = (json: Record<string, unknown> = {}): INodeExecutionData => ({ json: json as never });
const apiRequests = () =>
	simulator.requestLog.filter((entry) => !entry.path.includes('authenticate'));

async function run(
	parameters: Record<string, unknown>,
	items: INodeExecutionData[] = [item()],
	continueOnFail = false,
) {
	const [output] = await harness.runNode(
		new Immuta(),
		parameters as never,
		items,
		{ immutaApi: CREDENTIAL },
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

test('current user', async () => {
	const [user] = await run({ resource: 'user', operation: 'getCurrent' });
	expect(user.json).toHaveProperty('id');
	expect(apiRequests()[0]).toMatchObject({
		method: 'GET',
		path: '/bim/rpc/user/current',
		auth: 'Bearer',
	});
});

describe('data sources', () => {
	test('Return All: offset/size pages, each starting at the last record of the one before, until the stated count; each once', async () => {
		const output = await run({ resource: 'dataSource', operation: 'getMany', returnAll: true });
		expect(output).toHaveLength(DATA_SOURCES);
		expect(new Set(output.map((record) => record.json.id)).size).toBe(DATA_SOURCES);
		expect(apiRequests().map((request) => [request.query.offset, request.query.size])).toEqual([
			['0', '200'],
			['199', '200'],
			['398', '200'],
		]);
	});

	test('Limit smaller than a page: one request of that size', async () => {
		const output = await run({ resource: 'dataSource', operation: 'getMany', limit: 7 });
		expect(output).toHaveLength(7);
		expect(apiRequests()).toHaveLength(1);
		expect(apiRequests()[0].query).toMatchObject({ offset: '0', size: '7' });
	});

	test('search text is sent; no match gives no items after one request', async () => {
		const output = await run({
			resource: 'dataSource',
			operation: 'getMany',
			returnAll: true,
			searchText: 'zz-no-such-source',
		});
		expect(output).toHaveLength(0);
		expect(apiRequests()).toHaveLength(1);
		expect(apiRequests()[0].query.searchText).toBe('zz-no-such-source');
	});

	test('get and getTags', async () => {
		const [first] = await run({ resource: 'dataSource', operation: 'getMany', limit: 1 });
		const id = String(first.json.id);
		const [one] = await run({ resource: 'dataSource', operation: 'get', dataSourceId: id });
		expect(one.json.id).toBe(first.json.id);
		const tags = await run({ resource: 'dataSource', operation: 'getTags', dataSourceId: id });
		expect(apiRequests().map((request) => request.path)).toEqual([
			'/dataSource',
			`/dataSource/${id}`,
			`/dataSource/${id}/tags`,
		]);
		expect(Array.isArray(tags)).toBe(true);
	});

	test("an unknown data source: Immuta's message", async () => {
		const error = await runError({
			resource: 'dataSource',
			operation: 'get',
			dataSourceId: '999999',
		});
		expect(error.message).toBe('Immuta has no data source 999999');
	});

	test('a non-numeric id fails before any request', async () => {
		const error = await runError({ resource: 'dataSource', operation: 'get', dataSourceId: 'abc' });
		expect(error.message).toBe(
			'The "Data Source ID" parameter "abc" is not an Immuta ID (a number)',
		);
		expect(simulator.requestLog).toHaveLength(0);
	});
});

test('projects: getMany and get', async () => {
	const all = await run({ resource: 'project', operation: 'getMany', returnAll: true });
	expect(all).toHaveLength(40);
	const [one] = await run({
		resource: 'project',
		operation: 'get',
		projectId: String(all[3].json.id),
	});
	expect(one.json.name).toBe(all[3].json.name);
});

test('global policies', async () => {
	const output = await run({ resource: 'globalPolicy', operation: 'getMany' });
	expect(output.length).toBeGreaterThan(0);
	expect(apiRequests()[0].path).toBe('/policy/global');
});

describe('audit', () => {
	test('Return All over 1,500 records in pages of 200, newest first', async () => {
		const output = await run({ resource: 'audit', operation: 'getMany', returnAll: true });
		expect(output).toHaveLength(1500);
		expect(apiRequests()).toHaveLength(8);
		const times = output.map((record) => String(record.json.dateTime));
		expect([...times].sort().reverse()).toEqual(times);
	});

	test('from/to and record type are sent', async () => {
		const from = '2020-01-01T00:00:00.000Z';
		const to = '2100-01-01T00:00:00.000Z';
		await run({
			resource: 'audit',
			operation: 'getMany',
			limit: 5,
			filters: { from, to, recordType: 'sqlQuery' },
		});
		expect(apiRequests()[0].query).toMatchObject({
			minDate: from,
			maxDate: to,
			recordType: 'sqlQuery',
			sortField: 'dateTime',
		});
	});

	test.each([
		[{ from: 'yesterday' }, 'The "From" filter needs a date'],
		[
			{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
			'The "From" filter is after the "To" filter',
		],
	])('bad dates fail before any request: %j', async (filters, message) => {
		const error = await runError({ resource: 'audit', operation: 'getMany', limit: 5, filters });
		expect(error.message).toBe(message);
		expect(simulator.requestLog).toHaveLength(0);
	});
});

test('Continue On Fail, and one token exchange for the whole run', async () => {
	harness.stored(CREDENTIAL).sessionToken = '';
	simulator.resetStats();
	const output = await run(
		{ resource: 'project', operation: 'get', projectId: '={{ $json.id }}' },
		[item({ id: '1' }), item({ id: 'x' }), item({ id: '999999' })],
		true,
	);
	expect(output[0].json.error).toBeUndefined();
	expect(output[1].json.error).toBe(
		'The "Project ID" parameter "x" is not an Immuta ID (a number)',
	);
	expect(output[2].json.error).toBe('Immuta has no project 999999');
	expect(output.map((record) => record.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
	]);
	expect(simulator.stats.logins).toBe(1);
});
