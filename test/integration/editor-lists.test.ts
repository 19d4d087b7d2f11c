import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { StellarCyberTrigger } from '../../nodes/StellarCyberTrigger/StellarCyberTrigger.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { UtmStackTrigger } from '../../nodes/UtmStackTrigger/UtmStackTrigger.node';
import { idsOf, nodeRuns } from '../helpers/node-runs';
import { ECE, IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';
import type { RunningSimulator } from '../simulators';

/**
 * The editor's lists ("From List" of a record id, dropdowns loaded from the platform), called as n8n's
 * dynamic-node-parameters service calls them, against the simulators, through the nodes' own request
 * path; and version 2 of each node reading a picked id, version 1 its old text field.
 */

const { simulator, run, runError, list } = nodeRuns();

type Sim = { sim: RunningSimulator; credentials: Record<string, string> };
let utm: Sim;
let utmWrong: Sim;
let stellar: Sim;
let immuta: Sim;
let ece: Sim;

beforeAll(async () => {
	utm = await simulator(
		'utmstack',
		{ alertCount: 30, logCount: 0 },
		{ authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password },
		'utmStackApi',
	);
	utmWrong = await simulator(
		'utmstack',
		{ alertCount: 5, logCount: 0 },
		{ authMethod: 'password', username: UTMSTACK.username, password: 'not-the-password-9' },
		'utmStackApi',
	);
	stellar = await simulator(
		'stellarcyber',
		{ caseCount: 250 },
		{ keyType: 'legacy', email: STELLAR.email, apiKey: STELLAR.legacyApiKey },
		'stellarCyberApi',
	);
	immuta = await simulator(
		'immuta',
		{ dataSourceCount: 120 },
		{ authMethod: 'apiKey', apiKey: IMMUTA.apiKey },
		'immutaApi',
	);
	ece = await simulator(
		'ece',
		{},
		{ authMethod: 'apiKey', apiKey: ECE.apiKey },
		'elasticCloudEnterpriseApi',
	);
	utm.sim.control('/__sim/incidents', { count: 118 });
});

const values = (page: INodeListSearchResult) => page.results.map((result) => String(result.value));

describe('Stellar Cyber', () => {
	test('cases "From List": the newest first, a page at a time with no overlap, searchable by name', async () => {
		const first = await list<INodeListSearchResult>(
			new StellarCyber(),
			'listSearch',
			'searchCases',
			stellar.credentials,
		);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		expect(values(first).every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
		const second = await list<INodeListSearchResult>(
			new StellarCyber(),
			'listSearch',
			'searchCases',
			stellar.credentials,
			{},
			{ paginationToken: first.paginationToken },
		);
		expect(second.results).toHaveLength(100);
		expect(values(second).filter((id) => values(first).includes(id))).toEqual([]);
		const [newest] = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', sort: 'created_at', order: 'desc', limit: 1 },
			stellar.credentials,
		);
		expect(values(first)[0]).toBe(newest.json._id);

		const name = String(newest.json.name);
		const searched = await list<INodeListSearchResult>(
			new StellarCyber(),
			'listSearch',
			'searchCases',
			stellar.credentials,
			{},
			{ filter: name.slice(0, 12) },
		);
		expect(values(searched)).toContain(newest.json._id);
		expect(
			searched.results.every((result) =>
				result.name.toLowerCase().includes(name.slice(0, 12).toLowerCase()),
			),
		).toBe(true);
	});

	test('tenants load by name, for the case filter and the trigger', async () => {
		const cases = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', sort: 'created_at', order: 'desc', limit: 100 },
			stellar.credentials,
		);
		for (const node of [new StellarCyber(), new StellarCyberTrigger()]) {
			const tenants = await list<INodePropertyOptions[]>(
				node,
				'loadOptions',
				'getTenants',
				stellar.credentials,
			);
			expect(tenants.length).toBeGreaterThan(1);
			expect(tenants.map((tenant) => tenant.name)).toEqual(
				[...tenants.map((tenant) => tenant.name)].sort((a, b) => a.localeCompare(b)),
			);
			for (const record of cases)
				expect(tenants).toContainEqual({
					name: record.json.tenant_name,
					value: record.json.cust_id,
				});
		}
	});

	test('users load for the case assignee by email, each with the user id a case holds; a picked one is sent', async () => {
		const users = await list<INodePropertyOptions[]>(
			new StellarCyber(),
			'loadOptions',
			'getUsers',
			stellar.credentials,
		);
		const cases = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', sort: 'created_at', order: 'desc', limit: 200 },
			stellar.credentials,
		);
		const assignees = new Set(
			cases.map((record) => String(record.json.assignee)).filter((name) => name !== ''),
		);
		expect(assignees.size).toBeGreaterThan(0);
		for (const name of assignees) expect(users.map((user) => user.value)).toContain(name);
		stellar.sim.resetStats();
		const [updated] = await run(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'update',
				caseId: cases[0].json._id,
				updateFields: { assignee: users[0].value },
			},
			stellar.credentials,
		);
		expect(updated.json.assignee).toBe(users[0].value);
	});

	test('version 2 reads a case picked from the list; version 1 its text field', async () => {
		const [newest] = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', sort: 'created_at', order: 'desc', limit: 1 },
			stellar.credentials,
		);
		const [picked] = await run(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'get',
				caseId: { __rl: true, mode: 'list', value: newest.json._id },
			},
			stellar.credentials,
		);
		expect(picked.json._id).toBe(newest.json._id);
		const [typed] = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'get', caseId: newest.json._id },
			stellar.credentials,
			1,
		);
		expect(typed.json._id).toBe(newest.json._id);
	});

	test('alerts "From List": the newest of the Index first, a page at a time, searched on the platform by name, host or id', async () => {
		const newest = await run(
			new StellarCyber(),
			{ resource: 'alert', operation: 'search', query: '*', limit: 200 },
			stellar.credentials,
		);
		const first = await list<INodeListSearchResult>(
			new StellarCyber(),
			'listSearch',
			'searchAlerts',
			stellar.credentials,
			{ resource: 'alert', operation: 'update' },
		);
		expect(first.results).toHaveLength(100);
		expect(values(first)).toEqual(idsOf(newest, '_id').slice(0, 100));
		const second = await list<INodeListSearchResult>(
			new StellarCyber(),
			'listSearch',
			'searchAlerts',
			stellar.credentials,
			{},
			{ paginationToken: first.paginationToken },
		);
		expect(values(second)).toEqual(idsOf(newest, '_id').slice(100, 200));
		expect(first.results[0].name).toContain(
			String(
				(newest[0].json._source as { xdr_event: { display_name: string } }).xdr_event.display_name,
			),
		);

		stellar.sim.resetStats();
		const brute = await list<INodeListSearchResult>(
			new StellarCyber(),
			'listSearch',
			'searchAlerts',
			stellar.credentials,
			{},
			{ filter: 'brute' },
		);
		expect(brute.results.length).toBeGreaterThan(0);
		expect(brute.results.every((result) => result.name.startsWith('External Brute Forcer'))).toBe(
			true,
		);
		expect(stellar.sim.stats.byEndpoint['POST /connect/api/data/:index/_search']).toBe(1);
		const byId = await list<INodeListSearchResult>(
			new StellarCyber(),
			'listSearch',
			'searchAlerts',
			stellar.credentials,
			{},
			{ filter: String(newest[150].json._id) },
		);
		expect(values(byId)).toEqual([newest[150].json._id]);

		const oneIndex = String(newest[150].json._index);
		const inIndex = await list<INodeListSearchResult>(
			new StellarCyber(),
			'listSearch',
			'searchAlerts',
			stellar.credentials,
			{ index: oneIndex },
		);
		const expected = newest
			.filter((alert) => alert.json._index === oneIndex)
			.map((alert) => String(alert.json._id));
		expect(values(inIndex).slice(0, expected.length)).toEqual(expected);
	});

	test('an alert picked from the list is updated in its own index, found from the pattern; an unknown id changes nothing', async () => {
		const alerts = await run(
			new StellarCyber(),
			{ resource: 'alert', operation: 'search', query: '*', limit: 300 },
			stellar.credentials,
		);
		const indices = new Set(alerts.map((alert) => String(alert.json._index)));
		expect(indices.size).toBeGreaterThan(1);
		const target = alerts[250].json;
		stellar.sim.resetStats();
		await run(
			new StellarCyber(),
			{
				resource: 'alert',
				operation: 'update',
				alertId: { __rl: true, mode: 'list', value: target._id },
				updateFields: { status: 'Ignored', tagsToAdd: 'picked' },
			},
			stellar.credentials,
		);
		expect(stellar.sim.stats.byEndpoint['POST /connect/api/v1/security_events/:index/:id']).toBe(1);
		const [after] = await run(
			new StellarCyber(),
			{
				resource: 'alert',
				operation: 'search',
				query: `_id:${String(target._id)} OR event_tags:picked`,
				limit: 10,
			},
			stellar.credentials,
		);
		expect(after.json._id).toBe(target._id);
		expect((after.json._source as Record<string, unknown>).event_status).toBe('Ignored');

		stellar.sim.resetStats();
		const missing = await runError(
			new StellarCyber(),
			{
				resource: 'alert',
				operation: 'update',
				alertId: { __rl: true, mode: 'id', value: 'no-such-alert-0001' },
				updateFields: { status: 'Closed' },
			},
			stellar.credentials,
		);
		expect(missing.message).toBe('Stellar Cyber has no alert no-such-alert-0001 in aella-ser-*');
		expect(missing.description).toContain('Nothing was changed');
		expect(
			stellar.sim.stats.byEndpoint['POST /connect/api/v1/security_events/:index/:id'],
		).toBeUndefined();

		const [v1] = await run(
			new StellarCyber(),
			{
				resource: 'alert',
				operation: 'update',
				index: target._index,
				alertId: target._id,
				updateFields: { status: 'Closed' },
			},
			stellar.credentials,
			1,
		);
		expect(v1.json).toMatchObject({ _id: target._id, _index: target._index });
		expect(stellar.sim.stats.byEndpoint['POST /connect/api/data/:index/_search']).toBe(1);
	});
});

