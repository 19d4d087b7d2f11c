import type { INodeExecutionData } from 'n8n-workflow';

import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, UTMSTACK } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/** The UTMStack node against the UTMStack simulator (10,000 seeded alerts), through n8n-core's execution context. */

let simulator: RunningSimulator;
let harness: N8nHarness;
const CREDENTIAL = 'utm-node';

beforeAll(async () => {
	simulator = await startSimulator('utmstack', { alertCount: 2500 });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	harness.addCredential(CREDENTIAL, 'utmStackApi', {
		baseUrl: simulator.url,
		authMethod: 'password',
		username: UTMSTACK.username,
		password: UTMSTACK.password,
	});
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => simulator.resetStats());

const item = (json: Record<string, unknown> = {}): INodeExecutionData => ({ json: json as never });

async function run(
	parameters: Record<string, unknown>,
	items: INodeExecutionData[] = [item()],
	continueOnFail = false,
) {
	const [output] = await harness.runNode(
		new UtmStack(),
		parameters as never,
		items,
		{ utmStackApi: CREDENTIAL },
		{ continueOnFail },
	);
	expect(JSON.stringify(output)).not.toMatch(new RegExp(ALL_FIXTURE_SECRETS.join('|')));
	return output;
}

const apiRequests = () =>
	simulator.requestLog.filter((entry) => entry.path !== '/api/authenticate');

async function runError(
	parameters: Record<string, unknown>,
): Promise<{ message: string; description?: string }> {
	try {
		await run(parameters);
	} catch (error) {
		const text = `${error.message} ${error.description ?? ''}`;
		for (const secret of ALL_FIXTURE_SECRETS) expect(text).not.toContain(secret);
		return { message: error.message, description: error.description };
	}
	throw new Error('the node did not fail');
}

describe('alert search', () => {
	const search = {
		resource: 'alert',
		operation: 'search',
		indexPattern: 'alert-*',
		sortField: '@timestamp',
		sortDirection: 'desc',
	};

	test('sends the filters, index pattern, page, size, top and sort; one item per alert', async () => {
		const output = await run({
			...search,
			filters: { filter: [{ field: 'severity', operator: 'IS', value: '3' }] },
			limit: 7,
		});
		expect(output).toHaveLength(7);
		for (const record of output) {
			expect(record.json.severity).toBe(3);
			expect(record.pairedItem).toEqual({ item: 0 });
		}
		const [request] = apiRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: '/api/elasticsearch/search',
			query: { indexPattern: 'alert-*', page: '1', size: '7', sort: '@timestamp,desc' },
			body: [{ field: 'severity', operator: 'IS', value: '3' }],
		});
		expect(apiRequests()).toHaveLength(1);
		const stamps = output.map((record) => Date.parse(String(record.json['@timestamp'])));
		expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
	});

	test('Return All walks @timestamp: each query starts at the last time read, each alert once', async () => {
		const output = await run({ ...search, returnAll: true });
		expect(output).toHaveLength(2500);
		expect(new Set(output.map((record) => record.json.id)).size).toBe(2500);
		const requests = apiRequests();
		expect(requests.map((request) => [request.query.page, request.query.size])).toEqual([
			['1', '1000'],
			['1', '1000'],
			['1', '1000'],
		]);
		expect(requests[0].body).toEqual([]);
		expect(requests[1].body).toEqual([
			{
				field: '@timestamp',
				operator: 'IS_LESS_THAN_OR_EQUALS',
				value: output[999].json['@timestamp'],
			},
		]);
		const bounds = requests
			.slice(1)
			.map((request) => Date.parse(String((request.body as Array<{ value: string }>)[0].value)));
		expect(bounds[1]).toBeLessThanOrEqual(bounds[0]);
	});

	test('Is In Fields: one text searched in every field, no Field needed (UTMStack reads the value as one text)', async () => {
		const output = await run({
			...search,
			filters: { filter: [{ field: '', operator: 'IS_IN_FIELDS', value: 'fileserver' }] },
			returnAll: true,
		});
		expect(output.length).toBeGreaterThan(0);
		expect(output.every((record) => JSON.stringify(record.json).includes('fileserver'))).toBe(true);
		expect(apiRequests()[0].body).toEqual([
			{ field: '', operator: 'IS_IN_FIELDS', value: 'fileserver' },
		]);
		// a blank Field stays refused, before any request, for an operator that reads it
		simulator.resetStats();
		const error = await runError({
			...search,
			filters: { filter: [{ field: '', operator: 'IS', value: '3' }] },
		});
		expect(error.message).toBe('Filter 1: the "Field" parameter is empty');
		expect(apiRequests()).toHaveLength(0);
	});

	test('zero hits: one request, no items (UTMStack sends no headers then)', async () => {
		const output = await run({
			...search,
			filters: { filter: [{ field: 'name', operator: 'IS', value: 'no such alert name' }] },
			returnAll: true,
		});
		expect(output).toHaveLength(0);
		expect(apiRequests()).toHaveLength(1);
	});

	test('a list operator sends a list, a range sends two values, exists sends none', async () => {
		await run({
			...search,
			limit: 1,
			filters: {
				filter: [
					{ field: 'severity', operator: 'IS_ONE_OF', value: '2, 3' },
					{ field: 'severity', operator: 'IS_BETWEEN', value: '1', valueTo: '3' },
					{ field: 'name', operator: 'EXIST' },
				],
			},
		});
		expect(apiRequests()[0].body).toEqual([
			{ field: 'severity', operator: 'IS_ONE_OF', value: ['2', '3'] },
			{ field: 'severity', operator: 'IS_BETWEEN', value: ['1', '3'] },
			{ field: 'name', operator: 'EXIST', value: null },
		]);
	});

	test('a relative time range filters @timestamp from that moment until now', async () => {
		const output = await run({
			...search,
			timeRange: 'relative',
			since: 'now-24h',
			returnAll: true,
		});
		expect(apiRequests()[0].body).toEqual([
			{ field: '@timestamp', operator: 'IS_BETWEEN', value: ['now-24h', 'now'] },
		]);
		const dayAgo = Date.now() - 24 * 3600_000 - 60_000;
		for (const record of output)
			expect(Date.parse(String(record.json['@timestamp']))).toBeGreaterThanOrEqual(dayAgo);
	});

	test.each([
		[
			{ filters: { filter: [{ field: 'severity', operator: 'IS_ONE_OF', value: ' , ' }] } },
			'Filter 1: the "Value" parameter needs at least one value',
		],
		[
			{ filters: { filter: [{ field: 'severity', operator: 'IS_BETWEEN', value: '1' }] } },
			'Filter 1: "Is Between" needs both "Value" and "Up To"',
		],
		[
			{ filters: { filter: [{ field: '', operator: 'IS', value: '1' }] } },
			'Filter 1: the "Field" parameter is empty',
		],
		[
			{ filters: { filter: [{ field: 'name', operator: 'IS', value: '' }] } },
			'Filter 1: the "Value" parameter is needed for "Is"',
		],
		[
			{ timeRange: 'relative', since: 'yesterday' },
			'The "Since" parameter "yesterday" is not a relative time like now-24h',
		],
		[
			{ timeRange: 'absolute', from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
			'The "From" parameter is after the "To" parameter',
		],
		[{ indexPattern: ' ' }, 'The "Index Pattern" parameter is empty'],
	])('bad parameters fail before any request: %j', async (parameters, message) => {
		const error = await runError({ ...search, ...parameters });
		expect(error.message).toContain(message);
		expect(simulator.requestLog).toHaveLength(0);
	});

	test("UTMStack's own error (X-UtmStack-error) is quoted", async () => {
		const error = await runError({
			resource: 'incident',
			operation: 'addNote',
			incidentId: '987654',
			note: 'x',
		});
		expect(error.message).toBe('UTMStack has no incident 987654');
		expect(error.description).toContain(
			'UTMStack said: "UtmIncidentNoteResource.createUtmIncidentNote: could not execute statement; violates foreign key constraint',
		);
		expect(apiRequests()[0].status).toBe(500);
	});

	test('severities and statuses by name select the same alerts as the raw filters', async () => {
		const byName = await run({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'alert-*',
			severities: [3],
			statuses: [2, 3],
			returnAll: true,
		});
		const raw = await run({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'alert-*',
			filters: {
				filter: [
					{ field: 'severity', operator: 'IS', value: '3' },
					{ field: 'status', operator: 'IS_ONE_OF', value: '2, 3' },
				],
			},
			returnAll: true,
		});
		expect(byName.length).toBeGreaterThan(0);
		expect(
			byName.every(
				(alert) => alert.json.severity === 3 && [2, 3].includes(alert.json.status as number),
			),
		).toBe(true);
		expect(byName.map((alert) => alert.json.id)).toEqual(raw.map((alert) => alert.json.id));
	});

	test('log search uses the log-* pattern', async () => {
		const output = await run({
			resource: 'log',
			operation: 'search',
			indexPattern: 'log-*',
			limit: 3,
		});
		expect(output).toHaveLength(3);
		expect(apiRequests()[0].query.indexPattern).toBe('log-*');
	});
});

