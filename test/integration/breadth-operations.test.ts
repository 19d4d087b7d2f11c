import type { INodePropertyOptions } from 'n8n-workflow';

import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { StellarCyberTrigger } from '../../nodes/StellarCyberTrigger/StellarCyberTrigger.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { idsOf, nodeRuns } from '../helpers/node-runs';
import type { RunningSimulator } from '../simulators';

/**
 * The operations SOC engineers reach for next (issue "Breadth"), each against its simulator through
 * n8n-core: what is sent, what comes back, and the errors in the user's words.
 */

const { everyPlatform, run, runError, list, activate } = nodeRuns();

type Sim = { sim: RunningSimulator; credentials: Record<string, string> };
let utm: Sim;
let stellar: Sim;
let ece: Sim;
let immuta: Sim;

beforeAll(async () => {
	({
		utmstack: utm,
		stellarcyber: stellar,
		ece,
		immuta,
	} = await everyPlatform({
		utmstack: { alertCount: 40, logCount: 0 },
		stellarcyber: { caseCount: 120 },
		ece: { deploymentCount: 6 },
		immuta: { dataSourceCount: 10 },
	}));
});

const sent = (target: Sim, route: string) =>
	target.sim.requestLog.filter((request) => `${request.method} ${request.route}` === route);

describe('UTMStack', () => {
	test('alert: get one by id; an id UTMStack does not have is named', async () => {
		const [newest] = await run(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'search',
				limit: 1,
				sortField: '@timestamp',
				sortOrder: 'desc',
			},
			utm.credentials,
		);
		const [alert] = await run(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'get',
				alertId: { __rl: true, mode: 'id', value: newest.json.id },
			},
			utm.credentials,
		);
		expect(alert.json).toEqual(newest.json);
		const missing = await runError(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'get',
				alertId: { __rl: true, mode: 'id', value: 'no-such-alert-77' },
			},
			utm.credentials,
		);
		expect(missing.message).toBe('UTMStack has no alert no-such-alert-77');
	});

	test('incident: its notes, oldest first, every one once; a Limit; an incident that does not exist says so', async () => {
		const alerts = await run(
			new UtmStack(),
			{ resource: 'alert', operation: 'search', limit: 2 },
			utm.credentials,
		);
		const [incident] = await run(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'create',
				name: 'Notes test',
				alertSource: 'ids',
				alertIds: idsOf(alerts, 'id').join(','),
			},
			utm.credentials,
		);
		for (const text of ['first look', 'contained', 'closed out']) {
			await run(
				new UtmStack(),
				{
					resource: 'incident',
					operation: 'addNote',
					incidentId: { __rl: true, mode: 'id', value: String(incident.json.id) },
					note: text,
				},
				utm.credentials,
			);
		}
		const notes = await run(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'getNotes',
				incidentId: { __rl: true, mode: 'id', value: String(incident.json.id) },
				returnAll: true,
			},
			utm.credentials,
		);
		expect(notes.map((note) => note.json.noteText)).toEqual([
			'first look',
			'contained',
			'closed out',
		]);
		expect(new Set(idsOf(notes, 'id')).size).toBe(3);
		const two = await run(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'getNotes',
				incidentId: { __rl: true, mode: 'id', value: String(incident.json.id) },
				limit: 2,
			},
			utm.credentials,
		);
		expect(two.map((note) => note.json.noteText)).toEqual(['first look', 'contained']);
		const missing = await runError(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'getNotes',
				incidentId: { __rl: true, mode: 'id', value: '999999' },
				returnAll: true,
			},
			utm.credentials,
		);
		expect(missing.message).toBe('UTMStack has no incident 999999');
	});
});