describe('UTMStack', () => {
	test('incidents "From List": newest first, by name, a page at a time', async () => {
		const first = await list<INodeListSearchResult>(
			new UtmStack(),
			'listSearch',
			'searchIncidents',
			utm.credentials,
		);
		expect(first.results).toHaveLength(50);
		const ids = values(first).map(Number);
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
		const second = await list<INodeListSearchResult>(
			new UtmStack(),
			'listSearch',
			'searchIncidents',
			utm.credentials,
			{},
			{ paginationToken: first.paginationToken },
		);
		expect(Math.max(...values(second).map(Number))).toBeLessThan(Math.min(...ids));

		const [incident] = await run(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'get',
				incidentId: { __rl: true, mode: 'list', value: String(ids[0]) },
			},
			utm.credentials,
		);
		const word = String(incident.json.incidentName).split(' ').at(-1) as string;
		const searched = await list<INodeListSearchResult>(
			new UtmStack(),
			'listSearch',
			'searchIncidents',
			utm.credentials,
			{},
			{ filter: word },
		);
		expect(values(searched)).toContain(String(ids[0]));
		expect(
			searched.results.every((result) => result.name.toLowerCase().includes(word.toLowerCase())),
		).toBe(true);
	});

	test('index patterns load from UTMStack: alert patterns for the alert search and the trigger, the others for the log search, each list starting with its default', async () => {
		const alertLists = [
			await list<INodePropertyOptions[]>(
				new UtmStack(),
				'loadOptions',
				'getIndexPatterns',
				utm.credentials,
				{
					resource: 'alert',
					operation: 'search',
				},
			),
			await list<INodePropertyOptions[]>(
				new UtmStackTrigger(),
				'loadOptions',
				'getIndexPatterns',
				utm.credentials,
			),
		];
		for (const patterns of alertLists) {
			const values = patterns.map((pattern) => String(pattern.value));
			expect(values[0]).toBe('alert-*,v11-alert-*');
			expect(values).toContain('alert-*');
			expect(values.filter((value) => /log-/.test(value))).toEqual([]);
		}
		const logs = await list<INodePropertyOptions[]>(
			new UtmStack(),
			'loadOptions',
			'getIndexPatterns',
			utm.credentials,
			{
				resource: 'log',
				operation: 'search',
			},
		);
		const logValues = logs.map((pattern) => String(pattern.value));
		expect(logValues[0]).toBe('log-*,v11-log-*');
		expect(logValues).toContain('log-*');
		expect(logValues.filter((value) => /(^|,)alert-/.test(value))).toEqual([]);
		expect(logValues.length).toBeGreaterThan(2);
	});

	test('alerts "From List": the newest first, by name, a page at a time; a picked one gets the note', async () => {
		const first = await list<INodeListSearchResult>(
			new UtmStack(),
			'listSearch',
			'searchAlerts',
			utm.credentials,
		);
		expect(first.results).toHaveLength(50);
		const newest = await run(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'search',
				indexPattern: 'alert-*',
				sortField: '@timestamp',
				sortDirection: 'desc',
				limit: 50,
			},
			utm.credentials,
		);
		expect(new Set(values(first))).toEqual(new Set(newest.map((alert) => String(alert.json.id))));
		const second = await list<INodeListSearchResult>(
			new UtmStack(),
			'listSearch',
			'searchAlerts',
			utm.credentials,
			{},
			{ paginationToken: first.paginationToken },
		);
		expect(values(second).filter((id) => values(first).includes(id))).toEqual([]);
		const word = String(newest[0].json.name).split(' ')[0];
		const searched = await list<INodeListSearchResult>(
			new UtmStack(),
			'listSearch',
			'searchAlerts',
			utm.credentials,
			{},
			{ filter: word },
		);
		expect(values(searched)).toContain(String(newest[0].json.id));
		for (const result of searched.results)
			expect(result.name.toLowerCase()).toContain(word.toLowerCase());
		utm.sim.resetStats();
		await run(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'addNote',
				alertId: { __rl: true, mode: 'list', value: values(first)[0] },
				note: 'picked',
			},
			utm.credentials,
		);
		expect(
			utm.sim.requestLog.find((entry) => entry.path === '/api/utm-alerts/notes')?.query,
		).toMatchObject({ alertId: values(first)[0] });
	});

	test('users load for the incident assignee by name and login, each with its user id; a picked one is sent', async () => {
		const users = await list<INodePropertyOptions[]>(
			new UtmStack(),
			'loadOptions',
			'getUsers',
			utm.credentials,
		);
		const picked = users.find((user) => String(user.name).includes(`(${UTMSTACK.username})`));
		expect(picked?.value).toBe('3');
		utm.sim.resetStats();
		const unlinked = { filter: [{ field: 'isIncident', operator: 'IS', value: 'false' }] };
		const [alert] = await run(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'search',
				indexPattern: 'alert-*',
				filters: unlinked,
				limit: 1,
			},
			utm.credentials,
		);
		const [incident] = await run(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'create',
				name: 'Assigned from a list',
				alertSource: 'ids',
				alertIds: String(alert.json.id),
				additionalFields: { assignee: picked?.value },
			},
			utm.credentials,
		);
		expect(incident.json.incidentAssignedTo).toBe('3');
	});

	test('a list goes through the same login: a wrong password is the refusal, tried once', async () => {
		utmWrong.sim.resetStats();
		for (let attempt = 0; attempt < 2; attempt++) {
			const error = await list<INodeListSearchResult>(
				new UtmStack(),
				'listSearch',
				'searchIncidents',
				utmWrong.credentials,
			).then(
				() => undefined,
				(failure: Error) => failure,
			);
			expect(error?.message).toBe('UTMStack rejected the login: wrong username or password');
		}
		expect(utmWrong.sim.stats.logins).toBe(1);
	});
});