describe('alert updates', () => {
	test('updateStatus sends ids, status and observation', async () => {
		const alerts = await run({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'alert-*',
			limit: 2,
		});
		const [a1, a2] = alerts.map((alert) => String(alert.json.id));
		simulator.resetStats();
		const output = await run({
			resource: 'alert',
			operation: 'updateStatus',
			alertIds: `${a1}, ${a2}`,
			status: 5,
			observation: 'closed by n8n',
		});
		// First a look that both alerts exist (UTMStack would answer success for an id it does not have), then the change.
		expect(apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: '/api/elasticsearch/search',
			body: [{ field: 'id', operator: 'IS_ONE_OF', value: [a1, a2] }],
		});
		expect(apiRequests()[1]).toMatchObject({
			method: 'POST',
			path: '/api/utm-alerts/status',
			body: { alertIds: [a1, a2], status: 5, statusObservation: 'closed by n8n' },
		});
		expect(output[0].json).toEqual({
			success: true,
			alertIds: [a1, a2],
			status: 5,
			statusLabel: 'Completed',
		});
	});

	test('updateStatus without ids fails before any request', async () => {
		const error = await runError({
			resource: 'alert',
			operation: 'updateStatus',
			alertIds: ' ',
			status: 5,
		});
		expect(error.message).toBe('The "Alert IDs" parameter must list at least one ID');
		expect(simulator.requestLog).toHaveLength(0);
	});

	test('addNote sends the note as the raw body, setTags replaces the tags', async () => {
		const [alert] = await run({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'alert-*',
			limit: 1,
		});
		simulator.resetStats();
		await run({
			resource: 'alert',
			operation: 'addNote',
			alertId: alert.json.id,
			note: 'seen by n8n',
		});
		await run({
			resource: 'alert',
			operation: 'setTags',
			alertIds: alert.json.id,
			tags: 'n8n, triaged',
		});
		const changes = apiRequests().filter((request) => request.path !== '/api/elasticsearch/search');
		expect(changes[0]).toMatchObject({
			path: '/api/utm-alerts/notes',
			query: { alertId: alert.json.id },
			body: 'seen by n8n',
		});
		expect(changes[1]).toMatchObject({
			path: '/api/utm-alerts/tags',
			body: { alertIds: [alert.json.id], tags: ['n8n', 'triaged'], createRule: false },
		});
	});
});

