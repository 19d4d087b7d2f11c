import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { StellarCyberTrigger } from '../../nodes/StellarCyberTrigger/StellarCyberTrigger.node';
import { N8nHarness, type ActiveTrigger } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, STELLAR } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/** The Stellar Cyber trigger (new and updated cases) against the Stellar Cyber simulator, polled as n8n does. */

let simulator: RunningSimulator;
let harness: N8nHarness;
let credentialCount = 0;

beforeAll(async () => {
	simulator = await startSimulator('stellarcyber', { caseCount: 300 });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => {
	simulator.resetStats();
	simulator.control('/__sim/faults', { requests: 0 });
});

function activate(parameters: IDataObject = {}): ActiveTrigger {
	const id = `stellar-trigger-${++credentialCount}`;
	harness.addCredential(id, 'stellarCyberApi', {
		baseUrl: simulator.url,
		keyType: 'scoped',
		apiKey: STELLAR.apiKey,
	});
	// The cursor itself, without the look-back window (tested on its own below).
	return harness.activateTrigger(
		new StellarCyberTrigger(),
		{
			event: 'newCase',
			tenantId: '',
			statuses: [],
			minScore: 0,
			...parameters,
			options: { lookBackMinutes: 0, ...((parameters.options as object | undefined) ?? {}) },
		} as never,
		{ stellarCyberApi: id },
	);
}

async function poll(
	trigger: ActiveTrigger,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<IDataObject[]> {
	const result = await trigger.poll(mode);
	const items: INodeExecutionData[] = result?.[0] ?? [];
	expect(JSON.stringify(items)).not.toMatch(new RegExp(ALL_FIXTURE_SECRETS.join('|')));
	return items.map((item) => item.json);
}

/** New cases, all created in the same millisecond (a tie on created_at). */
function openCases(count: number, options: IDataObject = {}): IDataObject[] {
	return simulator.control<{ data: { cases: IDataObject[] } }>('/__sim/cases', {
		count,
		...options,
	}).data.cases;
}

function touchCases(cases: IDataObject[], status?: string): void {
	simulator.control('/__sim/cases/modify', {
		ids: cases.map((record) => record._id),
		...(status ? { status } : {}),
	});
}

/** Lets the clock move past the millisecond of the last change, so the next batch has its own time. */
const nextMillisecond = async () => await new Promise((resolve) => setTimeout(resolve, 3));

const caseQueries = () =>
	simulator.requestLog.filter((entry) => entry.path === '/connect/api/v1/cases');
const ids = (records: IDataObject[]) => records.map((record) => record._id);
/** Cases in one tie come in the platform's own order: compare them as a set. */
const idSet = (records: IDataObject[]) => new Set(ids(records));

test('a manual run returns the newest case and records no cursor', async () => {
	await nextMillisecond();
	const [newest] = openCases(1);
	const trigger = activate();
	expect(ids(await poll(trigger, 'manual'))).toEqual([newest._id]);
	expect(caseQueries()[0].query).toMatchObject({
		sort: 'created_at',
		order: 'desc',
		skip: '0',
		limit: '1',
	});
	expect(trigger.staticData()).toEqual({});
});

test('new cases: the first poll emits nothing, then each new case once, ties on created_at included', async () => {
	const trigger = activate();
	expect(await poll(trigger)).toEqual([]);
	await nextMillisecond();
	const first = openCases(3);
	const emitted = await poll(trigger);
	expect(idSet(emitted)).toEqual(idSet(first));
	for (const record of emitted)
		expect(record.created_at_iso).toBe(new Date(record.created_at as number).toISOString());
	expect(await poll(trigger)).toEqual([]);
	await nextMillisecond();
	const second = openCases(2);
	expect(idSet(await poll(trigger))).toEqual(idSet(second));
	const query = caseQueries().at(-1)?.query;
	expect(query).toMatchObject({
		sort: 'created_at',
		order: 'asc',
		skip: '0',
		limit: '500',
		'FROM~created_at': String(first[0].created_at),
	});
	// one token exchange for every poll
	expect(simulator.stats.logins).toBe(1);
});

test('updated cases: each change to a matching case is emitted once, and new cases count as changes too', async () => {
	const trigger = activate({ event: 'updatedCase' });
	await poll(trigger);
	await nextMillisecond();
	const [a, b] = openCases(2);
	expect(idSet(await poll(trigger))).toEqual(new Set([a._id, b._id]));
	await nextMillisecond();
	touchCases([b], 'In Progress');
	const changed = await poll(trigger);
	expect(ids(changed)).toEqual([b._id]);
	expect(changed[0].status).toBe('In Progress');
	await nextMillisecond();
	touchCases([b, a]);
	expect(idSet(await poll(trigger))).toEqual(new Set([a._id, b._id]));
	expect(await poll(trigger)).toEqual([]);
	expect(caseQueries().at(-1)?.query).toMatchObject({ sort: 'modified_at', order: 'asc' });
});

test('a modified case does not fire the new-case event', async () => {
	const trigger = activate();
	await poll(trigger);
	const [existing] = simulator.control<{ data: { cases: IDataObject[] } }>('/__sim/cases', {
		count: 1,
	}).data.cases;
	await poll(trigger);
	await nextMillisecond();
	touchCases([existing]);
	expect(await poll(trigger)).toEqual([]);
});

test('a backlog of 1,200 cases created in one millisecond drains within one poll (skip within the tie), each once', async () => {
	const trigger = activate({ options: { maxPerPoll: 5000 } });
	await poll(trigger);
	await nextMillisecond();
	simulator.resetStats();
	const backlog = openCases(1200);
	const items = await poll(trigger);
	expect(items).toHaveLength(1200);
	expect(new Set(ids(items))).toEqual(new Set(ids(backlog)));
	// first page from the old cursor; then the same query over the tie goes on with skip, each page starting
	// at the last case of the one before (a page that starts elsewhere means the tie moved under the read)
	expect(caseQueries().map((entry) => [entry.query.skip, entry.query.limit])).toEqual([
		['0', '500'],
		['0', '500'],
		['499', '500'],
		['998', '500'],
	]);
	expect(await poll(trigger)).toEqual([]);
});

test('Max Cases per Poll: the rest comes with the next poll, oldest first', async () => {
	const trigger = activate({ options: { maxPerPoll: 4 } });
	await poll(trigger);
	const backlog: IDataObject[] = [];
	for (let i = 0; i < 3; i++) {
		await nextMillisecond();
		backlog.push(...openCases(2));
	}
	const first = await poll(trigger);
	const second = await poll(trigger);
	expect(first).toHaveLength(4);
	expect(second).toHaveLength(2);
	// oldest first: the first poll takes the first two batches whole
	expect(idSet(first)).toEqual(idSet(backlog.slice(0, 4)));
	expect(idSet(second)).toEqual(idSet(backlog.slice(4)));
	expect(await poll(trigger)).toEqual([]);
});

test('a failing poll leaves the cursor where it was: nothing lost, nothing twice', async () => {
	const trigger = activate({ options: { maxPerPoll: 5000 } });
	await poll(trigger);
	const before = trigger.staticData();
	await nextMillisecond();
	openCases(300);
	await nextMillisecond();
	openCases(300);
	simulator.control('/__sim/faults', { after: 1, requests: 1, status: 500 });
	await expect(poll(trigger)).rejects.toThrow('Internal Server Error');
	expect(trigger.staticData()).toEqual(before);
	const items = await poll(trigger);
	expect(items).toHaveLength(600);
	expect(new Set(ids(items)).size).toBe(600);
});

test('a token expiring between polls is renewed before the call: no 401 spent', async () => {
	simulator.setTokenLifetime(2);
	try {
		const trigger = activate();
		await poll(trigger);
		await poll(trigger);
		expect(simulator.stats.logins).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 2100));
		openCases(1);
		expect(await poll(trigger)).toHaveLength(1);
		expect(simulator.stats.logins).toBe(2);
		expect(simulator.stats.unauthorized).toBe(0);
	} finally {
		simulator.setTokenLifetime(600);
	}
});