describe('UTMStack incidents and their alerts', () => {
	const search = (filter: Array<Record<string, unknown>>, limit = 10) =>
		run(
			new UtmStack(),
			{ resource: 'alert', operation: 'search', limit, filters: { filter } },
			utm.credentials,
		);

	test("Create and Add Alerts mark the alerts as part of the incident, as UTMStack's own screens do (convert-to-incident)", async () => {
		const free = await search([{ field: 'isIncident', operator: 'IS', value: 'false' }], 3);
		const [incident] = await run(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'create',
				name: 'Marked alerts',
				alertSource: 'ids',
				alertIds: idsOf(free.slice(0, 2), 'id').join(','),
			},
			utm.credentials,
		);
		const converted = sent(utm, 'POST /api/utm-alerts/convert-to-incident');
		expect(converted.at(-1)?.body).toEqual({
			eventIds: idsOf(free.slice(0, 2), 'id'),
			incidentName: 'Marked alerts',
			incidentId: incident.json.id,
			incidentSource: 'INCIDENT',
		});
		const marked = await search([
			{ field: 'id', operator: 'IS_ONE_OF', value: idsOf(free.slice(0, 2), 'id') },
		]);
		expect(marked).toHaveLength(2);
		for (const alert of marked) {
			expect(alert.json.isIncident).toBe(true);
			expect(alert.json.incidentDetail).toMatchObject({
				incidentId: String(incident.json.id),
				incidentName: 'Marked alerts',
				source: 'INCIDENT',
			});
		}

		await run(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'addAlerts',
				incidentId: { __rl: true, mode: 'id', value: String(incident.json.id) },
				alertSource: 'ids',
				alertIds: String(free[2].json.id),
			},
			utm.credentials,
		);
		const [added] = await search([{ field: 'id', operator: 'IS', value: free[2].json.id }]);
		expect(added.json).toMatchObject({
			isIncident: true,
			incidentDetail: { incidentId: String(incident.json.id) },
		});

		const again = await runError(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'create',
				name: 'Twice',
				alertSource: 'ids',
				alertIds: String(free[0].json.id),
			},
			utm.credentials,
		);
		expect(again.message).toContain('already linked to another incident');
	});
});

