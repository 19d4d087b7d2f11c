import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { StellarCyberTrigger } from '../../nodes/StellarCyberTrigger/StellarCyberTrigger.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { nodeRuns } from '../helpers/node-runs';
import { STELLAR } from '../simulators/fixtures';
import { stellarUserId } from '../simulators/data/stellar-cyber';
import type { RunningSimulator } from '../simulators';

/**
 * Answers as the platforms give them (docs/provenance.md): answers read strictly, so a missing or
 * mistyped part is an error naming what came instead; and walks that prove progress, so a platform
 * (or a proxy) that ignores a walk's bound, skip or cursor stops the read within a few requests.
 */

const { simulator, everyPlatform, run, runError, list, activate } = nodeRuns();

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
		utmstack: { alertCount: 2500, logCount: 0 },
		stellarcyber: { caseCount: 1234 },
		ece: { deploymentCount: 250 },
		immuta: { dataSourceCount: 250 },
	}));
});

afterEach(() => {
	for (const target of [utm, stellar, ece, immuta]) target.sim.control('/__sim/quirks', {});
});

const requestsTo = (target: Sim, path: string) =>
	target.sim.requestLog.filter((request) => request.path === path).length;

describe('Stellar Cyber lists as the vendor answers them', () => {
	test('connectors and sensors come from their top-level lists (an empty list would hide a misread)', async () => {
		const connectors = await run(
			new StellarCyber(),
			{ resource: 'connector', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		const sensors = await run(
			new StellarCyber(),
			{ resource: 'sensor', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		expect(connectors.length).toBeGreaterThan(4);
		expect(sensors.length).toBeGreaterThan(4);
	});

	test('cases older than a day come too: every case read states a created_at bound (without one the list covers 24 hours)', async () => {
		stellar.sim.resetStats();
		const all = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		expect(all).toHaveLength(1234);
		const newest = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', limit: 600, sort: 'created_at', order: 'desc' },
			stellar.credentials,
		);
		expect(newest).toHaveLength(600);
		expect(
			newest.some((record) => Number(record.json.created_at) < Date.now() - 24 * 3600_000),
		).toBe(true);
		const queries = stellar.sim.requestLog
			.filter((request) => request.path === '/connect/api/v1/cases')
			.map((request) => request.query);
		expect(queries.every((query) => query['FROM~created_at'] !== undefined)).toBe(true);
	});

	test('Minimum Score is sent as FROM~score: every case has at least that score, and all of them come', async () => {
		const all = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		const expected = all
			.filter((record) => Number(record.json.score) >= 90)
			.map((record) => record.json._id);
		expect(expected.length).toBeGreaterThan(0);
		stellar.sim.resetStats();
		const scored = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', returnAll: true, filters: { minScore: 90 } },
			stellar.credentials,
		);
		expect(scored.map((record) => record.json._id).sort()).toEqual([...expected].sort());
		const queries = stellar.sim.requestLog
			.filter((request) => request.path === '/connect/api/v1/cases')
			.map((request) => request.query);
		expect(
			queries.every((query) => query['FROM~score'] === '90' && query.min_score === undefined),
		).toBe(true);
	});

	test('Not Last Modified By takes users by email and sends their ids; a user the platform lacks fails', async () => {
		stellar.sim.control('/__sim/cases/modify', {
			ids: [
				(
					await run(
						new StellarCyber(),
						{ resource: 'case', operation: 'getMany', limit: 1 },
						stellar.credentials,
					)
				)[0].json._id,
			],
			by: 'carol.ir',
		});
		stellar.sim.resetStats();
		const notCarol = await run(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'getMany',
				returnAll: true,
				filters: { notModifiedBy: 'carol.ir@example.test' },
			},
			stellar.credentials,
		);
		expect(notCarol.every((record) => record.json.modified_by !== stellarUserId('carol.ir'))).toBe(
			true,
		);
		const query = stellar.sim.requestLog.find(
			(request) => request.path === '/connect/api/v1/cases',
		)?.query;
		expect(query?.['NOT~modified_by']).toBe(stellarUserId('carol.ir'));
		const unknown = await runError(
			new StellarCyber(),
			{
				resource: 'case',
				operation: 'getMany',
				returnAll: true,
				filters: { notModifiedBy: 'nobody@example.test' },
			},
			stellar.credentials,
		);
		expect(unknown.message).toBe('Stellar Cyber has no user "nobody@example.test"');
	});
});

describe("Stellar Cyber's data API is for root-scope legacy keys", () => {
	test('Alert Search with a scoped key (the default) is refused, and the error says which key it takes', async () => {
		const error = await runError(
			new StellarCyber(),
			{
				resource: 'alert',
				operation: 'search',
				indexPattern: 'aella-ser-*',
				queryType: 'queryString',
				query: '*',
				limit: 5,
			},
			stellar.credentials,
		);
		expect(error.message).toBe('Insufficient privileges: this API requires root scope');
		expect(error.description).toContain("use a credential with Key Type 'Legacy User API Key'");
	});
});

describe('an answer without the part a read takes is an error that says what came', () => {
	test.each([
		[
			'a list under another key',
			{ sensors: [{ hostname: 'a' }] },
			'a list at "connectors"',
			'an object with the keys sensors',
		],
		[
			'a record where a list belongs',
			{ connectors: { name: 'x' } },
			'a list at "connectors"',
			'an object with the keys connectors',
		],
		[
			'a list where a record holding the list belongs',
			[{ name: 'x' }],
			'a list at "connectors"',
			'a list of 1',
		],
	])('Stellar Cyber connectors answered with %s', async (_label, body, expected, came) => {
		stellar.sim.control('/__sim/quirks', { path: '/connect/api/v1/connectors', answerWith: body });
		const error = await runError(
			new StellarCyber(),
			{ resource: 'connector', operation: 'getMany', returnAll: true },
			stellar.credentials,
		);
		expect(error.message).toBe(
			'Stellar Cyber answered GET /connect/api/v1/connectors in a form this node cannot read',
		);
		expect(error.description).toContain(`The node reads ${expected}; the answer is ${came}.`);
	});

	test('a case summary that is not a text, and scores that are not a list, are errors (never characters or numbered keys)', async () => {
		const [newest] = await run(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', limit: 1 },
			stellar.credentials,
		);
		const caseId = { __rl: true, mode: 'id', value: newest.json._id };
		stellar.sim.control('/__sim/quirks', {
			path: `/connect/api/v1/cases/${String(newest.json._id)}/summary`,
			answerWith: { data: { text: 'x' } },
		});
		expect(
			(
				await runError(
					new StellarCyber(),
					{ resource: 'case', operation: 'getSummary', caseId },
					stellar.credentials,
				)
			).description,
		).toContain('The node reads a text at "data"');
		stellar.sim.control('/__sim/quirks', {
			path: `/connect/api/v1/cases/${String(newest.json._id)}/scores`,
			answerWith: { data: { score: 5 } },
		});
		expect(
			(
				await runError(
					new StellarCyber(),
					{ resource: 'case', operation: 'getScores', caseId },
					stellar.credentials,
				)
			).description,
		).toContain('The node reads a list at "data"');
	});

	test('a trigger and an editor list whose answer lacks the list fail the same way (a poll never takes it for "nothing new")', async () => {
		stellar.sim.control('/__sim/quirks', {
			path: '/connect/api/v1/cases',
			answerWith: { data: { results: [] } },
		});
		const trigger = activate(
			new StellarCyberTrigger(),
			{ event: 'newCase', tenantId: '', statuses: [], minScore: 0, options: {} },
			stellar.credentials,
		);
		await expect(trigger.poll()).rejects.toThrow(
			'Stellar Cyber answered GET /connect/api/v1/cases in a form this node cannot read',
		);
		await expect(
			list(new StellarCyber(), 'listSearch', 'searchCases', stellar.credentials, {
				resource: 'case',
				operation: 'get',
			}),
		).rejects.toThrow(
			'Stellar Cyber answered GET /connect/api/v1/cases in a form this node cannot read',
		);
		ece.sim.control('/__sim/quirks', {
			path: '/api/v1/platform/infrastructure/allocators',
			answerWith: { allocators: [] },
		});
		await expect(
			list(new ElasticCloudEnterprise(), 'listSearch', 'searchAllocators', ece.credentials, {
				resource: 'allocator',
				operation: 'get',
			}),
		).rejects.toThrow(
			'Elastic Cloud Enterprise answered GET /api/v1/platform/infrastructure/allocators in a form this node cannot read',
		);
	});

	test('a paged read whose page lacks the list: Stellar cases, Immuta data sources, ECE deployments', async () => {
		stellar.sim.control('/__sim/quirks', {
			path: '/connect/api/v1/cases',
			answerWith: { data: { total: 3 } },
		});
		expect(
			(
				await runError(
					new StellarCyber(),
					{ resource: 'case', operation: 'getMany', returnAll: true },
					stellar.credentials,
				)
			).description,
		).toContain('a list at "data.cases"; the answer is an object with the keys data');
		immuta.sim.control('/__sim/quirks', { path: '/dataSource', answerWith: [] });
		expect(
			(
				await runError(
					new Immuta(),
					{ resource: 'dataSource', operation: 'getMany', returnAll: true },
					immuta.credentials,
				)
			).message,
		).toBe('Immuta answered GET /dataSource in a form this node cannot read');
		ece.sim.control('/__sim/quirks', {
			path: '/api/v1/deployments/_search',
			answerWith: { return_count: 0 },
		});
		expect(
			(
				await runError(
					new ElasticCloudEnterprise(),
					{
						resource: 'deployment',
						operation: 'search',
						queryType: 'queryString',
						query: '',
						returnAll: true,
					},
					ece.credentials,
				)
			).description,
		).toContain('a list at "deployments"');
	});
});

describe('every walk proves progress: a platform that ignores its bound, skip or cursor stops the read within a few requests', () => {
	test('Stellar Cyber cases, Return All, FROM~created_at ignored: stops at the second page', async () => {
		// 1,200 cases of today, so that the window a list without the bound covers holds more than a page
		const today = await simulator(
			'stellarcyber',
			{ caseCount: 0 },
			{ keyType: 'scoped', apiKey: STELLAR.apiKey },
			'stellarCyberApi',
		);
		for (let batch = 0; batch < 3; batch++) {
			today.sim.control('/__sim/cases', { count: 400 });
			await new Promise((resolve) => setTimeout(resolve, 3));
		}
		today.sim.resetStats();
		today.sim.control('/__sim/quirks', {
			path: '/connect/api/v1/cases',
			dropQuery: ['FROM~created_at'],
		});
		const error = await runError(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', returnAll: true },
			today.credentials,
		);
		expect(error.message).toMatch(
			/^Stellar Cyber answered a query for records from \d+ on \(FROM~created_at\) with a record of \d+: it ignores the time bound$/,
		);
		expect(requestsTo(today, '/connect/api/v1/cases')).toBe(2);
	});

	test('Stellar Cyber cases by score (skip/limit), skip ignored: stops after three pages that repeat the first', async () => {
		stellar.sim.resetStats();
		stellar.sim.control('/__sim/quirks', { path: '/connect/api/v1/cases', dropQuery: ['skip'] });
		const error = await runError(
			new StellarCyber(),
			{ resource: 'case', operation: 'getMany', limit: 1200, sort: 'score', order: 'desc' },
			stellar.credentials,
		);
		// 1,234 cases: the third page reaches the stated total, so the repeat is caught where the read would end
		expect(error.message).toBe(
			'Stellar Cyber ended the read with a page that held only records this read had received already: the listing did not move to its next page',
		);
		expect(requestsTo(stellar, '/connect/api/v1/cases')).toBe(3);
	});

	test('Immuta data sources (name order, count checked), offset ignored: fails after its three bounded readings', async () => {
		immuta.sim.resetStats();
		immuta.sim.control('/__sim/quirks', { path: '/dataSource', dropQuery: ['offset'] });
		const error = await runError(
			new Immuta(),
			{ resource: 'dataSource', operation: 'getMany', returnAll: true },
			immuta.credentials,
		);
		expect(error.message).toBe(
			'The list changed while it was read: 50 of 250 records could not be read',
		);
		// three readings of two pages each (250 records, 200 a page), then the count check fails
		expect(requestsTo(immuta, '/dataSource')).toBe(6);
	});

	test('UTMStack alert search by relevance (page/size), page ignored: stops where the total is reached, on a repeated page', async () => {
		utm.sim.resetStats();
		utm.sim.control('/__sim/quirks', { path: '/api/elasticsearch/search', dropQuery: ['page'] });
		const error = await runError(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'search',
				indexPattern: 'alert-*',
				filters: {},
				timeRange: 'none',
				sortField: '',
				sortDirection: 'desc',
				returnAll: true,
			},
			utm.credentials,
		);
		expect(error.message).toBe(
			'UTMStack ended the read with a page that held only records this read had received already: the listing did not move to its next page',
		);
		// 2,500 alerts, 1,000 a page: pages 2 and 3 repeat page 1
		expect(requestsTo(utm, '/api/elasticsearch/search')).toBe(3);
	});

	test('UTMStack alert search walked by @timestamp, its time bound dropped from the filters: stops at the second page', async () => {
		utm.sim.resetStats();
		utm.sim.control('/__sim/quirks', {
			path: '/api/elasticsearch/search',
			dropFilters: ['@timestamp'],
		});
		const error = await runError(
			new UtmStack(),
			{
				resource: 'alert',
				operation: 'search',
				indexPattern: 'alert-*',
				filters: {},
				timeRange: 'none',
				sortField: '@timestamp',
				sortDirection: 'asc',
				returnAll: true,
			},
			utm.credentials,
		);
		expect(error.message).toMatch(
			/^UTMStack answered a query for records from \S+ on \(@timestamp IS_BETWEEN\) with a record of \S+: it ignores the time bound$/,
		);
		expect(requestsTo(utm, '/api/elasticsearch/search')).toBe(2);
	});

	test('ECE deployment search, a cursor that never moves: stops after three repeated pages', async () => {
		ece.sim.resetStats();
		ece.sim.control('/__sim/quirks', {
			path: '/api/v1/deployments/_search',
			repeatFirstAnswer: true,
		});
		const error = await runError(
			new ElasticCloudEnterprise(),
			{
				resource: 'deployment',
				operation: 'search',
				queryType: 'queryString',
				query: '',
				returnAll: true,
			},
			ece.credentials,
		);
		expect(error.message).toMatch(/^Elastic Cloud Enterprise sent 3 pages in a row/);
		expect(requestsTo(ece, '/api/v1/deployments/_search')).toBe(4);
	});
});
