import type { INodePropertyOptions } from 'n8n-workflow';

import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { nodeRuns } from '../helpers/node-runs';
import { UTMSTACK } from '../simulators/fixtures';
import type { RunningSimulator } from '../simulators';

/**
 * UTMStack as its source answers (docs/provenance/utmstack.md): v11's index names, one notes text per
 * alert, the NOT NULL incident description, assignees as user ids, a missing incident as a 500, and
 * index patterns' `active`.
 */

const { simulator, run, runError, list } = nodeRuns();

type Sim = { sim: RunningSimulator; credentials: Record<string, string> };
let v11: Sim;

beforeAll(async () => {
	v11 = await simulator(
		'utmstack',
		{ alertCount: 60, logCount: 40, utmstackRelease: 'v11' },
		{ authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
		'utmStackApi',
	);
});

const sent = (route: string) =>
	v11.sim.requestLog.filter((request) => `${request.method} ${request.route}` === route);
const search = {
	resource: 'alert',
	operation: 'search',
	filters: {},
	timeRange: 'none',
	sortField: '@timestamp',
	sortDirection: 'desc',
};

test('on UTMStack 11 (v11-alert-*, v11-log-*) the default searches, alert Get and the alert picker find the alerts', async () => {
	const alerts = await run(new UtmStack(), { ...search, returnAll: true }, v11.credentials);
	expect(alerts).toHaveLength(60);
	const logs = await run(
		new UtmStack(),
		{
			resource: 'log',
			operation: 'search',
			filters: {},
			timeRange: 'none',
			sortField: '@timestamp',
			sortDirection: 'desc',
			returnAll: true,
		},
		v11.credentials,
	);
	expect(logs).toHaveLength(40);
	const [got] = await run(
		new UtmStack(),
		{
			resource: 'alert',
			operation: 'get',
			alertId: { __rl: true, mode: 'id', value: alerts[0].json.id },
		},
		v11.credentials,
	);
	expect(got.json.id).toBe(alerts[0].json.id);
	const picked = await list<{ results: Array<{ value: string }> }>(
		new UtmStack(),
		'listSearch',
		'searchAlerts',
		v11.credentials,
		{ resource: 'alert', operation: 'addNote' },
	);
	expect(picked.results.length).toBeGreaterThan(0);
	expect(
		sent('POST /api/elasticsearch/search').every(
			(request) =>
				String(request.query.indexPattern).split(',').includes('v11-alert-*') ||
				String(request.query.indexPattern).includes('v11-log-*'),
		),
	).toBe(true);
});

test('Add Note puts the note below the notes the alert has (UTMStack replaces the one notes text)', async () => {
	const [alert] = await run(new UtmStack(), { ...search, limit: 1 }, v11.credentials);
	const alertId = { __rl: true, mode: 'id', value: alert.json.id };
	await run(
		new UtmStack(),
		{ resource: 'alert', operation: 'addNote', alertId, note: 'first look: benign' },
		v11.credentials,
	);
	const [second] = await run(
		new UtmStack(),
		{ resource: 'alert', operation: 'addNote', alertId, note: 'confirmed by tier 2' },
		v11.credentials,
	);
	expect(second.json.notes).toBe('first look: benign\nconfirmed by tier 2');
	const [after] = await run(
		new UtmStack(),
		{ resource: 'alert', operation: 'get', alertId },
		v11.credentials,
	);
	expect(after.json.notes).toBe('first look: benign\nconfirmed by tier 2');
});

test('Update Status always sends the observation, empty when none is given (left out, UTMStack stores "null")', async () => {
	const [alert] = await run(new UtmStack(), { ...search, limit: 1 }, v11.credentials);
	v11.sim.resetStats();
	await run(
		new UtmStack(),
		{ resource: 'alert', operation: 'updateStatus', alertIds: String(alert.json.id), status: 3 },
		v11.credentials,
	);
	expect(sent('POST /api/utm-alerts/status')[0].body).toMatchObject({ statusObservation: '' });
});

test('Incident Create sends a description (NOT NULL) and assignees as user ids, picked or typed as a login', async () => {
	const [alert] = await run(new UtmStack(), { ...search, limit: 1 }, v11.credentials);
	const users = await list<INodePropertyOptions[]>(
		new UtmStack(),
		'loadOptions',
		'getUsers',
		v11.credentials,
	);
	expect(users.every((user) => /^\d+$/.test(String(user.value)))).toBe(true);
	v11.sim.resetStats();
	const [created] = await run(
		new UtmStack(),
		{
			resource: 'incident',
			operation: 'create',
			name: 'No description given',
			alertSource: 'ids',
			alertIds: String(alert.json.id),
			additionalFields: { assignee: UTMSTACK.username },
		},
		v11.credentials,
	);
	expect(sent('POST /api/utm-incidents')[0].body).toMatchObject({
		incidentDescription: '',
		incidentAssignedTo: '3',
	});
	expect(created.json.incidentAssignedTo).toBe('3');
	const unknown = await runError(
		new UtmStack(),
		{
			resource: 'incident',
			operation: 'create',
			name: 'Nobody',
			alertSource: 'ids',
			alertIds: String(alert.json.id),
			additionalFields: { assignee: 'no-such-login' },
		},
		v11.credentials,
	);
	expect(unknown.message).toBe('UTMStack has no user "no-such-login"');
});

test('an incident UTMStack does not have (its resource answers 500 "404 NOT_FOUND") is named as missing', async () => {
	const missing = await runError(
		new UtmStack(),
		{
			resource: 'incident',
			operation: 'get',
			incidentId: { __rl: true, mode: 'id', value: '99999' },
		},
		v11.credentials,
	);
	expect(missing.message).toBe('UTMStack has no incident 99999');
	const note = await runError(
		new UtmStack(),
		{
			resource: 'incident',
			operation: 'addNote',
			incidentId: { __rl: true, mode: 'id', value: '99999' },
			note: 'x',
		},
		v11.credentials,
	);
	expect(note.message).toBe('UTMStack has no incident 99999');
});

test('index patterns: the active ones (isActive.equals=true; the answer says `active`), with v11 names', async () => {
	v11.sim.resetStats();
	const patterns = await list<INodePropertyOptions[]>(
		new UtmStack(),
		'loadOptions',
		'getIndexPatterns',
		v11.credentials,
		{ resource: 'alert', operation: 'search' },
	);
	expect(patterns.map((pattern) => pattern.value)).toEqual(
		expect.arrayContaining(['alert-*,v11-alert-*', 'v11-alert-*']),
	);
	const logs = await list<INodePropertyOptions[]>(
		new UtmStack(),
		'loadOptions',
		'getIndexPatterns',
		v11.credentials,
		{ resource: 'log', operation: 'search' },
	);
	expect(logs.map((pattern) => pattern.value)).toEqual(expect.arrayContaining(['v11-log-*']));
	expect(sent('GET /api/utm-index-patterns')[0].query['isActive.equals']).toBe('true');
});

describe('UTMStack 11 repeats (child alerts, parentId set) as its console groups them', () => {
	const isRepeat = (alert: { json: Record<string, unknown> }) =>
		typeof alert.json.parentId === 'string' && alert.json.parentId !== '';

	test('search: every alert by default; with Leave Out Repeats, each first alert once and no repeat', async () => {
		const all = await run(new UtmStack(), { ...search, returnAll: true }, v11.credentials);
		const repeats = all.filter(isRepeat);
		expect(repeats.length).toBeGreaterThan(0);
		// a v11 alert names its two sides adversary and target, and a first alert holds parentId ""
		expect(all[0].json).toHaveProperty('adversary');
		expect(all.filter((alert) => alert.json.parentId === '').length).toBe(
			all.length - repeats.length,
		);
		const firsts = await run(
			new UtmStack(),
			{ ...search, returnAll: true, leaveOutRepeats: true },
			v11.credentials,
		);
		const ids = firsts.map((alert) => String(alert.json.id));
		expect(firsts.some(isRepeat)).toBe(false);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBe(all.length - repeats.length);
		// every repeat points at a first alert that is in the list
		for (const repeat of repeats) expect(ids).toContain(String(repeat.json.parentId));
	});

	test('a Limit counts first alerts only, in any sort order', async () => {
		for (const sortField of ['@timestamp', 'severity']) {
			const firsts = await run(
				new UtmStack(),
				{ ...search, sortField, returnAll: false, limit: 20, leaveOutRepeats: true },
				v11.credentials,
			);
			expect(firsts).toHaveLength(20);
			expect(firsts.some(isRepeat)).toBe(false);
		}
	});
});

describe("a filter's field picked from the index pattern's fields, as UTMStack lists them", () => {
	type Page = { results: Array<{ name: string; value: string }> };
	const fieldsOf = async (credentials: Record<string, string>, filter?: string) =>
		(
			await list<Page>(
				new UtmStack(),
				'listSearch',
				'searchIndexFields',
				credentials,
				{ resource: 'alert', operation: 'search', indexPattern: 'alert-*,v11-alert-*' },
				filter ? { filter } : {},
			)
		).results.map((result) => result.value);

	test("UTMStack 11 lists its alerts' sides as adversary and target, UTMStack 10 as source and destination", async () => {
		const v11Fields = await fieldsOf(v11.credentials);
		expect(v11Fields).toEqual(
			expect.arrayContaining(['adversary.ip', 'target.ip', 'parentId', 'severity']),
		);
		expect(v11Fields).not.toContain('source.ip');
		// alert-* has no index on UTMStack 11 (404): the other pattern's fields are the list
		expect(
			sent('GET /api/elasticsearch/index/properties').map((request) => request.status),
		).toEqual([404, 200]);
		const v10 = await simulator(
			'utmstack',
			{ alertCount: 20, logCount: 0 },
			{ authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
			'utmStackApi',
		);
		const v10Fields = await fieldsOf(v10.credentials);
		expect(v10Fields).toEqual(expect.arrayContaining(['source.ip', 'destination.ip']));
		expect(v10Fields).not.toContain('adversary.ip');
		expect(await fieldsOf(v11.credentials, 'ADVERSARY.I')).toEqual(
			expect.arrayContaining(['adversary.ip', 'adversary.ip.keyword']),
		);
	});

	test('a field picked from the list, one typed by name, and a saved version 2 text field all search alike', async () => {
		const picked = await run(
			new UtmStack(),
			{
				...search,
				returnAll: true,
				filters: {
					filter: [
						{ field: { __rl: true, mode: 'list', value: 'adversary.ip' }, operator: 'EXIST' },
					],
				},
			},
			v11.credentials,
		);
		const typed = await run(
			new UtmStack(),
			{
				...search,
				returnAll: true,
				filters: {
					filter: [
						{ field: { __rl: true, mode: 'name', value: 'adversary.ip' }, operator: 'EXIST' },
					],
				},
			},
			v11.credentials,
		);
		const saved = await run(
			new UtmStack(),
			{
				...search,
				returnAll: true,
				filters: { filter: [{ field: 'adversary.ip', operator: 'EXIST' }] },
			},
			v11.credentials,
			2,
		);
		expect(picked.length).toBeGreaterThan(0);
		expect(picked.every((alert) => (alert.json.adversary as { ip?: string } | undefined)?.ip)).toBe(
			true,
		);
		expect(typed.map((alert) => alert.json.id)).toEqual(picked.map((alert) => alert.json.id));
		expect(saved.map((alert) => alert.json.id)).toEqual(picked.map((alert) => alert.json.id));
		expect(sent('POST /api/elasticsearch/search').at(-1)?.body).toEqual([
			{ field: 'adversary.ip', operator: 'EXIST', value: null },
		]);
	});
});

describe('Sort By chosen from the index pattern (node version 4)', () => {
	type Page = { results: Array<{ name: string; value: string }> };

	test('the list: @timestamp first, Relevance, then the sortable fields UTMStack lists (a text field by its .keyword)', async () => {
		const page = await list<Page>(
			new UtmStack(),
			'listSearch',
			'searchSortFields',
			v11.credentials,
			{ resource: 'alert', operation: 'search', indexPattern: 'alert-*,v11-alert-*' },
		);
		const values = page.results.map((result) => result.value);
		expect(values.slice(0, 2)).toEqual(['@timestamp', '']);
		expect(values).toEqual(expect.arrayContaining(['severity', 'name.keyword']));
		// text fields sort through their keyword: the text itself is not offered
		expect(values).not.toContain('name');
		expect(values.filter((value) => value === '@timestamp')).toHaveLength(1);
	});

	test('a field picked from the list sorts the search as one typed in version 3', async () => {
		const base = {
			resource: 'alert',
			operation: 'search',
			indexPattern: 'v11-alert-*',
			sortDirection: 'desc',
			limit: 15,
		};
		const picked = await run(
			new UtmStack(),
			{ ...base, sortField: { __rl: true, mode: 'list', value: 'severity' } },
			v11.credentials,
		);
		const pickedSort = sent('POST /api/elasticsearch/search').at(-1)?.query.sort;
		const typed = await run(new UtmStack(), { ...base, sortField: 'severity' }, v11.credentials, 3);
		expect(pickedSort).toBe('severity,desc');
		expect(sent('POST /api/elasticsearch/search').at(-1)?.query.sort).toBe('severity,desc');
		expect(picked.map((alert) => alert.json.id)).toEqual(typed.map((alert) => alert.json.id));
		const severities = picked.map((alert) => Number(alert.json.severity));
		expect([...severities].sort((a, b) => b - a)).toEqual(severities);
	});
});