describe('Stellar Cyber', () => {
	test('case summary (text), observables (by type) and scores (events, newest first), each with the case id; an unknown case is named', async () => {
		const [newest] = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', limit: 1 },
			stellar.credentials,
		);
		const caseId = { __rl: true, mode: 'id', value: newest.json._id };
		stellar.sim.resetStats();
		const [summary] = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getSummary', caseId },
			stellar.credentials,
		);
		expect(sent(stellar, 'GET /connect/api/v1/cases/:id/summary')[0].query).toEqual({
			formatted: 'true',
		});
		expect(Object.keys(summary.json).sort()).toEqual(['caseId', 'summary']);
		expect(summary.json.summary).toMatch(/^Observed \d+ alert types: .+\nInvolved \d+ hosts: /);
		const [observables] = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getObservables', caseId },
			stellar.credentials,
		);
		expect(Object.keys(observables.json).sort()).toEqual(['caseId', 'observables']);
		expect(
			((observables.json.observables as Record<string, unknown[]>).ip ?? []).length,
		).toBeGreaterThan(0);
		const [scores] = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getScores', caseId },
			stellar.credentials,
		);
		const events = scores.json.scores as Array<{ timestamp: number; reasons: unknown[] }>;
		expect(events).toHaveLength(2);
		expect(events[0].timestamp).toBeGreaterThanOrEqual(events[1].timestamp);
		expect(scores.json.latest).toEqual(events[0]);
		expect(Object.keys(scores.json).filter((key) => /^\d+$/.test(key))).toEqual([]);
		const missing = await runError(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'getScores',
				caseId: { __rl: true, mode: 'id', value: 'aaaaaaaaaaaaaaaaaaaaaaaa' },
			},
			stellar.credentials,
		);
		expect(missing.message).toBe('Stellar Cyber has no case aaaaaaaaaaaaaaaaaaaaaaaa');
	});

	test('Get Many leaves out cases with a tag, and cases last changed by a user, as the platform filters them', async () => {
		const all = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		const handled = all.slice(0, 5);
		for (const record of handled) {
			await run(
				new StellarCyber(),
				{
					resource: 'case',
					operation: 'update',
					caseId: { __rl: true, mode: 'id', value: record.json._id },
					updateFields: { tagsToAdd: 'handled-by-n8n' },
				},
				stellar.credentials,
			);
		}
		const [updated] = await run(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'get',
				caseId: { __rl: true, mode: 'id', value: handled[0].json._id },
			},
			stellar.credentials,
		);
		const automation = String(updated.json.modified_by);

		const untagged = await run(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'getMany',
				returnAll: true,
				filters: { withoutTags: 'handled-by-n8n' },
			},
			stellar.credentials,
		);
		expect(untagged).toHaveLength(all.length - 5);
		expect(idsOf(untagged, '_id').filter((id) => idsOf(handled, '_id').includes(id))).toEqual([]);
		const notMine = await run(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'getMany',
				returnAll: true,
				filters: { notModifiedBy: automation },
			},
			stellar.credentials,
		);
		const mine = (
			await run(
				new StellarCyber(),
				{ resource: 'case', operation: 'getMany', returnAll: true },
				stellar.credentials,
			)
		).filter((record) => record.json.modified_by === automation);
		expect(mine.length).toBeGreaterThanOrEqual(5);
		expect(notMine).toHaveLength(all.length - mine.length);
		const queries = sent(stellar, 'GET /connect/api/v1/cases').map((request) => request.query);
		expect(queries.some((query) => query['NOT~tags'] === 'handled-by-n8n')).toBe(true);
		expect(queries.some((query) => query['NOT~modified_by'] === automation)).toBe(true);
	});

	test("the Updated Case trigger does not wake up on the workflow's own updates, only on an analyst's", async () => {
		const cases = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', limit: 2 },
			stellar.credentials,
		);
		const [mine] = await run(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'update',
				caseId: { __rl: true, mode: 'id', value: cases[0].json._id },
				updateFields: { tagsToAdd: 'seen' },
			},
			stellar.credentials,
		);
		const automation = String(mine.json.modified_by);
		const trigger = activate(
			new StellarCyberTrigger(),
			{
				event: 'updatedCase',
				tenantId: '',
				statuses: [],
				minScore: 0,
				withoutTags: '',
				notModifiedBy: automation,
				options: { lookBackMinutes: 0 },
			},
			stellar.credentials,
		);
		const poll = async () => ((await trigger.poll())?.[0] ?? []).map((item) => item.json._id);
		expect(await poll()).toEqual([]);
		await new Promise((resolve) => setTimeout(resolve, 3));
		await run(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'update',
				caseId: { __rl: true, mode: 'id', value: cases[0].json._id },
				updateFields: { tagsToAdd: 'seen-again' },
			},
			stellar.credentials,
		);
		expect(await poll()).toEqual([]);
		await new Promise((resolve) => setTimeout(resolve, 3));
		stellar.sim.control('/__sim/cases/modify', { ids: [cases[1].json._id], by: 'alice.soc' });
		expect(await poll()).toEqual([cases[1].json._id]);
		expect(sent(stellar, 'GET /connect/api/v1/cases').at(-1)?.query['NOT~modified_by']).toBe(
			automation,
		);
	});
});

