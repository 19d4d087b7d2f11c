import type { INodeExecutionData } from 'n8n-workflow';

import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, IMMUTA } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/**
 * Immuta containment: a user disabled and enabled, a group membership removed and given back, who holds access to
 * a data source; each against the simulator's routes from Immuta's API description and Terraform provider.
 */

let simulator: RunningSimulator;
let harness: N8nHarness;
const CREDENTIAL = 'immuta-access';
const USER = 'analyst9@example.test';
const USER_PATH = encodeURIComponent(USER);
/** analyst9 is user 11 of the seed: a member of group 1 (Data Governance) and of SOC (4), as every fifth user is. */
const TEAM_GROUP = 1;
const SOC_GROUP = 4;

beforeAll(async () => {
	simulator = await startSimulator('immuta', { dataSourceCount: 30 });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	harness.addCredential(CREDENTIAL, 'immutaApi', {
		baseUrl: simulator.url,
		authMethod: 'apiKey',
		apiKey: IMMUTA.apiKey,
	});
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => simulator.resetStats());

const item = (json: Record<string, unknown> = {}): INodeExecutionData => ({ json: json as never });
const apiRequests = () =>
	simulator.requestLog
		.filter((entry) => !entry.path.includes('authenticate'))
		.map((entry) => `${entry.method} ${entry.path}`);
const locator = (value: string | number) => ({ mode: 'id', value: String(value) });

async function run(parameters: Record<string, unknown>, options: { asTool?: boolean } = {}) {
	const [output] = await harness.runNode(
		new Immuta(),
		parameters as never,
		[item()],
		{ immutaApi: CREDENTIAL },
		options,
	);
	expect(JSON.stringify(output)).not.toMatch(new RegExp(ALL_FIXTURE_SECRETS.join('|')));
	return output.map((entry) => entry.json);
}

async function runError(parameters: Record<string, unknown>, options: { asTool?: boolean } = {}) {
	try {
		await run(parameters, options);
	} catch (error) {
		const text = `${error.message} ${error.description ?? ''}`;
		for (const secret of ALL_FIXTURE_SECRETS) expect(text).not.toContain(secret);
		return { message: String(error.message), description: String(error.description ?? '') };
	}
	throw new Error('the node did not fail');
}

const user = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'user',
	operation,
	iamId: 'bim',
	userId: locator(USER),
	...extra,
});

test('Disable: the user is found by its user ID, disabled once; again changes nothing; Enable gives it back', async () => {
	const [disabled] = await run(user('disable'));
	expect(disabled).toMatchObject({ iamid: 'bim', userid: USER, disabled: true, changed: true });
	expect(apiRequests()).toEqual([
		'GET /bim/user',
		`PUT /bim/iam/bim/user/${USER_PATH}/disable/true`,
	]);
	const lookup = simulator.requestLog.find((entry) => entry.path === '/bim/user');
	expect(lookup?.query).toMatchObject({ userid: USER, includeDisabled: 'true' });

	simulator.resetStats();
	const [again] = await run(user('disable'));
	expect(again).toMatchObject({ disabled: true, changed: false });
	expect(apiRequests()).toEqual(['GET /bim/user']);

	simulator.resetStats();
	const [enabled] = await run(user('enable'));
	expect(enabled).toMatchObject({ disabled: false, changed: true });
	expect(apiRequests()).toEqual([
		'GET /bim/user',
		`PUT /bim/iam/bim/user/${USER_PATH}/disable/false`,
	]);
});

test('a user ID that only partly matches others is not taken for them; an unknown user is named with where to look', async () => {
	// "analyst1@example.test" is a substring of no other seeded user id, "analyst1" of many
	const error = await runError(user('disable', { userId: locator('analyst1') }));
	expect(error.message).toBe('Immuta has no user "analyst1" in the identity manager "bim"');
	expect(error.description).toMatch(/Get Many users lists both/);
	expect(apiRequests().filter((request) => request.startsWith('PUT'))).toEqual([]);
	const wrongIam = await runError(user('disable', { iamId: 'okta' }));
	expect(wrongIam.message).toBe(`Immuta has no user "${USER}" in the identity manager "okta"`);
});