test('tenant, statuses and minimum score narrow the cases', async () => {
	const tenantId = String(openCases(1)[0].cust_id);
	const trigger = activate({ tenantId, statuses: ['New', 'Escalated'], minScore: 80 });
	await poll(trigger);
	await nextMillisecond();
	openCases(1, { score: 50 });
	openCases(1, { score: 90, status: 'Resolved' });
	const [wanted] = openCases(1, { score: 95, status: 'Escalated' });
	expect(ids(await poll(trigger))).toEqual([wanted._id]);
	expect(caseQueries().at(-1)?.query).toMatchObject({
		tenantid: tenantId,
		status: 'New,Escalated',
		'FROM~score': '80',
	});
});

test('activated amid a tie longer than a page: the first poll reads the whole tie, so none of it is emitted later', async () => {
	await nextMillisecond();
	openCases(250);
	const trigger = activate();
	simulator.resetStats();
	expect(await poll(trigger)).toEqual([]);
	expect(
		caseQueries().map((entry) => [entry.query.order, entry.query.skip, entry.query.limit]),
	).toEqual([
		['desc', '0', '100'],
		['desc', '100', '100'],
		['desc', '200', '100'],
	]);
	expect((trigger.staticData().cursor as IDataObject).ids).toHaveLength(250);
	expect(await poll(trigger)).toEqual([]);
});