describe('Stellar Cyber inventory', () => {
	test('users, connectors and sensors, each list whole; a Limit cuts it', async () => {
		const users = await run(
			new StellarCyber(),
			{ resource: 'user', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		expect(users.map((user) => user.json.email)).toEqual(
			expect.arrayContaining(['alice.soc@example.test', 'bob.soc@example.test']),
		);
		expect(users.every((user) => /^[0-9a-f]{32}$/.test(String(user.json.user_id)))).toBe(true);
		const connectors = await run(
			new StellarCyber(),
			{ resource: 'connector', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		expect(connectors.length).toBeGreaterThan(4);
		expect(connectors.some((connector) => connector.json.status === 'error')).toBe(true);
		expect(new Set(idsOf(connectors, '_id')).size).toBe(connectors.length);
		const sensors = await run(
			new StellarCyber(),
			{ resource: 'sensor', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		expect(sensors.some((sensor) => sensor.json.status === 'offline')).toBe(true);
		const two = await run(
			new StellarCyber(),
			{ resource: 'sensor', operation: 'getMany', limit: 2 },
			stellar.credentials,
		);
		expect(idsOf(two, '_id')).toEqual(idsOf(sensors, '_id').slice(0, 2));
	});
});

describe('Elastic Cloud Enterprise', () => {
	const ids = async () =>
		idsOf(
			await run(
				new ElasticCloudEnterprise(),
				{ resource: 'deployment', operation: 'getMany', returnAll: true },
				ece.credentials,
			),
			'id',
		);
	const deploymentId = async () => ({ __rl: true, mode: 'id', value: (await ids())[0] });

	test("restart Kibana (picked from the deployment's resources); a resource it does not have is named", async () => {
		const deployment = await deploymentId();
		const kibana = await list<INodePropertyOptions[]>(
			new ElasticCloudEnterprise(),
			'loadOptions',
			'getDeploymentResources',
			ece.credentials,
			{
				resource: 'deployment',
				operation: 'restartResource',
				deploymentId: deployment,
				resourceKind: 'kibana',
			},
		);
		expect(kibana).toEqual([{ name: 'main-kibana', value: 'main-kibana' }]);
		const [restarted] = await run(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'restartResource',
				deploymentId: deployment,
				resourceKind: 'kibana',
				refId: 'main-kibana',
			},
			ece.credentials,
		);
		expect(restarted.json).toMatchObject({
			accepted: true,
			deploymentId: deployment.value,
			resourceKind: 'kibana',
			refId: 'main-kibana',
		});
		expect(
			sent(ece, 'POST /api/v1/deployments/:id/:kind/:refId/_restart').map(
				(request) => request.path,
			),
		).toEqual([`/api/v1/deployments/${deployment.value}/kibana/main-kibana/_restart`]);
		const missing = await runError(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'restartResource',
				deploymentId: deployment,
				resourceKind: 'apm',
				refId: 'main-apm',
			},
			ece.credentials,
		);
		expect(missing.message).toBe(
			`Elastic Cloud Enterprise has no apm resource main-apm of deployment ${deployment.value}`,
		);
	});

	test('stop the Elasticsearch instances of a deployment, then start them: its health follows', async () => {
		const deployment = await deploymentId();
		const health = async () =>
			(
				await run(
					new ElasticCloudEnterprise(),
					{ resource: 'deployment', operation: 'get', deploymentId: deployment },
					ece.credentials,
				)
			)[0].json.healthy;
		const before = await health();
		await run(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'stopResource',
				deploymentId: deployment,
				resourceKind: 'elasticsearch',
				refId: 'main-elasticsearch',
			},
			ece.credentials,
		);
		expect(await health()).toBe(false);
		await run(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'startResource',
				deploymentId: deployment,
				resourceKind: 'elasticsearch',
				refId: 'main-elasticsearch',
			},
			ece.credentials,
		);
		expect(await health()).toBe(before);
	});

	test('create from JSON (validate only creates nothing), then update its name; prune_orphans is false unless asked', async () => {
		const before = await ids();
		const body = JSON.stringify({
			name: 'soc-n8n-test',
			resources: {
				elasticsearch: [
					{
						ref_id: 'main-elasticsearch',
						region: 'ece-region',
						plan: { elasticsearch: { version: '8.15.1' } },
					},
				],
			},
		});
		const [checked] = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'create', deploymentJson: body, validateOnly: true },
			ece.credentials,
		);
		expect(checked.json.created).toBe(false);
		expect(await ids()).toEqual(before);
		const [created] = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'create', deploymentJson: body },
			ece.credentials,
		);
		expect(created.json).toMatchObject({ created: true, name: 'soc-n8n-test' });
		expect(await ids()).toContain(created.json.id);

		const [updated] = await run(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'update',
				deploymentId: { __rl: true, mode: 'id', value: created.json.id },
				updateJson: '{"name": "soc-n8n-renamed"}',
				waitForCompletion: false,
			},
			ece.credentials,
		);
		expect(updated.json.name).toBe('soc-n8n-renamed');
		expect(sent(ece, 'PUT /api/v1/deployments/:id').at(-1)?.body).toEqual({
			name: 'soc-n8n-renamed',
			prune_orphans: false,
		});
		const [got] = await run(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'get',
				deploymentId: { __rl: true, mode: 'id', value: created.json.id },
			},
			ece.credentials,
		);
		expect(got.json.name).toBe('soc-n8n-renamed');

		const notJson = await runError(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'create', deploymentJson: '{"name": ' },
			ece.credentials,
		);
		expect(notJson.message).toBe('The "Deployment (JSON)" parameter is not valid JSON');
		const noEs = await runError(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'create', deploymentJson: '{"name": "x"}' },
			ece.credentials,
		);
		expect(noEs.message).toBe(
			'A deployment needs an Elasticsearch resource (resources.elasticsearch)',
		);
	});

	test('traffic filter rulesets with their deployments, and the stack versions', async () => {
		const rulesets = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'trafficFilter', operation: 'getMany', includeAssociations: true },
			ece.credentials,
		);
		expect(rulesets.map((ruleset) => ruleset.json.name)).toEqual(['office-ips', 'soc-vpn']);
		expect((rulesets[1].json.associations as unknown[]).length).toBe(
			rulesets[1].json.total_associations,
		);
		const versions = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'stackVersion', operation: 'getMany' },
			ece.credentials,
		);
		expect(versions.map((version) => version.json.version)).toContain('8.15.1');
	});
});

