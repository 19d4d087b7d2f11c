import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { idsOf, nodeRuns } from '../helpers/node-runs';
import { ECE, STELLAR, UTMSTACK } from '../simulators/fixtures';

/**
 * Every record once, against the platforms as they behave at scale and while their data changes: UTMStack's
 * 10,000-hit total and result window, cases created and modified between two page reads, deployments
 * modified mid-search. Each read returns every record that existed when it began exactly once, or fails.
 */

const { simulator, run, runError } = nodeRuns();

describe('UTMStack search past the 10,000-hit window', () => {
	const ALERTS = 25_000;
	let utm: Awaited<ReturnType<typeof simulator>>;
	const search = {
		resource: 'alert',
		operation: 'search',
		indexPattern: 'alert-*',
		filters: {},
		timeRange: 'none',
		sortField: '@timestamp',
		sortDirection: 'desc',
	};
	const searches = () =>
		utm.sim.requestLog.filter((entry) => entry.path === '/api/elasticsearch/search');

	beforeAll(async () => {
		utm = await simulator(
			'utmstack',
			{ alertCount: ALERTS, logCount: 0 },
			{ authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
			'utmStackApi',
		);
	});
	beforeEach(() => utm.sim.resetStats());

	test('the simulator caps the total at 10,000 and refuses a page past the window with UTMStack 500 text', async () => {
		const search = async (page: number) =>
			await fetch(
				`${utm.sim.url}/api/elasticsearch/search?indexPattern=alert-*&top=1000000&page=${page}&size=1000`,
				{
					method: 'POST',
					headers: { 'Utm-Api-Key': UTMSTACK.apiKey, 'Content-Type': 'application/json' },
					body: '[]',
				},
			);
		const first = await search(1);
		expect(first.headers.get('x-total-count')).toBe('10000');
		const tenth = await search(10);
		expect(tenth.status).toBe(200);
		const past = await search(11);
		expect(past.status).toBe(500);
		expect(await past.text()).toBe('');
		expect(past.headers.get('x-utmstack-error')).toContain(
			'Result window is too large, from + size must be less than or equal to: [10000] but was [11000]',
		);
	});

	test.each(['desc', 'asc'])(
		'Return All sorted by @timestamp %s: all 25,000 alerts, each once, in order',
		async (direction) => {
			const output = await run(
				new UtmStack(),
				{ ...search, sortDirection: direction, returnAll: true },
				utm.credentials,
			);
			const ids = idsOf(output, 'id');
			expect(ids).toHaveLength(ALERTS);
			expect(new Set(ids).size).toBe(ALERTS);
			const times = output.map((record) => Date.parse(String(record.json['@timestamp'])));
			const sorted = [...times].sort((a, b) => (direction === 'desc' ? b - a : a - b));
			expect(times).toEqual(sorted);
			// 1,000 a page plus at most one more query a window: no page reached past the result window
			expect(searches().length).toBeLessThanOrEqual(ALERTS / 1000 + 3);
			expect(searches().every((entry) => entry.status === 200)).toBe(true);
		},
	);

	test('a Limit above the window (12,000) returns 12,000 distinct alerts, the newest', async () => {
		const output = await run(new UtmStack(), { ...search, limit: 12_000 }, utm.credentials);
		expect(new Set(idsOf(output, 'id')).size).toBe(12_000);
		const all = await run(new UtmStack(), { ...search, limit: 1 }, utm.credentials);
		expect(output[0].json.id).toBe(all[0].json.id);
	});

	test('sorted by another field, a Return All of 10,000+ fails at once and says how to read everything', async () => {
		const error = await runError(
			new UtmStack(),
			{ ...search, sortField: 'severity', returnAll: true },
			utm.credentials,
		);
		expect(error.message).toBe(
			'This search matches 10,000 documents or more, and UTMStack serves only the first 10,000 of a search sorted by "severity"',
		);
		expect(error.description).toContain('Set "Sort By" to @timestamp');
		expect(searches()).toHaveLength(1);
	});

	test('sorted by another field, a Limit inside the window still works', async () => {
		const output = await run(
			new UtmStack(),
			{ ...search, sortField: 'severity', limit: 2500 },
			utm.credentials,
		);
		expect(new Set(idsOf(output, 'id')).size).toBe(2500);
	});

	test('alerts raised while a Return All runs newest first shift nothing: every earlier alert once', async () => {
		const before = new Set(
			idsOf(await run(new UtmStack(), { ...search, returnAll: true }, utm.credentials), 'id'),
		);
		utm.sim.control('/__sim/churn', {
			path: '/api/elasticsearch/search',
			route: 'POST /__sim/alerts',
			body: { count: 150 },
			times: 30,
		});
		const output = await run(new UtmStack(), { ...search, returnAll: true }, utm.credentials);
		utm.sim.control('/__sim/churn', {
			path: '/api/elasticsearch/search',
			route: 'POST /__sim/alerts',
			times: 0,
		});
		const ids = idsOf(output, 'id');
		expect(new Set(ids).size).toBe(ids.length);
		const read = new Set(ids);
		expect([...before].filter((id) => !read.has(id))).toEqual([]);
		// the alerts raised after the first page are newer than where the walk stands: not part of this read
		expect(ids).toHaveLength(before.size);
		const [newest] = await run(new UtmStack(), { ...search, limit: 1 }, utm.credentials);
		expect(before.has(String(newest.json.id))).toBe(false);
	}, 120_000);
});

test('UTMStack: more than 10,000 alerts at one timestamp cannot be walked: the read fails, it does not stop short', async () => {
	const utm = await simulator(
		'utmstack',
		{ alertCount: 1, logCount: 0 },
		{ authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
		'utmStackApi',
	);
	utm.sim.control('/__sim/alerts', { count: 10_500, timestamp: '2026-11-01T00:00:00.000Z' });
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
	expect(error.message).toBe('More than 10,000 records share the time 2026-11-01T00:00:00.000Z');
});

describe('Stellar Cyber cases while cases arrive and change', () => {
	const CASES = 1700;
	let stellar: Awaited<ReturnType<typeof simulator>>;
	const getMany = {
		resource: 'case',
		operation: 'getMany',
		filters: {},
		sort: 'created_at',
		order: 'desc',
	};
	const stopChurn = () =>
		stellar.sim.control('/__sim/churn', {
			path: '/connect/api/v1/cases',
			route: 'POST /__sim/cases',
			times: 0,
		});

	beforeAll(async () => {
		stellar = await simulator(
			'stellarcyber',
			{ caseCount: CASES },
			{ keyType: 'scoped', apiKey: STELLAR.apiKey },
			'stellarCyberApi',
		);
	});
	afterEach(stopChurn);

	test.each([
		['created_at', 'desc', undefined],
		['created_at', 'asc', undefined],
		['score', 'desc', undefined],
		['created_at', 'desc', 1200],
	])(
		'sorted by %s %s (limit %s): 25 new cases after every page read; every earlier case once',
		async (sort, order, limit) => {
			const before = idsOf(
				await run(
					new StellarCyber(),
					{ ...getMany, sort, order, returnAll: true },
					stellar.credentials,
				),
				'_id',
			);
			stellar.sim.control('/__sim/churn', {
				path: '/connect/api/v1/cases',
				route: 'POST /__sim/cases',
				body: { count: 25 },
				times: 10,
			});
			const output = await run(
				new StellarCyber(),
				{ ...getMany, sort, order, ...(limit ? { limit } : { returnAll: true }) },
				stellar.credentials,
			);
			const ids = idsOf(output, '_id');
			expect(new Set(ids).size).toBe(ids.length);
			const expected = limit === undefined ? before : before.slice(0, limit - 25 * 10);
			for (const id of expected) expect(ids).toContain(id);
			if (limit !== undefined) expect(ids).toHaveLength(limit);
		},
	);

	test('sorted by modified_at: cases an analyst touches mid-read (ones not read yet) still come, once', async () => {
		const before = idsOf(
			await run(
				new StellarCyber(),
				{ ...getMany, sort: 'modified_at', returnAll: true },
				stellar.credentials,
			),
			'_id',
		);
		// the oldest-modified cases: the last a newest-first read reaches, moved to the front while it runs
		stellar.sim.control('/__sim/churn', {
			path: '/connect/api/v1/cases',
			route: 'POST /__sim/cases/modify',
			body: { ids: before.slice(-30) },
			times: 3,
		});
		const output = await run(
			new StellarCyber(),
			{ ...getMany, sort: 'modified_at', returnAll: true },
			stellar.credentials,
		);
		const ids = idsOf(output, '_id');
		expect(ids).toHaveLength(before.length);
		expect(new Set(ids)).toEqual(new Set(before));
	});
});

test('ECE search while a deployment not read yet is modified: each deployment once (stable id sort)', async () => {
	const ece = await simulator(
		'ece',
		{ deploymentCount: 350 },
		{ authMethod: 'apiKey', apiKey: ECE.apiKey },
		'elasticCloudEnterpriseApi',
	);
	const search = {
		resource: 'deployment',
		operation: 'search',
		queryType: 'queryString',
		query: '',
		returnAll: true,
	};
	const before = idsOf(await run(new ElasticCloudEnterprise(), search, ece.credentials), 'id');
	expect(before).toHaveLength(350);
	const listed = ece.sim
		.control<Array<{ id: string }>>('/__sim/deployments', undefined, 'GET')
		.map((deployment) => deployment.id);
	// ECE's default order is the last modified first: under it, the deployment on the last page would jump to the first
	for (const id of [listed[0], listed[listed.length - 1], listed[200]]) {
		ece.sim.control('/__sim/churn', {
			path: '/api/v1/deployments/_search',
			route: 'POST /__sim/deployments/health',
			body: { id, healthy: false },
			times: 1,
		});
		const ids = idsOf(await run(new ElasticCloudEnterprise(), search, ece.credentials), 'id');
		expect(ids).toHaveLength(350);
		expect(new Set(ids)).toEqual(new Set(before));
	}
});
