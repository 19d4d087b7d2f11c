import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { nodeRuns } from '../helpers/node-runs';
import { ECE, IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';
import type { RunningSimulator } from '../simulators';

/**
 * Errors as a SOC engineer reads them, the same way on all four nodes: a record that does not exist is
 * named with its id ("<platform> has no <record> <id>", the platform's own words in the description), a
 * request the platform rejects shows what the platform said, and a change to an alert that does not exist
 * fails instead of answering success.
 */

const { simulator, run, runError } = nodeRuns();

let utm: { sim: RunningSimulator; credentials: Record<string, string> };
let stellar: { sim: RunningSimulator; credentials: Record<string, string> };
let immuta: { sim: RunningSimulator; credentials: Record<string, string> };
let ece: { sim: RunningSimulator; credentials: Record<string, string> };

beforeAll(async () => {
	utm = await simulator(
		'utmstack',
		{ alertCount: 50, logCount: 0 },
		{ authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
		'utmStackApi',
	);
	stellar = await simulator(
		'stellarcyber',
		{ caseCount: 20 },
		{ keyType: 'legacy', email: STELLAR.email, apiKey: STELLAR.legacyApiKey },
		'stellarCyberApi',
	);
	immuta = await simulator(
		'immuta',
		{ dataSourceCount: 20 },
		{ authMethod: 'apiKey', apiKey: IMMUTA.apiKey },
		'immutaApi',
	);
	ece = await simulator(
		'ece',
		{},
		{ authMethod: 'apiKey', apiKey: ECE.apiKey },
		'elasticCloudEnterpriseApi',
	);
});

const CHECK_ID = 'Check the ID in the node parameters.';

describe('a record that does not exist is named with its id', () => {
	test.each([
		[
			'UTMStack incident get (UTMStack answers 500 with "404 NOT_FOUND")',
			() =>
				runError(
					new UtmStack(),
					{ resource: 'incident', operation: 'get', incidentId: '987654' },
					utm.credentials,
				),
			'UTMStack has no incident 987654',
			'UTMStack said: "UtmIncidentResource.getUtmIncident: 404 NOT_FOUND". ',
		],
		[
			'UTMStack incident add note',
			() =>
				runError(
					new UtmStack(),
					{ resource: 'incident', operation: 'addNote', incidentId: '987654', note: 'seen' },
					utm.credentials,
				),
			'UTMStack has no incident 987654',
			'UTMStack said: "UtmIncidentNoteResource.createUtmIncidentNote: could not execute statement; violates foreign key constraint "fk_utm_incident_note_incident_id"". ',
		],
		[
			'Stellar Cyber case get',
			() =>
				runError(
					new StellarCyber(),
					{ resource: 'case', operation: 'get', caseId: 'ffffffffffffffffffffffff' },
					stellar.credentials,
				),
			'Stellar Cyber has no case ffffffffffffffffffffffff',
			'Stellar Cyber said: "Case not found". ',
		],
		[
			'Stellar Cyber case alerts',
			() =>
				runError(
					new StellarCyber(),
					{
						resource: 'case',
						operation: 'getAlerts',
						caseId: 'ffffffffffffffffffffffff',
						limit: 5,
					},
					stellar.credentials,
				),
			'Stellar Cyber has no case ffffffffffffffffffffffff',
			'Stellar Cyber said: "Case not found". ',
		],
		[
			'Immuta data source get',
			() =>
				runError(
					new Immuta(),
					{ resource: 'dataSource', operation: 'get', dataSourceId: '99999' },
					immuta.credentials,
				),
			'Immuta has no data source 99999',
			'Immuta said: "Data source 99999 not found". ',
		],
		[
			'ECE deployment get',
			() =>
				runError(
					new ElasticCloudEnterprise(),
					{ resource: 'deployment', operation: 'get', deploymentId: 'f'.repeat(32) },
					ece.credentials,
				),
			`Elastic Cloud Enterprise has no deployment ${'f'.repeat(32)}`,
			`Elastic Cloud Enterprise said: "Deployment ${'f'.repeat(32)} cannot be found". `,
		],
	])('%s', async (_label, runIt, message, said) => {
		const error = await runIt();
		expect(error).toEqual({ message, description: `${said}${CHECK_ID}` });
	});
});

test("a search the platform cannot parse shows the platform's own reason", async () => {
	const error = await runError(
		new StellarCyber(),
		{
			resource: 'alert',
			operation: 'search',
			indexPattern: 'aella-ser-*',
			queryType: 'queryString',
			query: 'severity:(',
			limit: 5,
		},
		stellar.credentials,
	);
	// The simulator's Elasticsearch answers {error: {root_cause, type, reason}}, the reason in its parser's words.
	expect(error.message).toMatch(/^Cannot parse query/);
	expect(error.description).toBe(
		'Check the node parameters: the platform could not accept the request. (HTTP 400 to POST /connect/api/data/aella-ser-*/_search)',
	);
});

describe("a refused request says what the platform said, in each platform's error shape", () => {
	test('UTMStack: a validation problem names the field and the reason, not the translation key', async () => {
		const alerts = await run(
			new UtmStack(),
			{ resource: 'alert', operation: 'search', returnAll: false, limit: 1 },
			utm.credentials,
		);
		utm.sim.resetStats();
		const error = await runError(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'create',
				name: 'Beacon to "evil" host',
				alertSource: 'ids',
				alertIds: String(alerts[0].json.id),
			},
			utm.credentials,
		);
		// ExceptionTranslator's problem+json: message "error.validation", fieldErrors [{objectName, field, message}]
		expect(error).toEqual({
			message: 'incidentName: Double quotes are not allowed',
			description:
				'Check the node parameters: the platform could not accept the request. (HTTP 400 to POST /api/utm-incidents)',
		});
		expect(JSON.stringify(error)).not.toContain('error.validation');
		const routes = utm.sim.requestLog.map(
			(request) => `${request.method} ${request.route} ${request.status}`,
		);
		expect(routes).toEqual(['POST /api/elasticsearch/search 200', 'POST /api/utm-incidents 400']);
	});

	test('ECE: an error tied to request fields names them, with its code', async () => {
		const [deployment] = await run(
			new ElasticCloudEnterprise(),
			{ resource: 'deployment', operation: 'getMany', returnAll: false, limit: 1 },
			ece.credentials,
		);
		const error = await runError(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'update',
				deploymentId: String(deployment.json.id),
				updateJson: '{"prune_orphans": "no", "name": "renamed"}',
			},
			ece.credentials,
		);
		expect(error).toEqual({
			message: 'The field prune_orphans is required (prune_orphans)',
			description: `Check the node parameters: the platform could not accept the request. (HTTP 400 to PUT /api/v1/deployments/${String(deployment.json.id)}, Elastic Cloud Enterprise code root.invalid_json_request)`,
		});
	});
});