describe('Immuta', () => {
	const source = { __rl: true, mode: 'id', value: '3' };

	test('add tags to a data source: they are there afterwards; a tag Immuta does not have is its refusal', async () => {
		const [tagged] = await run(
			new Immuta(),
			{
				resource: 'dataSource',
				operation: 'addTags',
				dataSourceId: source,
				tags: 'Regulation.GDPR, Department.HR, Regulation.GDPR',
			},
			immuta.credentials,
		);
		for (const name of ['Regulation.GDPR', 'Department.HR'])
			expect(
				(tagged.json.tags as Array<{ name: string }>).filter((tag) => tag.name === name),
			).toHaveLength(1);
		expect(sent(immuta, 'POST /tag/datasource/:id').at(-1)?.body).toEqual([
			{ name: 'Regulation.GDPR', source: 'curated' },
			{ name: 'Department.HR', source: 'curated' },
		]);
		const tags = await run(
			new Immuta(),
			{ resource: 'dataSource', operation: 'getTags', dataSourceId: source },
			immuta.credentials,
		);
		expect(tags.map((tag) => tag.json.name)).toEqual(
			expect.arrayContaining(['Regulation.GDPR', 'Department.HR']),
		);
		const unknown = await runError(
			new Immuta(),
			{ resource: 'dataSource', operation: 'addTags', dataSourceId: source, tags: 'No Such Tag' },
			immuta.credentials,
		);
		expect(unknown.message).toBe('Tag No Such Tag does not exist');
	});

	test('update a data source from JSON: the fields given change, the rest is kept', async () => {
		const [before] = await run(
			new Immuta(),
			{ resource: 'dataSource', operation: 'get', dataSourceId: source },
			immuta.credentials,
		);
		const [saved] = await run(
			new Immuta(),
			{
				resource: 'dataSource',
				operation: 'update',
				dataSourceId: source,
				fieldsJson: '{"description": "Reviewed by the SOC"}',
			},
			immuta.credentials,
		);
		expect(saved.json).toMatchObject({
			id: 3,
			name: before.json.name,
			description: 'Reviewed by the SOC',
		});
		const [after] = await run(
			new Immuta(),
			{ resource: 'dataSource', operation: 'get', dataSourceId: source },
			immuta.credentials,
		);
		expect(after.json.description).toBe('Reviewed by the SOC');
		const missing = await runError(
			new Immuta(),
			{
				resource: 'dataSource',
				operation: 'update',
				dataSourceId: { __rl: true, mode: 'id', value: '4040' },
				fieldsJson: '{}',
			},
			immuta.credentials,
		);
		expect(missing.message).toBe('Immuta has no data source 4040');
	});

	test("users and groups, by name, every one once over several pages; narrowed by Immuta's search", async () => {
		const users = await run(
			new Immuta(),
			{ resource: 'user', operation: 'getMany', returnAll: true },
			immuta.credentials,
		);
		expect(users).toHaveLength(254);
		expect(new Set(idsOf(users, 'id')).size).toBe(254);
		expect(sent(immuta, 'GET /bim/user').length).toBeGreaterThan(1);
		const stewards = await run(
			new Immuta(),
			{ resource: 'user', operation: 'getMany', returnAll: true, searchText: 'steward' },
			immuta.credentials,
		);
		expect(stewards.map((user) => user.json.userid)).toEqual(['data.steward@example.test']);
		// Immuta's own parameters: name (not searchText) and includeDisabled, without which disabled users are left out
		expect(sent(immuta, 'GET /bim/user').at(-1)?.query).toMatchObject({
			name: 'steward',
			includeDisabled: 'true',
		});
		expect(sent(immuta, 'GET /bim/user').at(-1)?.query.searchText).toBeUndefined();
		expect(users.filter((user) => user.json.disabled === true).length).toBeGreaterThan(0);
		const groups = await run(
			new Immuta(),
			{ resource: 'group', operation: 'getMany', returnAll: true },
			immuta.credentials,
		);
		expect(groups.map((group) => group.json.name)).toContain('SOC');
		const two = await run(
			new Immuta(),
			{ resource: 'group', operation: 'getMany', limit: 2 },
			immuta.credentials,
		);
		expect(idsOf(two, 'id')).toEqual(idsOf(groups, 'id').slice(0, 2));
	});

	test("create a data source from JSON (one table): Immuta's answer, then the data source as read back; a name in use is Immuta's refusal", async () => {
		const request = JSON.stringify({
			handler: {
				metadata: {
					hostname: 'db.example.test',
					port: 5432,
					database: 'sales',
					schema: 'public',
					table: 'orders',
					username: 'reader',
					password: 'db-pass-never-shown',
				},
			},
			dataSource: {
				name: 'Sales Orders From n8n',
				sqlTableName: 'sales_orders',
				blobHandlerType: 'PostgreSQL',
			},
		});
		const [created] = await run(
			new Immuta(),
			{ resource: 'dataSource', operation: 'create', connectionType: 'pg', requestJson: request },
			immuta.credentials,
		);
		expect(created.json).toMatchObject({
			name: 'Sales Orders From n8n',
			blobHandlerType: 'PostgreSQL',
			status: 'Ready',
		});
		expect(sent(immuta, 'POST /:handlerType/handler').at(-1)?.path).toBe('/pg/handler');
		const listed = await run(
			new Immuta(),
			{ resource: 'dataSource', operation: 'getMany', returnAll: true },
			immuta.credentials,
		);
		expect(idsOf(listed, 'id')).toContain(String(created.json.id));
		const again = await runError(
			new Immuta(),
			{ resource: 'dataSource', operation: 'create', connectionType: 'pg', requestJson: request },
			immuta.credentials,
		);
		expect(again.message).toBe('Data source with name Sales Orders From n8n already exists');
		expect(`${again.message} ${again.description}`).not.toContain('db-pass-never-shown');
		const before = sent(immuta, 'POST /:handlerType/handler').length;
		const bulk = await runError(
			new Immuta(),
			{
				resource: 'dataSource',
				operation: 'create',
				connectionType: 'pg',
				requestJson: JSON.stringify({ handler: [{}], dataSource: {} }),
			},
			immuta.credentials,
		);
		expect(bulk.message).toBe(
			'The "Request (JSON)" parameter needs a "handler" object and a "dataSource" object',
		);
		expect(sent(immuta, 'POST /:handlerType/handler')).toHaveLength(before);
	});
});