test("Remove From Group: the membership id comes from the user's groups; removed once, then nothing to do; Add to Group puts it back once", async () => {
	const [removed] = await run(user('removeFromGroup', { groupId: locator(SOC_GROUP) }));
	expect(removed).toMatchObject({
		userid: USER,
		groupId: SOC_GROUP,
		groupName: 'SOC',
		member: false,
		changed: true,
	});
	expect(typeof removed.membershipId).toBe('number');
	expect(apiRequests()).toEqual([
		'GET /bim/user',
		`GET /bim/iam/bim/user/${USER_PATH}/groups`,
		`DELETE /bim/group/${SOC_GROUP}/user/${String(removed.membershipId)}`,
	]);

	simulator.resetStats();
	const [again] = await run(user('removeFromGroup', { groupId: locator(SOC_GROUP) }));
	expect(again).toMatchObject({ member: false, changed: false });
	expect(apiRequests().some((request) => request.startsWith('DELETE'))).toBe(false);

	simulator.resetStats();
	const [added] = await run(user('addToGroup', { groupId: locator(SOC_GROUP) }));
	expect(added).toMatchObject({ member: true, changed: true });
	const post = simulator.requestLog.find((entry) => entry.method === 'POST');
	expect(post).toMatchObject({
		path: `/bim/group/${SOC_GROUP}/user`,
		body: { userid: USER, iamid: 'bim' },
	});
	expect(typeof added.membershipId).toBe('number');

	simulator.resetStats();
	const [addedAgain] = await run(user('addToGroup', { groupId: locator(SOC_GROUP) }));
	expect(addedAgain).toMatchObject({ member: true, changed: false, groupName: 'SOC' });
	expect(apiRequests().some((request) => request.startsWith('POST'))).toBe(false);
	// the other membership was never touched
	const groups = await fetch(`${simulator.url}/bim/iam/bim/user/${USER_PATH}/groups`, {
		headers: { authorization: IMMUTA.apiKey },
	}).then(async (answer) => (await answer.json()) as Array<{ id: number }>);
	expect(groups.map((group) => group.id).sort()).toEqual([SOC_GROUP, TEAM_GROUP].sort());
});

test("a key without the user-admin permission: Immuta's refusal in its own words, and nothing changed", async () => {
	simulator.control('/__sim/permissions', { revoke: ['USER_ADMIN'] });
	try {
		const error = await runError(user('disable'));
		expect(error.message).toMatch(/You do not have the USER_ADMIN permission/);
		expect(error.description).toMatch(/HTTP 403 to PUT/);
	} finally {
		simulator.control('/__sim/permissions', { grant: ['USER_ADMIN'] });
	}
	const [state] = await run(user('enable'));
	expect(state).toMatchObject({ changed: false });
});

test("as an AI agent's tool: refused before any request unless the node allows agents; allowed, it runs", async () => {
	const refused = await runError(user('disable'), { asTool: true });
	expect(refused.message).toMatch(/not available to AI agents on this node/);
	expect(refused.message).toMatch(/Allow AI Agents to Run This/);
	expect(simulator.requestLog).toEqual([]);
	const group = await runError(user('removeFromGroup', { groupId: locator(TEAM_GROUP) }), {
		asTool: true,
	});
	expect(group.message).toMatch(/not available to AI agents/);
	expect(simulator.requestLog).toEqual([]);

	const [allowed] = await run(user('disable', { allowAgents: true }), { asTool: true });
	expect(allowed).toMatchObject({ disabled: true, changed: true });
	const [back] = await run(user('enable', { allowAgents: true }), { asTool: true });
	expect(back).toMatchObject({ disabled: false, changed: true });
	// reads stay open to agents
	expect(
		(
			await run(
				{ resource: 'dataSource', operation: 'getAccess', dataSourceId: locator(3), limit: 5 },
				{ asTool: true },
			)
		).length,
	).toBeGreaterThan(0);
});

