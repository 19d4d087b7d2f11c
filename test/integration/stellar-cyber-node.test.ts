import type { INodeExecutionData } from 'n8n-workflow';

import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, STELLAR } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';
import { stellarUserId } from '../simulators/data/stellar-cyber';

/** The Stellar Cyber node against the Stellar Cyber simulator (1,200 seeded cases), through n8n-core. */

let simulator: RunningSimulator;
let harness: N8nHarness;
const CREDENTIAL = 'stellar-node';
const CASES = 1200;

beforeAll(async () => {
	simulator = await startSimulator('stellarcyber', { caseCount: CASES });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	harness.addCredential(CREDENTIAL, 'stellarCyberApi', {
		baseUrl: simulator.url,
		keyType: 'legacy',
		email: STELLAR.email,
		apiKey: STELLAR.legacyApiKey,
	});
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => simulator.resetStats());

const item = (json: Record<string, unknown> = {}): INodeExecutionData => ({ json: json as never });
const apiRequests = () =>
	simulator.requestLog.filter((entry) => !entry.path.endsWith('/access_token'));

async function run(
	parameters: Record<string, unknown>,
	items: INodeExecutionData[] = [item()],
	continueOnFail = false,
) {
	const [output] = await harness.runNode(
		new StellarCyber(),
		parameters as never,
		items,
		{ stellarCyberApi: CREDENTIAL },
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
		return { message: String(error.message), description: error.description as string | undefined };
	}
	throw new Error('the node did not fail');
}

const ids = (output: INodeExecutionData[], key = '_id') => output.map((record) => record.json[key]);

describe('case getMany', () => {
	const getMany = { resource: 'case', operation: 'getMany', sort: 'created_at', order: 'desc' };

	test('Return All walks created_at forward from the last time read, then gives newest first; each case once', async () => {
		const output = await run({ ...getMany, returnAll: true });
		expect(output).toHaveLength(CASES);
		expect(new Set(ids(output)).size).toBe(CASES);
		const requests = apiRequests();
		expect(
			requests.map((request) => [request.query.skip, request.query.limit, request.query.order]),
		).toEqual([
			['0', '500', 'asc'],
			['0', '500', 'asc'],
			['0', '500', 'asc'],
		]);
		// the start of time, stated: without a created_at bound the list may cover 24 hours only
		expect(requests[0].query['FROM~created_at']).toBe('0');
		const oldestFirst = [...output].reverse();
		expect(requests[1].query['FROM~created_at']).toBe(String(oldestFirst[499].json.created_at));
		const times = output.map((record) => Number(record.json.created_at));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
	});

	test('Limit smaller than a page: one request of that size', async () => {
		const output = await run({ ...getMany, limit: 3 });
		expect(output).toHaveLength(3);
		expect(apiRequests()).toHaveLength(1);
		expect(apiRequests()[0].query).toMatchObject({
			skip: '0',
			limit: '3',
			sort: 'created_at',
			order: 'desc',
		});
	});

	test('Limit at a page boundary: exactly one full page, no further request', async () => {
		const output = await run({ ...getMany, limit: 500 });
		expect(output).toHaveLength(500);
		expect(apiRequests()).toHaveLength(1);
	});

	test('filters: tenant, statuses, minimum score, tags, created after; zero results make one request', async () => {
		const createdAfter = '2020-01-01T00:00:00.000Z';
		const output = await run({
			...getMany,
			returnAll: true,
			filters: { statuses: ['New', 'In Progress'], minScore: 60, createdAfter, tags: 'a, b' },
		});
		expect(apiRequests()[0].query).toMatchObject({
			status: 'New,In Progress',
			'FROM~score': '60',
			'FROM~created_at': String(Date.parse(createdAfter)),
			tags: 'a,b',
		});
		for (const record of output) expect(Number(record.json.score)).toBeGreaterThanOrEqual(60);
		simulator.resetStats();
		const none = await run({
			...getMany,
			returnAll: true,
			filters: { tenantId: 'no-such-tenant' },
		});
		expect(none).toHaveLength(0);
		expect(apiRequests()).toHaveLength(1);
		expect(apiRequests()[0].query.tenantid).toBe('no-such-tenant');
	});

	test('a bad date fails before any request', async () => {
		const error = await runError({ ...getMany, filters: { modifiedAfter: 'soon' } });
		expect(error.message).toBe('The "Modified From" filter needs a date');
		expect(simulator.requestLog).toHaveLength(0);
	});
});

describe('one case', () => {
	let caseId: string;

	beforeAll(async () => {
		const [first] = await run({
			resource: 'case',
			operation: 'getMany',
			limit: 1,
			sort: 'score',
			order: 'desc',
		});
		caseId = String(first.json._id);
	});

	test('get', async () => {
		const [output] = await run({ resource: 'case', operation: 'get', caseId });
		expect(output.json._id).toBe(caseId);
		expect(apiRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/connect/api/v1/cases/${caseId}`,
		});
	});

	test('By Ticket Number: the number Stellar Cyber shows is looked up (ticket_id, every creation time) and the case read by its _id', async () => {
		const [listed] = await run({ resource: 'case', operation: 'get', caseId });
		const ticket = Number(listed.json.ticket_id);
		simulator.resetStats();
		const [output] = await run({
			resource: 'case',
			operation: 'get',
			caseId: { __rl: true, mode: 'ticket', value: `#${ticket}` },
		});
		expect(output.json._id).toBe(caseId);
		expect(apiRequests().map((request) => request.path)).toEqual([
			'/connect/api/v1/cases',
			`/connect/api/v1/cases/${caseId}`,
		]);
		expect(apiRequests()[0].query).toMatchObject({
			ticket_id: String(ticket),
			'FROM~created_at': '0',
		});
		const missing = await runError({
			resource: 'case',
			operation: 'get',
			caseId: { __rl: true, mode: 'ticket', value: '999999' },
		});
		expect(missing.message).toBe('Stellar Cyber has no case #999999');
	});

	test('a ticket number typed as a Case ID: refused before any request, saying where the _id is', async () => {
		const error = await runError({
			resource: 'case',
			operation: 'get',
			caseId: { __rl: true, mode: 'id', value: '1009' },
		});
		expect(error.message).toBe('"1009" is a ticket number, not a case ID');
		expect(error.description).toMatch(/By Ticket Number/);
		expect(error.description).toMatch(/Get Many/);
		expect(apiRequests()).toEqual([]);
	});

	test('update sends status, severity, assignee, resolution and tag changes', async () => {
		const [output] = await run({
			resource: 'case',
			operation: 'update',
			caseId,
			updateFields: {
				status: 'Escalated',
				severity: 'Critical',
				assignee: stellarUserId('alice.soc'),
				resolution: 'n8n',
				tagsToAdd: 'n8n, escalated',
				tagsToRemove: 'old',
			},
		});
		expect(apiRequests()[0]).toMatchObject({
			method: 'PUT',
			path: `/connect/api/v1/cases/${caseId}`,
			body: {
				status: 'Escalated',
				severity: 'Critical',
				assignee: stellarUserId('alice.soc'),
				resolution: 'n8n',
				tags: { add: ['n8n', 'escalated'], delete: ['old'] },
			},
		});
		expect(output.json.status).toBe('Escalated');
		expect(output.json.tags).toEqual(expect.arrayContaining(['n8n', 'escalated']));
	});

	test('update with nothing to change fails before any request', async () => {
		const error = await runError({
			resource: 'case',
			operation: 'update',
			caseId,
			updateFields: {},
		});
		expect(error.message).toBe('Nothing to update: add at least one field under "Update Fields"');
		expect(simulator.requestLog).toHaveLength(0);
	});

	test('getAlerts pages by 50 at most; Limit 1 reads one alert', async () => {
		const all = await run({ resource: 'case', operation: 'getAlerts', caseId, returnAll: true });
		expect(all.length).toBeGreaterThan(0);
		expect(apiRequests().every((request) => Number(request.query.limit) <= 50)).toBe(true);
		simulator.resetStats();
		const one = await run({ resource: 'case', operation: 'getAlerts', caseId, limit: 1 });
		expect(one).toHaveLength(1);
		expect(apiRequests()[0].query).toMatchObject({ skip: '0', limit: '1' });
	});

	test('addComment then getComments', async () => {
		const [added] = await run({
			resource: 'case',
			operation: 'addComment',
			caseId,
			comment: 'looked at by n8n',
		});
		expect(added.json.comment).toBe('looked at by n8n');
		const comments = await run({ resource: 'case', operation: 'getComments', caseId });
		expect(comments.map((record) => record.json.comment)).toContain('looked at by n8n');
		expect(apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: `/connect/api/v1/cases/${caseId}/comments`,
			body: { comment: 'looked at by n8n' },
		});
	});

	test('case times also come as ISO dates beside the raw epoch milliseconds, on get, get many and update', async () => {
		const [listed] = await run({
			resource: 'case',
			operation: 'getMany',
			sort: 'created_at',
			order: 'desc',
			limit: 1,
		});
		const [read] = await run({ resource: 'case', operation: 'get', caseId: listed.json._id });
		const [updated] = await run({
			resource: 'case',
			operation: 'update',
			caseId: listed.json._id,
			updateFields: { tagsToAdd: 'iso-check' },
		});
		for (const record of [listed, read, updated]) {
			expect(typeof record.json.created_at).toBe('number');
			expect(record.json.created_at_iso).toBe(
				new Date(record.json.created_at as number).toISOString(),
			);
			expect(record.json.modified_at_iso).toBe(
				new Date(record.json.modified_at as number).toISOString(),
			);
		}
	});

	test("an unknown case: Stellar's error text", async () => {
		const error = await runError({ resource: 'case', operation: 'get', caseId: 'nope' });
		expect(error.message).toBe('Stellar Cyber has no case nope');
		expect(error.description).toBe(
			'Stellar Cyber said: "Case not found". Check the ID in the node parameters.',
		);
	});
});