describe('incidents', () => {
	test('create from input items, get, add a note, update the status (read, then write back), list', async () => {
		const alerts = await run({
			resource: 'alert',
			operation: 'search',
			indexPattern: 'alert-*',
			limit: 2,
			filters: { filter: [{ field: 'isIncident', operator: 'IS', value: 'false' }] },
		});
		const [created] = await run(
			{ resource: 'incident', operation: 'create', name: 'Raised by n8n', alertSource: 'input' },
			[alerts[0]],
		);
		expect(created.json.incidentName).toBe('Raised by n8n');
		const id = String(created.json.id);
		simulator.resetStats();
		await run({
			resource: 'incident',
			operation: 'addAlerts',
			incidentId: id,
			alertSource: 'ids',
			alertIds: alerts[1].json.id,
		});
		const [note] = await run({
			resource: 'incident',
			operation: 'addNote',
			incidentId: id,
			note: 'investigating',
		});
		const [updated] = await run({
			resource: 'incident',
			operation: 'updateStatus',
			incidentId: id,
			status: 'IN_REVIEW',
		});
		const [read] = await run({ resource: 'incident', operation: 'get', incidentId: id });
		expect(note.json.noteText).toBe('investigating');
		expect(updated.json.incidentStatus).toBe('IN_REVIEW');
		expect(read.json.incidentStatus).toBe('IN_REVIEW');
		expect(apiRequests().map((request) => `${request.method} ${request.route}`)).toEqual([
			'POST /api/elasticsearch/search',
			'POST /api/utm-incidents/add-alerts',
			// the alert is marked as part of the incident, as UTMStack's own screens do
			'POST /api/utm-alerts/convert-to-incident',
			'POST /api/utm-incident-notes',
			'GET /api/utm-incidents/:id',
			'PUT /api/utm-incidents/change-status',
			'GET /api/utm-incidents/:id',
		]);
	});

	test('getMany pages through every incident once; Limit reads one page', async () => {
		const all = await run({ resource: 'incident', operation: 'getMany', returnAll: true });
		expect(all.length).toBeGreaterThan(0);
		expect(new Set(all.map((record) => record.json.id)).size).toBe(all.length);
		simulator.resetStats();
		const some = await run({ resource: 'incident', operation: 'getMany', limit: 2 });
		expect(some).toHaveLength(Math.min(2, all.length));
		expect(apiRequests()).toHaveLength(1);
		expect(apiRequests()[0].query).toMatchObject({ page: '0', size: '2' });
	});

	test('an unknown incident gives a readable error', async () => {
		const error = await runError({ resource: 'incident', operation: 'get', incidentId: '999999' });
		expect(error.message).toBe('UTMStack has no incident 999999');
	});

	test('a non-numeric incident id fails before any request', async () => {
		const error = await runError({ resource: 'incident', operation: 'get', incidentId: 'abc' });
		expect(error.message).toBe('The "Incident ID" parameter "abc" is not an incident number');
		expect(simulator.requestLog).toHaveLength(0);
	});
});

test('current user', async () => {
	const [user] = await run({ resource: 'user', operation: 'getCurrent' });
	expect(user.json.login).toBe(UTMSTACK.username);
});

test('Continue On Fail: a bad item returns its error, the others succeed, one login for the run', async () => {
	harness.stored(CREDENTIAL).sessionToken = '';
	simulator.resetStats();
	const items = [item({ id: '1' }), item({ id: 'x' }), item({ id: '2' })];
	const output = await run(
		{
			resource: 'incident',
			operation: 'get',
			incidentId: '={{ $json.id === "x" ? "abc" : "999999" }}',
		},
		items,
		true,
	);
	expect(output).toHaveLength(3);
	expect(output.map((record) => record.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
	]);
	expect(output[1].json.error).toBe('The "Incident ID" parameter "abc" is not an incident number');
	expect(simulator.stats.logins).toBe(1);
});
