import type { INodeExecutionData } from 'n8n-workflow';

import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { idsOf, nodeRuns } from '../helpers/node-runs';
import { IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';

/**
 * The listings that page by offset or page number, while their records are created, closed, unlinked,
 * renamed or deleted between two page reads (POST /__sim/churn runs a change after each page answered).
 * Records taken out of a listing ahead of the read pull the rest back under the page boundary: a reader
 * that only drops repeats by id skips as many records in silence. Each read here returns every record
 * that was in the listing when it began and was still there when the read reached its place, once.
 */

const { simulator, run, runError } = nodeRuns();
const chunks = <T>(list: T[], size: number) =>
	Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
		list.slice(i * size, i * size + size),
	);

function expectEachOnce(ids: string[], expected: string[]) {
	expect(ids.length - new Set(ids).size).toBe(0);
	const read = new Set(ids);
	expect(expected.filter((id) => !read.has(id))).toEqual([]);
}

describe('UTMStack open incidents while analysts close and raise incidents', () => {
	const OPEN = 2500;
	let utm: Awaited<ReturnType<typeof simulator>>;
	const getMany = { resource: 'incident', operation: 'getMany', filters: { statuses: ['OPEN'] } };
	const incidentPath = '/api/utm-incidents';
	let opened: string[];

	beforeAll(async () => {
		utm = await simulator(
			'utmstack',
			{ alertCount: 200, logCount: 0 },
			{ authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
			'utmStackApi',
		);
		utm.sim.control('/__sim/incidents', { count: OPEN });
	});
	beforeEach(() => {
		opened = [];
		utm.sim.resetStats();
	});
	afterEach(() =>
		utm.sim.control('/__sim/churn', {
			path: incidentPath,
			route: 'POST /__sim/incidents',
			times: 0,
		}),
	);

	async function openIncidents() {
		const output = await run(new UtmStack(), { ...getMany, returnAll: true }, utm.credentials);
		utm.sim.resetStats();
		return idsOf(output, 'id');
	}

	test('each page read is followed by closing the incidents it held: every open incident still comes, once', async () => {
		const before = await openIncidents();
		expect(before.length).toBeGreaterThanOrEqual(OPEN);
		// what each page of 1,000 held, closed right after it was answered (as a triage workflow running beside this one would)
		const bodies = chunks(before, 1000).map((ids) => ({
			ids: ids.map(Number),
			status: 'COMPLETED',
		}));
		utm.sim.control('/__sim/churn', {
			path: incidentPath,
			route: 'POST /__sim/incidents/status',
			bodies,
		});
		const output = await run(new UtmStack(), { ...getMany, returnAll: true }, utm.credentials);
		const ids = idsOf(output, 'id');
		expectEachOnce(ids, before);
		expect(ids).toEqual(before);
		opened = before;
		// put them back for the next test
		utm.sim.control('/__sim/incidents/status', { ids: opened.map(Number), status: 'OPEN' });
	});

	test('a Limit of 1,500 while 40 new incidents are raised after every page: the 1,500 newest open at the start', async () => {
		const before = await openIncidents();
		utm.sim.control('/__sim/churn', {
			path: incidentPath,
			route: 'POST /__sim/incidents',
			body: { count: 40 },
			times: 5,
		});
		const output = await run(new UtmStack(), { ...getMany, limit: 1500 }, utm.credentials);
		expect(idsOf(output, 'id')).toEqual(before.slice(0, 1500));
	});
});

describe('Stellar Cyber cases and case alerts while analysts work on them', () => {
	let stellar: Awaited<ReturnType<typeof simulator>>;
	const casesPath = '/connect/api/v1/cases';
	const stopChurn = () =>
		stellar.sim.control('/__sim/churn', { path: casesPath, route: 'POST /__sim/cases', times: 0 });
	const newCases = {
		resource: 'case',
		operation: 'getMany',
		filters: { statuses: ['New'] },
		sort: 'score',
		order: 'desc',
	};

	beforeAll(async () => {
		stellar = await simulator(
			'stellarcyber',
			{ caseCount: 600 },
			{ keyType: 'scoped', apiKey: STELLAR.apiKey },
			'stellarCyberApi',
		);
		stellar.sim.control('/__sim/cases', { count: 1800, status: 'New' });
	});
	afterEach(stopChurn);

	const casesNow = async (parameters: Record<string, unknown>) =>
		idsOf(
			await run(new StellarCyber(), { ...newCases, ...parameters }, stellar.credentials),
			'_id',
		);

	test('new cases by score (a Limit of 1,200), the first page of 500 resolved right after it is read: the 1,200 highest scored, in order', async () => {
		const before = await casesNow({ returnAll: true });
		expect(before.length).toBeGreaterThan(1500);
		stellar.sim.control('/__sim/churn', {
			path: casesPath,
			route: 'POST /__sim/cases/modify',
			body: { ids: before.slice(0, 500), status: 'Resolved' },
		});
		const ids = await casesNow({ limit: 1200 });
		expect(ids).toEqual(before.slice(0, 1200));
		stopChurn();
		stellar.sim.control('/__sim/cases/modify', { ids: before, status: 'New' });
	});

	test('new cases by score, Return All while the cases of the second page are resolved right after it is read: every case once, by score', async () => {
		const output = await run(
			new StellarCyber(),
			{ ...newCases, returnAll: true },
			stellar.credentials,
		);
		const before = idsOf(output, '_id');
		// A Return All walks created_at forward in pages of 500; the 1,800 cases created in one millisecond are
		// one tie, paged by skip: resolving what the second page held pulls the rest of the tie back under the third.
		const byId = (a: INodeExecutionData, b: INodeExecutionData) =>
			String(a.json._id) < String(b.json._id) ? -1 : 1;
		const byCreation = [...output].sort(
			(a, b) => Number(a.json.created_at) - Number(b.json.created_at) || byId(a, b),
		);
		// the second query starts at the tie's time, so it holds the tie's first 500 (some read already on the first page)
		const tieTime = Number(byCreation[byCreation.length - 1].json.created_at);
		const secondPage = idsOf(
			byCreation.filter((record) => Number(record.json.created_at) === tieTime),
			'_id',
		).slice(0, 500);
		stellar.sim.control('/__sim/churn', {
			path: casesPath,
			route: 'POST /__sim/cases/modify',
			body: { ids: secondPage, status: 'Resolved' },
			after: 1,
		});
		const again = await run(
			new StellarCyber(),
			{ ...newCases, returnAll: true },
			stellar.credentials,
		);
		expect(idsOf(again, '_id')).toEqual(before);
		const scores = again.map((record) => Number(record.json.score));
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		stopChurn();
		stellar.sim.control('/__sim/cases/modify', { ids: secondPage, status: 'New' });
	});

	test("a case's alerts while an analyst unlinks the ones read and the engine links new ones: every alert linked at the start once", async () => {
		const [target] = await run(new StellarCyber(), { ...newCases, limit: 1 }, stellar.credentials);
		const caseId = String(target.json._id);
		stellar.sim.control('/__sim/cases/alerts', { caseId, add: 230 });
		const alertsPath = `${casesPath}/${caseId}/alerts`;
		const getAlerts = { resource: 'case', operation: 'getAlerts', caseId, returnAll: true };
		const before = idsOf(await run(new StellarCyber(), getAlerts, stellar.credentials), '_id');
		expect(before.length).toBeGreaterThanOrEqual(230);
		// after the first page of 50, an analyst unlinks 30 of the alerts it held and the engine links 5 new ones
		stellar.sim.control('/__sim/churn', {
			path: alertsPath,
			route: 'POST /__sim/cases/alerts',
			body: { caseId, remove: before.slice(0, 30), add: 5 },
		});
		const ids = idsOf(await run(new StellarCyber(), getAlerts, stellar.credentials), '_id');
		expectEachOnce(ids, before);
		expect(ids).toHaveLength(before.length + 5);
		expect(ids.slice(0, before.length)).toEqual(before);
	});
});

describe('Immuta data sources renamed, deleted and registered during a read; the audit log while it grows', () => {
	const SOURCES = 400;
	let immuta: Awaited<ReturnType<typeof simulator>>;
	const getMany = { resource: 'dataSource', operation: 'getMany', returnAll: true };
	const stopChurn = () =>
		immuta.sim.control('/__sim/churn', {
			path: '/dataSource',
			route: 'POST /__sim/data-sources',
			times: 0,
		});
	const dataSources = async () => idsOf(await run(new Immuta(), getMany, immuta.credentials), 'id');
	const pageReads = () =>
		immuta.sim.requestLog.filter((entry) => entry.path === '/dataSource').length;

	beforeAll(async () => {
		immuta = await simulator(
			'immuta',
			{ dataSourceCount: SOURCES },
			{ authMethod: 'apiKey', apiKey: IMMUTA.apiKey },
			'immutaApi',
		);
	});
	beforeEach(() => immuta.sim.resetStats());
	afterEach(stopChurn);

	test('150 of the data sources the first page held deleted right after it is read: every data source once', async () => {
		const before = await dataSources();
		expect(before).toHaveLength(SOURCES);
		immuta.sim.control('/__sim/churn', {
			path: '/dataSource',
			route: 'POST /__sim/data-sources/change',
			body: { ids: before.slice(0, 150).map(Number), deleted: true },
		});
		const ids = await dataSources();
		expect(ids).toEqual(before);
	});

	test('a data source not read yet renamed to sort first: still read (the read checks the count and reads the list again)', async () => {
		const before = await dataSources();
		const last = before[before.length - 1];
		immuta.sim.control('/__sim/churn', {
			path: '/dataSource',
			route: 'POST /__sim/data-sources/change',
			body: { ids: [Number(last)], name: '000 renamed during the read' },
		});
		const ids = await dataSources();
		expectEachOnce(ids, before);
		expect(ids).toHaveLength(before.length);
		expect(ids[ids.length - 1]).toBe(last);
	});

	test('new data sources registered under names that sort first, after each page: every earlier one once, and the new ones once', async () => {
		const before = await dataSources();
		immuta.sim.resetStats();
		immuta.sim.control('/__sim/churn', {
			path: '/dataSource',
			route: 'POST /__sim/data-sources',
			body: { count: 3, name: '0000 registered' },
			times: 2,
		});
		const ids = await dataSources();
		expectEachOnce(ids, before);
		expect(ids).toHaveLength(before.length + 6);
		expect(pageReads()).toBeLessThanOrEqual(3 + 3);
	});

	test('a catalog that changes at its start after every page read fails loudly after three readings instead of reading forever', async () => {
		immuta.sim.control('/__sim/churn', {
			path: '/dataSource',
			route: 'POST /__sim/data-sources',
			body: { count: 1, name: '00 busy' },
			times: 100,
		});
		const error = await runError(new Immuta(), getMany, immuta.credentials);
		expect(error.message).toMatch(
			/^The list changed while it was read: \d+ of \d+ records could not be read$/,
		);
		expect(pageReads()).toBeLessThanOrEqual(3 * 3);
	});

	test('the audit log, newest first, while 40 records are written after every page read: every earlier record once', async () => {
		const audit = { resource: 'audit', operation: 'getMany', returnAll: true, filters: {} };
		const before = idsOf(await run(new Immuta(), audit, immuta.credentials), 'id');
		immuta.sim.control('/__sim/churn', {
			path: '/audit',
			route: 'POST /__sim/audit',
			body: { count: 40 },
			times: 10,
		});
		const ids = idsOf(await run(new Immuta(), audit, immuta.credentials), 'id');
		expectEachOnce(ids, before);
		immuta.sim.control('/__sim/churn', { path: '/audit', route: 'POST /__sim/audit', times: 0 });
	});
});