describe('alerts', () => {
	test('search with a query string: Return All follows the scroll, each alert once', async () => {
		const output = await run({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'aella-ser-*',
			queryType: 'queryString',
			query: '*',
			returnAll: true,
		});
		expect(output.length).toBeGreaterThan(1000);
		expect(new Set(output.map((record) => `${record.json._index}/${record.json._id}`)).size).toBe(
			output.length,
		);
		const [first, ...rest] = apiRequests();
		expect(first).toMatchObject({
			method: 'POST',
			path: '/connect/api/data/aella-ser-*/_search',
			query: { scroll: '1m' },
			body: { size: 1000, query: { query_string: { query: '*' } } },
		});
		expect(rest.every((request) => request.path === '/connect/api/data/_search/scroll')).toBe(true);
		// the scroll is followed until it answers no hits
		expect(apiRequests()).toHaveLength(Math.ceil(output.length / 1000) + 1);
	});

	test('search with a query DSL and a Limit: one request of that size', async () => {
		const output = await run({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'aella-ser-*',
			queryType: 'dsl',
			queryJson: '{"match_all": {}}',
			limit: 5,
		});
		expect(output).toHaveLength(5);
		expect(apiRequests()).toHaveLength(1);
		expect(apiRequests()[0].body).toMatchObject({ size: 5, query: { match_all: {} } });
	});

	test('a query DSL that is not JSON fails before any request', async () => {
		const error = await runError({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'aella-ser-*',
			queryType: 'dsl',
			queryJson: '{match_all',
		});
		expect(error.message).toBe('The "Query DSL" parameter is not valid JSON');
		expect(simulator.requestLog).toHaveLength(0);
	});

	test('update: status, comment, tags to add and to remove', async () => {
		const [alert] = await run({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'aella-ser-*',
			limit: 1,
		});
		simulator.resetStats();
		const [output] = await run({
			resource: 'alert',
			operation: 'update',
			index: alert.json._index,
			alertId: alert.json._id,
			updateFields: {
				status: 'Closed',
				comment: 'closed by n8n',
				tagsToAdd: 'n8n',
				tagsToRemove: 'noise',
			},
		});
		expect(apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: `/connect/api/v1/security_events/${alert.json._index}/${alert.json._id}`,
			body: {
				status: 'Closed',
				comments: 'closed by n8n',
				event_tags: [
					{ op: 'add', tag: 'n8n' },
					{ op: 'delete', tag: 'noise' },
				],
			},
		});
		expect(output.json).toMatchObject({ _id: alert.json._id, result: 'updated' });
	});
});

test('tenants', async () => {
	const output = await run({ resource: 'tenant', operation: 'getMany' });
	expect(output.length).toBeGreaterThan(0);
	expect(output[0].json).toHaveProperty('cust_id');
});

test('Continue On Fail, and one token exchange for the whole run', async () => {
	harness.stored(CREDENTIAL).sessionToken = '';
	simulator.resetStats();
	const output = await run(
		{ resource: 'case', operation: 'get', caseId: '={{ $json.id }}' },
		[item({ id: 'nope' }), item({ id: ' ' })],
		true,
	);
	expect(output.map((record) => record.json.error)).toEqual([
		'Stellar Cyber has no case nope',
		'The "Case ID" parameter is empty',
	]);
	expect(output.map((record) => record.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(simulator.stats.logins).toBe(1);
});