describe('Get Users With Access', () => {
	test('one record per user; the access levels sent as a repeated parameter; name order asked for', async () => {
		const output = await run({
			resource: 'dataSource',
			operation: 'getAccess',
			dataSourceId: locator(3),
			returnAll: true,
		});
		expect(output.length).toBeGreaterThanOrEqual(2);
		expect(new Set(output.map((record) => record.profile)).size).toBe(output.length);
		for (const record of output) {
			expect(['subscribed', 'expert', 'owner']).toContain(record.state);
			expect(typeof record.userid).toBe('string');
		}
		const [request] = simulator.requestLog.filter((entry) => entry.path === '/dataSource/3/access');
		expect(request.query).toMatchObject({
			sortField: 'name',
			sortOrder: 'asc',
			expandGroups: 'true',
		});
		expect(request.query.states).toEqual(['subscribed', 'expert', 'owner']);
	});

	test('Get Many data sources by tag, then who has access to each: every record says its data source', async () => {
		const tagged = await run({
			resource: 'dataSource',
			operation: 'getMany',
			returnAll: true,
			tag: 'Sensitivity.Confidential',
		});
		const all = await run({ resource: 'dataSource', operation: 'getMany', returnAll: true });
		expect(tagged.length).toBeGreaterThan(0);
		expect(tagged.length).toBeLessThan(all.length);
		const listing = simulator.requestLog.filter((entry) => entry.path === '/dataSource');
		expect(listing[0].query.tag).toBe('Sensitivity.Confidential');
		const [source] = tagged;
		const access = await run({
			resource: 'dataSource',
			operation: 'getAccess',
			dataSourceId: locator(String(source.id)),
			returnAll: true,
		});
		expect(access.every((record) => record.dataSourceId === source.id)).toBe(true);
	});

	test('only owners: the level is sent and kept', async () => {
		const output = await run({
			resource: 'dataSource',
			operation: 'getAccess',
			dataSourceId: locator(3),
			returnAll: true,
			accessLevels: ['owner'],
		});
		expect(output.length).toBeGreaterThanOrEqual(1);
		expect(output.every((record) => record.state === 'owner')).toBe(true);
	});

	test.each([
		[0, 1],
		[1, 1],
		[200, 2],
		[201, 2],
		[450, 3],
	])(
		'%i users with access: each once, in %i requests (no count: paged until a short page)',
		async (count, requests) => {
			simulator.control('/__sim/access', { dataSourceId: 7, count });
			const output = await run({
				resource: 'dataSource',
				operation: 'getAccess',
				dataSourceId: locator(7),
				returnAll: true,
			});
			expect(output).toHaveLength(count);
			expect(new Set(output.map((record) => record.profile)).size).toBe(count);
			expect(
				apiRequests().filter((request) => request === 'GET /dataSource/7/access'),
			).toHaveLength(requests);
		},
	);

	test("an unknown data source: Immuta's 404 says which", async () => {
		const error = await runError({
			resource: 'dataSource',
			operation: 'getAccess',
			dataSourceId: locator(9999),
			returnAll: true,
		});
		expect(error.message).toMatch(/data source 9999/);
	});
});

test('the editor lists users (disabled ones too, with their IAM) and groups', async () => {
	const users = (await harness.loadList(
		new Immuta(),
		'listSearch',
		'searchUsers',
		{},
		{ immutaApi: CREDENTIAL },
		{ filter: 'analyst9' },
	)) as {
		results: Array<{ name: string; value: string }>;
	};
	expect(users.results.map((entry) => entry.value)).toContain(USER);
	expect(users.results.find((entry) => entry.value === USER)?.name).toMatch(/IAM bim/);
	const groups = (await harness.loadList(
		new Immuta(),
		'listSearch',
		'searchGroups',
		{},
		{ immutaApi: CREDENTIAL },
	)) as {
		results: Array<{ name: string; value: string }>;
	};
	expect(groups.results.map((entry) => entry.name)).toContain('SOC (4)');
});

describe('answers read strictly, reads bounded', () => {
	afterEach(() => simulator.control('/__sim/quirks', {}));

	test('a user listed without its profile: the disable fails naming what came, and nothing is changed; the picker fails too', async () => {
		simulator.control('/__sim/quirks', {
			path: '/bim/user',
			answerWith: { count: 1, hits: [{ id: 11, userid: USER, iamid: 'bim', disabled: false }] },
		});
		const error = await runError(user('disable'));
		expect(error.message).toBe('Immuta answered GET /bim/user in a form this node cannot read');
		expect(error.description).toMatch(/a record at "profile"/);
		expect(apiRequests().filter((request) => request.startsWith('PUT'))).toEqual([]);
		await expect(
			harness.loadList(new Immuta(), 'listSearch', 'searchUsers', {}, { immutaApi: CREDENTIAL }),
		).rejects.toThrow(/cannot read/);
	});

	test('an access list whose pages never move (offset ignored): the read fails after 4 requests, naming it', async () => {
		simulator.control('/__sim/access', { dataSourceId: 8, count: 450 });
		simulator.control('/__sim/quirks', { path: '/dataSource/8/access', repeatFirstAnswer: true });
		const error = await runError({
			resource: 'dataSource',
			operation: 'getAccess',
			dataSourceId: locator(8),
			returnAll: true,
		});
		expect(error.message).toBe(
			'Immuta sent 3 pages in a row that held only records this read had received already: it did not move to the next page',
		);
		// the first page, then three that repeat it
		expect(apiRequests().filter((request) => request === 'GET /dataSource/8/access')).toHaveLength(
			4,
		);
	});
});