describe('Elastic Cloud Enterprise', () => {
	test('deployments "From List", searchable by name; Elasticsearch resources of the one chosen', async () => {
		const all = await list<INodeListSearchResult>(
			new ElasticCloudEnterprise(),
			'listSearch',
			'searchDeployments',
			ece.credentials,
		);
		const deployments = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'getMany', returnAll: true },
			ece.credentials,
		);
		expect(values(all).sort()).toEqual(
			deployments.map((deployment) => String(deployment.json.id)).sort(),
		);
		// each with its health, as ECE's search states it, for a person choosing what to restart
		const searched0 = await run(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'search',
				returnAll: true,
				queryType: 'queryString',
				query: '',
			},
			ece.credentials,
		);
		for (const deployment of searched0) {
			const entry = all.results.find((result) => result.value === deployment.json.id);
			expect(entry?.name).toMatch(
				deployment.json.healthy === true ? /, healthy\)$/ : /, unhealthy\)$/,
			);
		}
		expect(all.results.some((result) => /, unhealthy\)$/.test(result.name))).toBe(true);
		const [chosen] = deployments;
		const searched = await list<INodeListSearchResult>(
			new ElasticCloudEnterprise(),
			'listSearch',
			'searchDeployments',
			ece.credentials,
			{},
			{ filter: String(chosen.json.name) },
		);
		expect(values(searched)).toEqual([chosen.json.id]);

		const deploymentId = { __rl: true, mode: 'list', value: chosen.json.id };
		const resources = await list<INodePropertyOptions[]>(
			new ElasticCloudEnterprise(),
			'loadOptions',
			'getElasticsearchResources',
			ece.credentials,
			{ resource: 'deployment', operation: 'restartElasticsearch', deploymentId },
		);
		const [full] = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'get', deploymentId },
			ece.credentials,
		);
		const expected = (
			(full.json.resources as { elasticsearch: Array<{ ref_id: string }> }).elasticsearch ?? []
		).map((resource) => resource.ref_id);
		// a deployment of one resource: the empty value first, named for the resource it stands for
		expect(resources.map((resource) => resource.value)).toEqual(
			expected.length === 1 ? ['', ...expected] : expected,
		);
		expect(expected.length).toBeGreaterThan(0);
		if (expected.length === 1) expect(resources[0].name).toBe(`Its Only One (${expected[0]})`);
		// before a deployment is picked, the list says so
		const none = await list<INodePropertyOptions[]>(
			new ElasticCloudEnterprise(),
			'loadOptions',
			'getElasticsearchResources',
			ece.credentials,
			{
				resource: 'deployment',
				operation: 'restartElasticsearch',
				deploymentId: { __rl: true, mode: 'list', value: '' },
			},
		);
		expect(none).toEqual([{ name: 'Pick a Deployment First', value: '' }]);
	});
	test('allocators and API keys "From List", searchable; a picked allocator and key are used', async () => {
		const allocators = await list<INodeListSearchResult>(
			new ElasticCloudEnterprise(),
			'listSearch',
			'searchAllocators',
			ece.credentials,
		);
		const listed = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'allocator', operation: 'getMany', returnAll: true },
			ece.credentials,
		);
		expect(values(allocators).sort()).toEqual(
			listed.map((allocator) => String(allocator.json.allocator_id)).sort(),
		);
		const [picked] = allocators.results;
		const searched = await list<INodeListSearchResult>(
			new ElasticCloudEnterprise(),
			'listSearch',
			'searchAllocators',
			ece.credentials,
			{},
			{ filter: String(picked.value) },
		);
		expect(values(searched)).toEqual([picked.value]);
		const [allocator] = await run(
			new ElasticCloudEnterprise(),
			{
				resource: 'allocator',
				operation: 'get',
				allocatorId: { __rl: true, mode: 'list', value: picked.value },
			},
			ece.credentials,
		);
		expect(allocator.json.allocator_id).toBe(picked.value);

		const [created] = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'apiKey', operation: 'create', description: 'picked from a list' },
			ece.credentials,
		);
		const keys = await list<INodeListSearchResult>(
			new ElasticCloudEnterprise(),
			'listSearch',
			'searchApiKeys',
			ece.credentials,
			{},
			{ filter: 'picked from' },
		);
		expect(values(keys)).toEqual([String(created.json.id)]);
		expect(JSON.stringify(keys)).not.toContain(String(created.json.key));
		const [deleted] = await run(
			new ElasticCloudEnterprise(),
			{
				resource: 'apiKey',
				operation: 'delete',
				apiKeyId: { __rl: true, mode: 'list', value: values(keys)[0] },
			},
			ece.credentials,
		);
		expect(deleted.json).toEqual({ deleted: true, apiKeyId: created.json.id });
	});
});

