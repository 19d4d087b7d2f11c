import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { UtmStackTrigger } from '../../nodes/UtmStackTrigger/UtmStackTrigger.node';
import { N8nHarness, type ActiveTrigger } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, UTMSTACK } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/** The UTMStack trigger against the UTMStack simulator, polled the way n8n polls an active workflow. */

let simulator: RunningSimulator;
let harness: N8nHarness;
let credentialCount = 0;

beforeAll(async () => {
	simulator = await startSimulator('utmstack', { alertCount: 2000, logCount: 10 });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => {
	simulator.resetStats();
	simulator.control('/__sim/faults', { requests: 0 });
});

/** A fresh credential (no token yet) and a trigger on it, activated. */
function activate(parameters: IDataObject = {}): ActiveTrigger {
	const id = `utm-trigger-${++credentialCount}`;
	harness.addCredential(id, 'utmStackApi', {
		baseUrl: simulator.url,
		authMethod: 'password',
		username: UTMSTACK.username,
		password: UTMSTACK.password,
	});
	// The cursor itself, without the look-back window (tested on its own below).
	return harness.activateTrigger(
		new UtmStackTrigger(),
		{
			event: 'newAlert',
			indexPattern: 'alert-*',
			minSeverity: 1,
			filters: {},
			...parameters,
			options: { lookBackMinutes: 0, ...((parameters.options as object | undefined) ?? {}) },
		} as never,
		{ utmStackApi: id },
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

/** New alerts written by the simulator's correlation engine, `count` per timestamp. */
function raise(
	count: number,
	options: { timestamp?: string; severity?: number } = {},
): IDataObject[] {
	return simulator.control<{ alerts: IDataObject[] }>('/__sim/alerts', { count, ...options })
		.alerts;
}

/**
 * `perBatch` alerts at each of `batches` timestamps one millisecond apart, all after the trigger's cursor;
 * returns once they are in the past (the trigger reads up to the server's now).
 */
async function raiseSpread(
	trigger: ActiveTrigger,
	batches: number,
	perBatch: number,
): Promise<IDataObject[]> {
	const start = Math.max(
		Number((trigger.staticData().cursor as IDataObject).time) + 1,
		Date.now() - 1000,
	);
	const alerts = Array.from({ length: batches }, (_, i) =>
		raise(perBatch, { timestamp: new Date(start + i).toISOString() }),
	).flat();
	while (Date.now() <= start + batches) await new Promise((resolve) => setTimeout(resolve, 5));
	return alerts;
}

const searches = () =>
	simulator.requestLog.filter((entry) => entry.path === '/api/elasticsearch/search');
const ids = (alerts: IDataObject[]) => alerts.map((alert) => alert.id);
const inTimeOrder = (alerts: IDataObject[]) =>
	alerts
		.map((alert) => Date.parse(String(alert['@timestamp'])))
		.every((t, i, all) => i === 0 || all[i - 1] <= t);

test('a manual run returns the newest matching alert and records no cursor', async () => {
	const [newest] = raise(1, { timestamp: new Date(Date.now() - 1000).toISOString() });
	const trigger = activate();
	const items = await poll(trigger, 'manual');
	expect(ids(items)).toEqual([newest.id]);
	expect(searches()[0].query).toMatchObject({
		indexPattern: 'alert-*',
		sort: '@timestamp,desc',
		page: '1',
		size: '1',
	});
	expect(trigger.staticData()).toEqual({});
});

test('the first poll records the newest alert as the cursor and emits nothing; the next polls emit only new alerts', async () => {
	const trigger = activate();
	expect(await poll(trigger)).toEqual([]);
	const cursor = trigger.staticData().cursor as IDataObject;
	expect(cursor.time).toEqual(expect.any(Number));
	expect(await poll(trigger)).toEqual([]);
	const fresh = raise(2);
	expect(ids(await poll(trigger))).toEqual(ids(fresh));
	expect(await poll(trigger)).toEqual([]);
	// one login for the whole life of the trigger, one search per poll
	expect(simulator.stats.logins).toBe(1);
	expect(searches()).toHaveLength(4);
	expect(searches()[3].body).toEqual([
		{ field: '@timestamp', operator: 'IS_BETWEEN', value: [fresh[0]['@timestamp'], 'now'] },
	]);
	expect(searches()[3].query).toMatchObject({ sort: '@timestamp,asc' });
});

test('ties on the timestamp: alerts sharing the cursor time are each emitted once, even when they arrive later', async () => {
	const trigger = activate();
	await poll(trigger);
	const first = raise(3);
	expect(ids(await poll(trigger))).toEqual(ids(first));
	const late = raise(2, { timestamp: String(first[0]['@timestamp']) });
	expect(ids(await poll(trigger))).toEqual(ids(late));
	expect(await poll(trigger)).toEqual([]);
	expect((trigger.staticData().cursor as IDataObject).ids).toHaveLength(5);
});

test('a backlog larger than a page is drained in time order within one poll, each alert once', async () => {
	const trigger = activate({ options: { maxPerPoll: 5000 } });
	await poll(trigger);
	simulator.resetStats();
	const backlog = await raiseSpread(trigger, 25, 100);
	const items = await poll(trigger);
	expect(items).toHaveLength(2500);
	expect(new Set(ids(items))).toEqual(new Set(ids(backlog)));
	expect(inTimeOrder(items)).toBe(true);
	expect(searches().map((entry) => entry.query.size)).toEqual(['1000', '1000', '1000']);
	expect(await poll(trigger)).toEqual([]);
});

test('Max Alerts per Poll: the rest of the backlog comes with the next poll, oldest first', async () => {
	const trigger = activate({ options: { maxPerPoll: 150 } });
	await poll(trigger);
	const backlog = await raiseSpread(trigger, 4, 50);
	const first = await poll(trigger);
	const second = await poll(trigger);
	expect(first).toHaveLength(150);
	expect(second).toHaveLength(50);
	expect(ids([...first, ...second])).toEqual(ids(backlog));
	expect(await poll(trigger)).toEqual([]);
});

test('a failing poll leaves the cursor where it was: the next poll emits everything once', async () => {
	const trigger = activate({ options: { maxPerPoll: 5000 } });
	await poll(trigger);
	const before = trigger.staticData();
	const backlog = await raiseSpread(trigger, 12, 100);
	// the second page of the drain fails
	simulator.control('/__sim/faults', { after: 1, requests: 1, status: 500 });
	await expect(poll(trigger)).rejects.toThrow('Simulated server failure');
	expect(trigger.staticData()).toEqual(before);
	const items = await poll(trigger);
	expect(ids(items)).toEqual(ids(backlog));
	expect(await poll(trigger)).toEqual([]);
});

test('a token expiring between polls is renewed before the search: one login, no 401', async () => {
	simulator.setTokenLifetime(2);
	try {
		const trigger = activate();
		await poll(trigger);
		await poll(trigger);
		expect(simulator.stats.logins).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 2100));
		raise(1);
		expect(await poll(trigger)).toHaveLength(1);
		expect(simulator.stats.logins).toBe(2);
		expect(simulator.stats.unauthorized).toBe(0);
	} finally {
		simulator.setTokenLifetime(86_400);
	}
});

test('Minimum Severity and the filters go into the search; only matching alerts are emitted', async () => {
	const trigger = activate({
		minSeverity: 3,
		filters: { filter: [{ field: 'name', operator: 'IS', value: 'Ransomware outbreak' }] },
	});
	await poll(trigger);
	const at = Date.now() - 2000;
	raise(2, { timestamp: new Date(at).toISOString(), severity: 2 });
	simulator.control('/__sim/alerts', {
		count: 1,
		severity: 3,
		timestamp: new Date(at + 1).toISOString(),
	});
	const high = simulator.control<{ alerts: IDataObject[] }>('/__sim/alerts', {
		count: 1,
		severity: 3,
		name: 'Ransomware outbreak',
		timestamp: new Date(at + 2).toISOString(),
	}).alerts;
	const items = await poll(trigger);
	expect(ids(items)).toEqual(ids(high));
	expect(searches().at(-1)?.body).toEqual(
		expect.arrayContaining([
			{ field: 'name', operator: 'IS', value: 'Ransomware outbreak' },
			{ field: 'severity', operator: 'IS_GREATER_THAN', value: '2' },
		]),
	);
});

test('a filter without its value fails before any request, naming the filter', async () => {
	const trigger = activate({ filters: { filter: [{ field: 'name', operator: 'IS', value: '' }] } });
	await expect(poll(trigger)).rejects.toThrow('Filter 1: the "Value" parameter is needed for "Is"');
	expect(simulator.stats.requests).toBe(0);
});

describe('look-back for alerts indexed late', () => {
	// Each test watches alerts of its own name, so the alerts of other tests do not move its cursor.
	const watching = (name: string, minutes = 5) =>
		activate({
			filters: { filter: [{ field: 'name', operator: 'IS', value: name }] },
			options: { lookBackMinutes: minutes },
		});
	const raiseNamed = (name: string, msAgo: number) =>
		raise(1, { timestamp: new Date(Date.now() - msAgo).toISOString(), name } as never)[0];

	test('an alert stamped before the newest one emitted, but indexed after it, is emitted once', async () => {
		raiseNamed('Late A', 240_000);
		const trigger = watching('Late A');
		await poll(trigger);
		const fresh = raiseNamed('Late A', 1000);
		expect(ids(await poll(trigger))).toEqual([fresh.id]);
		// indexed now, stamped two minutes ago: older than the newest alert already emitted
		const late = raiseNamed('Late A', 120_000);
		expect(ids(await poll(trigger))).toEqual([late.id]);
		expect(await poll(trigger)).toEqual([]);
		expect(await poll(trigger)).toEqual([]);
	});

	test('alerts that existed when the trigger was activated are never emitted later', async () => {
		raiseNamed('Late B', 60_000);
		raiseNamed('Late B', 30_000);
		const trigger = watching('Late B');
		await poll(trigger);
		expect(await poll(trigger)).toEqual([]);
		const next = raiseNamed('Late B', 500);
		expect(ids(await poll(trigger))).toEqual([next.id]);
		expect(await poll(trigger)).toEqual([]);
	});

	test('without the look-back (0 minutes), the same late alert is never seen', async () => {
		raiseNamed('Late C', 240_000);
		const trigger = watching('Late C', 0);
		await poll(trigger);
		raiseNamed('Late C', 1000);
		expect(await poll(trigger)).toHaveLength(1);
		raiseNamed('Late C', 120_000);
		expect(await poll(trigger)).toEqual([]);
	});
});

test('UTMStack 11: with Leave Out Repeats a repeat is read past but not emitted; without it, it comes as a new alert', async () => {
	const v11 = await startSimulator('utmstack', {
		alertCount: 40,
		logCount: 0,
		utmstackRelease: 'v11',
	});
	try {
		const triggerOn = (leaveOutRepeats: boolean) => {
			const id = `utm-trigger-${++credentialCount}`;
			harness.addCredential(id, 'utmStackApi', {
				baseUrl: v11.url,
				authMethod: 'apiKey',
				apiKey: UTMSTACK.apiKey,
			});
			return harness.activateTrigger(
				new UtmStackTrigger(),
				{
					event: 'newAlert',
					indexPattern: 'v11-alert-*',
					minSeverity: 1,
					filters: {},
					leaveOutRepeats,
					options: { lookBackMinutes: 0 },
				} as never,
				{ utmStackApi: id },
			);
		};
		const grouped = triggerOn(true);
		const every = triggerOn(false);
		await poll(grouped);
		await poll(every);
		const raiseV11 = (body: IDataObject) =>
			v11.control<{ alerts: IDataObject[] }>('/__sim/alerts', body).alerts;
		const [first] = raiseV11({ timestamp: new Date(Date.now() - 3000).toISOString() });
		const [repeat] = raiseV11({
			repeatOf: first.id,
			timestamp: new Date(Date.now() - 2000).toISOString(),
		});
		expect(repeat.parentId).toBe(first.id);
		expect(ids(await poll(grouped))).toEqual([first.id]);
		expect(ids(await poll(every))).toEqual([first.id, repeat.id]);
		// the cursor moved past the repeat: a later alert comes alone, the repeat never
		const [later] = raiseV11({ timestamp: new Date(Date.now() - 1000).toISOString() });
		expect(ids(await poll(grouped))).toEqual([later.id]);
	} finally {
		await v11.close();
	}
});