describe('UTMStack changes to alerts that do not exist fail, and change nothing', () => {
	const MISSING = '00000000-0000-4000-8000-00000000dead';
	const changes = () =>
		utm.sim.requestLog.filter(
			(entry) =>
				entry.path.startsWith('/api/utm-alerts/') || entry.path.startsWith('/api/utm-incidents'),
		);

	let known: string;
	beforeAll(async () => {
		const [alert] = await run(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'search',
				indexPattern: 'alert-*',
				sortField: '@timestamp',
				sortDirection: 'desc',
				limit: 1,
			},
			utm.credentials,
		);
		known = String(alert.json.id);
	});
	beforeEach(() => utm.sim.resetStats());

	test.each([
		[
			'update status',
			{ resource: 'alert', operation: 'updateStatus', status: 5, observation: 'done' },
		],
		['set tags', { resource: 'alert', operation: 'setTags', tags: 'n8n' }],
		[
			'create an incident',
			{ resource: 'incident', operation: 'create', name: 'From n8n', alertSource: 'ids' },
		],
	])('%s with one unknown id among known ones', async (_label, parameters) => {
		const error = await runError(
			new UtmStack(),
			{ ...parameters, alertIds: `${known}, ${MISSING}` },
			utm.credentials,
		);
		expect(error).toEqual({
			message: `UTMStack has no alert ${MISSING}`,
			description:
				'Check the alert IDs (an alert search returns them in "id"). Nothing was changed.',
		});
		expect(changes()).toEqual([]);
	});

	test('add note to an unknown alert', async () => {
		const error = await runError(
			new UtmStack(),
			{ resource: 'alert', operation: 'addNote', alertId: MISSING, note: 'seen' },
			utm.credentials,
		);
		expect(error.message).toBe(`UTMStack has no alert ${MISSING}`);
		expect(changes()).toEqual([]);
	});

	test("known ids still change, and an incident created from ids carries each alert's name and severity", async () => {
		const [updated] = await run(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'updateStatus',
				alertIds: known,
				status: 3,
				observation: 'looking',
			},
			utm.credentials,
		);
		expect(updated.json).toMatchObject({
			success: true,
			alertIds: [known],
			statusLabel: 'In Review',
		});
		utm.sim.resetStats();
		await run(
			new UtmStack(),
			{
				resource: 'incident',
				operation: 'create',
				name: 'From n8n',
				alertSource: 'ids',
				alertIds: known,
			},
			utm.credentials,
		);
		const created = utm.sim.requestLog.find(
			(entry) => entry.method === 'POST' && entry.path === '/api/utm-incidents',
		);
		const [entry] = (created?.body as { alertList: Array<Record<string, unknown>> }).alertList;
		expect(entry.alertId).toBe(known);
		expect(typeof entry.alertName).toBe('string');
		expect([1, 2, 3]).toContain(entry.alertSeverity);
	});
});