describe('Immuta', () => {
	test('data sources and projects "From List": searched by name on Immuta, a page at a time', async () => {
		const first = await list<INodeListSearchResult>(
			new Immuta(),
			'listSearch',
			'searchDataSources',
			immuta.credentials,
		);
		expect(first.results).toHaveLength(50);
		const second = await list<INodeListSearchResult>(
			new Immuta(),
			'listSearch',
			'searchDataSources',
			immuta.credentials,
			{},
			{ paginationToken: first.paginationToken },
		);
		const third = await list<INodeListSearchResult>(
			new Immuta(),
			'listSearch',
			'searchDataSources',
			immuta.credentials,
			{},
			{ paginationToken: second.paginationToken },
		);
		const everyId = [...values(first), ...values(second), ...values(third)];
		expect(new Set(everyId).size).toBe(120);
		expect(third.paginationToken).toBeUndefined();

		const [source] = await run(
			new Immuta(),
			{
				resource: 'dataSource',
				operation: 'get',
				dataSourceId: { __rl: true, mode: 'list', value: values(first)[0] },
			},
			immuta.credentials,
		);
		const word = String(source.json.name).slice(0, 6);
		const searched = await list<INodeListSearchResult>(
			new Immuta(),
			'listSearch',
			'searchDataSources',
			immuta.credentials,
			{},
			{ filter: word },
		);
		expect(values(searched)).toContain(String(source.json.id));
		const search = immuta.sim.requestLog.filter((entry) => entry.path === '/dataSource').at(-1);
		expect(search?.query.searchText).toBe(word);

		const projects = await list<INodeListSearchResult>(
			new Immuta(),
			'listSearch',
			'searchProjects',
			immuta.credentials,
		);
		expect(projects.results.length).toBeGreaterThan(0);
	});

	test('a typed id that is not a number still fails before any request', async () => {
		immuta.sim.resetStats();
		const error = await runError(
			new Immuta(),
			{
				resource: 'dataSource',
				operation: 'get',
				dataSourceId: { __rl: true, mode: 'id', value: 'abc' },
			},
			immuta.credentials,
		);
		expect(error.message).toBe(
			'The "Data Source ID" parameter "abc" is not an Immuta ID (a number)',
		);
		expect(immuta.sim.requestLog).toHaveLength(0);
	});
});
