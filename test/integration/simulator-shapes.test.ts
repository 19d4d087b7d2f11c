import {
	listAt,
	numberAt,
	recordAt,
	textAt,
	type AnswerPath,
} from '../../nodes/common/answer-parts';
import { ECE, IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';
import {
	startAllSimulators,
	stopAllSimulators,
	type RunningSimulator,
	type SimulatorVendor,
} from '../simulators';

/**
 * Each simulator route answers in the shape its provenance row names (docs/provenance/<platform>.md), read
 * with the same strict readers the nodes use, so a simulator cannot drift back to a guess the nodes would
 * then share. One row per route: the request, the parts read and their kinds, and where the shape comes from.
 */

let sims: Record<SimulatorVendor, RunningSimulator>;
const auth: Partial<Record<SimulatorVendor, Record<string, string>>> = {};

beforeAll(async () => {
	sims = await startAllSimulators({
		caseCount: 30,
		alertCount: 30,
		logCount: 0,
		dataSourceCount: 12,
		deploymentCount: 8,
	});
	const token = await fetch(`${sims.stellarcyber.url}/connect/api/v1/access_token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${STELLAR.email}:${STELLAR.legacyApiKey}`).toString('base64')}`,
		},
	}).then(async (answer) => (await answer.json()) as { access_token: string });
	auth.stellarcyber = { Authorization: `Bearer ${token.access_token}` };
	auth.utmstack = { 'Utm-Api-Key': UTMSTACK.apiKey };
	auth.immuta = { Authorization: IMMUTA.apiKey };
	auth.ece = { Authorization: `ApiKey ${ECE.apiKey}` };
});

afterAll(async () => {
	await stopAllSimulators(sims);
});

type Part = { at: AnswerPath; kind: 'list' | 'record' | 'text' | 'number' };
interface Row {
	route: string;
	method?: 'GET' | 'POST';
	body?: unknown;
	parts: Part[];
	/** Fields every record of the first list part holds, and fields none of them may hold (unattested guesses). */
	fields?: string[];
	never?: string[];
	header?: string;
	source: string;
}

const read = { list: listAt, record: recordAt, text: textAt, number: numberAt };

async function answer(
	vendor: SimulatorVendor,
	row: Row,
	path: string,
): Promise<{ body: unknown; headers: Headers }> {
	const response = await fetch(`${sims[vendor].url}${path}`, {
		method: row.method ?? 'GET',
		headers: {
			...auth[vendor],
			...(row.body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: row.body === undefined ? undefined : JSON.stringify(row.body),
	});
	expect(response.status).toBe(200);
	return { body: await response.json(), headers: response.headers };
}

async function holds(vendor: SimulatorVendor, row: Row, path: string): Promise<void> {
	const { body, headers } = await answer(vendor, row, path);
	for (const part of row.parts) expect(() => read[part.kind](body, part.at)).not.toThrow();
	const listPart = row.parts.find((part) => part.kind === 'list');
	if (listPart) {
		const records = listAt(body, listPart.at);
		expect(records.length).toBeGreaterThan(0);
		for (const record of records) {
			for (const field of row.fields ?? []) expect(record).toHaveProperty(field);
			for (const field of row.never ?? []) expect(record).not.toHaveProperty(field);
		}
	}
	if (row.header) expect(headers.get(row.header)).not.toBeNull();
}

describe('Stellar Cyber (docs/provenance/stellar-cyber.md)', () => {
	let caseId = '';
	beforeAll(async () => {
		const { body } = await answer(
			'stellarcyber',
			{ route: '', parts: [], source: '' },
			'/connect/api/v1/cases?FROM~created_at=0&limit=50',
		);
		caseId = String(listAt(body, ['data', 'cases']).find((record) => Number(record.size) > 0)?._id);
	});
	const rows = (): Array<[string, Row]> => [
		[
			'/connect/api/v1/tenants',
			{
				route: 'tenants',
				parts: [{ at: ['data'], kind: 'list' }],
				fields: ['cust_id', 'cust_name'],
				source: 'row 18: jira-case-sync get_tenants',
			},
		],
		[
			'/connect/api/v1/users',
			{
				route: 'users',
				parts: [{ at: ['data'], kind: 'list' }],
				fields: ['user_id', 'email'],
				never: ['user_name'],
				source: 'row 20, M8',
			},
		],
		[
			'/connect/api/v1/connectors',
			{ route: 'connectors', parts: [{ at: ['connectors'], kind: 'list' }], source: 'M1' },
		],
		[
			'/connect/api/v1/data_sensors',
			{ route: 'sensors', parts: [{ at: ['sensors'], kind: 'list' }], source: 'M2' },
		],
		[
			'/connect/api/v1/cases?FROM~created_at=0&limit=5',
			{
				route: 'cases',
				parts: [
					{ at: ['data', 'cases'], kind: 'list' },
					{ at: ['data', 'total'], kind: 'number' },
				],
				fields: ['_id', 'modified_by', 'modified_by_name', 'assignee_name'],
				source: 'rows 3-4, M7',
			},
		],
		[
			`/connect/api/v1/cases/${caseId}`,
			{ route: 'case', parts: [{ at: ['data'], kind: 'record' }], source: 'row 5' },
		],
		[
			`/connect/api/v1/cases/${caseId}/alerts?limit=50`,
			{
				route: 'case alerts',
				parts: [{ at: ['data', 'docs'], kind: 'list' }],
				fields: ['_id', '_index', '_source'],
				source: 'row 7',
			},
		],
		[
			`/connect/api/v1/cases/${caseId}/summary?formatted=true`,
			{
				route: 'summary',
				parts: [{ at: ['data'], kind: 'text' }],
				source: 'M5: XSOAR get_incident_summary.json',
			},
		],
		[
			`/connect/api/v1/cases/${caseId}/observables`,
			{ route: 'observables', parts: [{ at: ['observables'], kind: 'record' }], source: 'M3' },
		],
		[
			`/connect/api/v1/cases/${caseId}/scores`,
			{
				route: 'scores',
				parts: [{ at: ['data'], kind: 'list' }],
				fields: ['timestamp', 'reasons'],
				source: 'M4',
			},
		],
		[
			'/connect/api/data/aella-ser-*/_search',
			{
				route: 'data API search',
				parts: [{ at: ['hits', 'hits'], kind: 'list' }],
				fields: ['_id', '_index', '_source'],
				source: 'rows 13-14',
			},
		],
	];
	test.each([
		'tenants',
		'users',
		'connectors',
		'sensors',
		'cases',
		'case',
		'case alerts',
		'summary',
		'observables',
		'scores',
		'data API search',
	])('%s', async (name) => {
		const [path, row] = rows().find(([, candidate]) => candidate.route === name) ?? [];
		await holds('stellarcyber', row as Row, path as string);
	});

	test('comments: {comment, _id, case_id, created_at, modified_at, user} (row 8)', async () => {
		const added = await answer(
			'stellarcyber',
			{ route: '', method: 'POST', body: { comment: 'shape' }, parts: [], source: '' },
			`/connect/api/v1/cases/${caseId}/comments`,
		);
		expect(Object.keys(recordAt(added.body, ['data'])).sort()).toEqual([
			'_id',
			'case_id',
			'comment',
			'created_at',
			'modified_at',
			'user',
		]);
		await holds(
			'stellarcyber',
			{
				route: '',
				parts: [{ at: ['data'], kind: 'list' }],
				fields: ['comment', '_id', 'case_id', 'created_at', 'user'],
				source: 'row 8',
			},
			`/connect/api/v1/cases/${caseId}/comments`,
		);
	});
});

describe('UTMStack (docs/provenance/utmstack.md)', () => {
	test.each<[string, string, Row]>([
		[
			'alert search',
			'/api/elasticsearch/search?indexPattern=alert-*&page=1&size=5&top=5',
			{
				route: '',
				method: 'POST',
				body: [],
				parts: [{ at: [], kind: 'list' }],
				header: 'x-total-count',
				source: 'UtmElasticsearchResource',
			},
		],
		[
			'incidents',
			'/api/utm-incidents?page=0&size=5',
			{
				route: '',
				parts: [{ at: [], kind: 'list' }],
				header: 'x-total-count',
				source: 'UtmIncidentResource',
			},
		],
		[
			'account',
			'/api/account',
			{ route: '', parts: [{ at: [], kind: 'record' }], source: 'AccountResource' },
		],
		[
			'users',
			'/api/users?page=0&size=5',
			{
				route: '',
				parts: [{ at: [], kind: 'list' }],
				fields: ['id', 'login'],
				source: 'UserResource',
			},
		],
	])('%s', async (_name, path, row) => {
		await holds('utmstack', row, path);
	});
});

describe('Immuta (docs/provenance/immuta.md)', () => {
	test.each<[string, string, Row]>([
		[
			'users',
			'/bim/user?size=5&includeDisabled=true',
			{
				route: '',
				parts: [
					{ at: ['hits'], kind: 'list' },
					{ at: ['count'], kind: 'number' },
				],
				fields: ['id', 'userid', 'profile'],
				never: ['name'],
				source: 'Immuta API description Model48/46',
			},
		],
		[
			'groups',
			'/bim/group?size=5',
			{
				route: '',
				parts: [
					{ at: ['hits'], kind: 'list' },
					{ at: ['count'], kind: 'number' },
				],
				fields: ['id', 'name'],
				source: 'Model43/41',
			},
		],
		[
			'data sources',
			'/dataSource?size=5',
			{
				route: '',
				parts: [
					{ at: ['hits'], kind: 'list' },
					{ at: ['count'], kind: 'number' },
				],
				fields: ['id', 'name'],
				source: 'Model11',
			},
		],
		[
			'projects',
			'/project?size=5',
			{
				route: '',
				parts: [
					{ at: ['hits'], kind: 'list' },
					{ at: ['count'], kind: 'number' },
				],
				source: 'Model30',
			},
		],
		[
			'global policies',
			'/policy/global',
			{ route: '', parts: [{ at: [], kind: 'list' }], source: 'Model59 (a bare list)' },
		],
		[
			'audit',
			'/audit?size=5',
			{
				route: '',
				parts: [
					{ at: ['hits'], kind: 'list' },
					{ at: ['count'], kind: 'number' },
				],
				source: 'Audit Search Results',
			},
		],
		[
			'current user',
			'/bim/rpc/user/current',
			{ route: '', parts: [{ at: [], kind: 'record' }], source: 'swagger /bim/rpc/user/current' },
		],
	])('%s', async (_name, path, row) => {
		await holds('immuta', row, path);
	});

	test("a data source's tags: {tags: [...]} (M2)", async () => {
		const { body } = await answer(
			'immuta',
			{ route: '', parts: [], source: '' },
			'/dataSource/1/tags',
		);
		expect(() => listAt(body, ['tags'])).not.toThrow();
	});
});

describe('Elastic Cloud Enterprise (docs/provenance/elastic-cloud-enterprise.md, ece-swagger.json)', () => {
	test.each<[string, string, Row]>([
		[
			'deployments',
			'/api/v1/deployments',
			{
				route: '',
				parts: [{ at: ['deployments'], kind: 'list' }],
				fields: ['id', 'name'],
				source: 'DeploymentsListResponse',
			},
		],
		[
			'deployment search',
			'/api/v1/deployments/_search',
			{
				route: '',
				method: 'POST',
				body: { size: 5, query: { match_all: {} } },
				parts: [
					{ at: ['deployments'], kind: 'list' },
					{ at: ['return_count'], kind: 'number' },
					{ at: ['cursor'], kind: 'text' },
				],
				source: 'DeploymentsSearchResponse',
			},
		],
		[
			'allocators',
			'/api/v1/platform/infrastructure/allocators?size=10000',
			{
				route: '',
				parts: [{ at: ['zones'], kind: 'list' }],
				fields: ['zone_id', 'allocators'],
				source: 'AllocatorOverview',
			},
		],
		[
			'API keys',
			'/api/v1/users/auth/keys',
			{
				route: '',
				parts: [{ at: ['keys'], kind: 'list' }],
				never: ['key'],
				source: 'ApiKeysResponse',
			},
		],
		[
			'traffic filters',
			'/api/v1/deployments/traffic-filter/rulesets',
			{ route: '', parts: [{ at: ['rulesets'], kind: 'list' }], source: 'TrafficFilterRulesets' },
		],
		[
			'stack versions',
			'/api/v1/stack/versions',
			{ route: '', parts: [{ at: ['stacks'], kind: 'list' }], source: 'StackVersionConfigs' },
		],
		[
			'platform',
			'/api/v1/platform',
			{ route: '', parts: [{ at: [], kind: 'record' }], source: 'PlatformInfo' },
		],
		[
			'user',
			'/api/v1/user',
			{ route: '', parts: [{ at: [], kind: 'record' }], source: 'UserMetadata' },
		],
	])('%s', async (_name, path, row) => {
		await holds('ece', row, path);
	});
});
