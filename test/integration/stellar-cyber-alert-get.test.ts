import type { INodeExecutionData } from 'n8n-workflow';

import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, STELLAR } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/** Alert Get (one alert by its _id) against the Stellar Cyber simulator, through n8n-core. */

let simulator: RunningSimulator;
let harness: N8nHarness;
const LEGACY = 'stellar-alert-get';
const SCOPED = 'stellar-alert-get-scoped';
const SEARCH_PATH = '/connect/api/data/aella-ser-*/_search';

beforeAll(async () => {
	simulator = await startSimulator('stellarcyber', { caseCount: 60 });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	harness.addCredential(LEGACY, 'stellarCyberApi', {
		baseUrl: simulator.url,
		keyType: 'legacy',
		email: STELLAR.email,
		apiKey: STELLAR.legacyApiKey,
	});
	harness.addCredential(SCOPED, 'stellarCyberApi', {
		baseUrl: simulator.url,
		keyType: 'scoped',
		apiKey: STELLAR.apiKey,
	});
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => simulator.resetStats());

const apiRequests = () =>
	simulator.requestLog.filter((entry) => !entry.path.endsWith('/access_token'));

async function run(parameters: Record<string, unknown>, credential = LEGACY) {
	const [output] = await harness.runNode(
		new StellarCyber(),
		parameters as never,
		[{ json: {} }],
		{ stellarCyberApi: credential },
		{},
	);
	expect(JSON.stringify(output)).not.toMatch(new RegExp(ALL_FIXTURE_SECRETS.join('|')));
	return output;
}

async function runError(parameters: Record<string, unknown>, credential = LEGACY) {
	try {
		await run(parameters, credential);
	} catch (error) {
		for (const secret of ALL_FIXTURE_SECRETS)
			expect(`${error.message} ${error.description}`).not.toContain(secret);
		return { message: String(error.message), description: error.description as string | undefined };
	}
	throw new Error('the node did not fail');
}

const get = (alertId: unknown, index = 'aella-ser-*') => ({
	resource: 'alert',
	operation: 'get',
	index,
	alertId,
});

/** Alerts as Alert Search outputs them, newest first. */
async function searched(query: string, limit: number): Promise<INodeExecutionData[]> {
	return await run({
		resource: 'alert',
		operation: 'search',
		indexPattern: 'aella-ser-*',
		queryType: 'queryString',
		query,
		limit,
	});
}

test('one GET of the data API with q=_id:<id>, as XSOAR sends it; the alert once, as Alert Search gives it', async () => {
	const [alert] = await searched('*', 1);
	simulator.resetStats();
	const id = String(alert.json._id);
	const output = await run(get({ __rl: true, mode: 'id', value: id }));
	expect(apiRequests()).toHaveLength(1);
	expect(apiRequests()[0]).toMatchObject({
		method: 'GET',
		path: SEARCH_PATH,
		query: { q: `_id:${id}`, size: '2' },
		body: undefined,
		// the legacy key is exchanged for a token, then the token goes as Bearer
		auth: 'Bearer',
		status: 200,
	});
	expect(output).toHaveLength(1);
	expect(output[0].json).toEqual(alert.json);
	expect(output[0].json._id).toBe(id);
	expect(String(output[0].json._index)).toMatch(/^stellar-index-v1-ser-/);
	expect(output[0].json._source).toHaveProperty('event_status');
});

test("an alert's own _index as the Index Pattern finds it there", async () => {
	const [, alert] = await searched('*', 2);
	simulator.resetStats();
	const output = await run(get(alert.json._id, String(alert.json._index)));
	expect(apiRequests()[0].path).toBe(
		`/connect/api/data/${encodeURIComponent(String(alert.json._index))}/_search`,
	);
	expect(output.map((record) => record.json._id)).toEqual([alert.json._id]);
});

test('an unknown ID: an error naming the ID, the pattern and where to find an ID', async () => {
	const error = await runError(get('0123456789abcdef0123'));
	expect(error.message).toBe('No alert with ID 0123456789abcdef0123 in aella-ser-*');
	expect(error.description).toContain('_id of an Alert Search result');
	expect(error.description).toContain('/amsg/');
	expect(apiRequests()).toHaveLength(1);
});

test('an empty ID is refused before any request', async () => {
	for (const empty of ['', '   ', { __rl: true, mode: 'id', value: ' ' }]) {
		simulator.resetStats();
		const error = await runError(get(empty));
		expect(error.message).toBe('The "Alert ID" parameter is empty');
		expect(simulator.requestLog).toHaveLength(0);
	}
});

test('an ID with Lucene syntax is quoted: it matches no other alert', async () => {
	const [alert] = await searched('*', 1);
	const real = String(alert.json._id);
	// what such an ID would match if it went into the query as it is
	const widened = await searched(`_id:nope OR _id:*`, 5);
	expect(widened).toHaveLength(5);

	const crafted: Array<[string, string]> = [
		['nope OR _id:*', '_id:"nope OR _id:*"'],
		[`${real} OR *`, `_id:"${real} OR *"`],
		['*', '_id:"*"'],
		[`${real}*`, `_id:"${real}*"`],
		[`(${real})`, `_id:"(${real})"`],
		['>0', '_id:">0"'],
		['OR', '_id:"OR"'],
		['a"b\\c OR _id:*', '_id:"a\\"b\\\\c OR _id:*"'],
	];
	for (const [id, q] of crafted) {
		simulator.resetStats();
		const error = await runError(get(id));
		expect(error.message).toBe(`No alert with ID ${id} in aella-ser-*`);
		expect(apiRequests().map((request) => [request.query.q, request.status])).toEqual([[q, 200]]);
	}
});

test("on-premises, a scoped key is refused the data API with the edition's rule, as Alert Search is", async () => {
	const [alert] = await searched('*', 1);
	simulator.resetStats();
	const error = await runError(get(alert.json._id), SCOPED);
	expect(error.description).toContain('On Stellar Cyber on-premises');
	expect(error.description).toContain("Key Type 'Legacy User API Key'");
	expect(apiRequests().map((request) => [request.path, request.status])).toEqual([
		[SEARCH_PATH, 403],
	]);
});

test('one ID in two indices of the pattern: an error naming both, never one picked', async () => {
	const [, , alert] = await searched('*', 3);
	const id = String(alert.json._id);
	const copy = 'stellar-index-v1-ser-reindexed-000002';
	simulator.control('/__sim/alerts/copy', { id, index: copy });
	simulator.resetStats();
	const error = await runError(get(id));
	expect(error.message).toBe(`Alert ID ${id} is in more than one index matching aella-ser-*`);
	expect(error.description).toContain(String(alert.json._index));
	expect(error.description).toContain(copy);
	expect(apiRequests()).toHaveLength(1);
	// the alert's own index still finds it alone
	const output = await run(get(id, String(alert.json._index)));
	expect(output.map((record) => record.json._index)).toEqual([alert.json._index]);
});
