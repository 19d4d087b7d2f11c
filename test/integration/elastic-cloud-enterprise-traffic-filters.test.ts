import type { INodeExecutionData } from 'n8n-workflow';

import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ALL_FIXTURE_SECRETS, ECE } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/**
 * The Elastic Cloud Enterprise node's traffic filter operations against the ECE simulator: the requests each sends
 * (ece-swagger.json `/deployments/traffic-filter/rulesets…`), the answers it reads, ECE's refusals, and the
 * containment operations refused to an AI agent unless the workflow's author allows it.
 */

let simulator: RunningSimulator;
let harness: N8nHarness;
const CREDENTIAL = 'ece-traffic-filters';
const RULESETS = '/api/v1/deployments/traffic-filter/rulesets';
/** The simulator's seeded rulesets: office-ips applies to the first two deployments, soc-vpn to the first three. */
const OFFICE_IPS = 'a4b1e0c9f7d24e1b9c3f';
let deploymentIds: string[];

beforeAll(async () => {
	simulator = await startSimulator('ece', { deploymentCount: 5 });
	harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	harness.addCredential(CREDENTIAL, 'elasticCloudEnterpriseApi', {
		baseUrl: simulator.url,
		authMethod: 'password',
		username: ECE.username,
		password: ECE.password,
	});
	deploymentIds = simulator
		.control<Array<{ id: string }>>('/__sim/deployments', undefined, 'GET')
		.map((deployment) => deployment.id);
});

afterAll(async () => {
	await simulator.close();
});

beforeEach(() => simulator.resetStats());

const item = (json: Record<string, unknown> = {}): INodeExecutionData => ({ json: json as never });
/** What the node sent, without the login: method, path, query and body. */
const apiRequests = () =>
	simulator.requestLog
		.filter((entry) => !entry.path.includes('/users/auth/_login'))
		.map(({ method, path, query, body }) => ({ method, path, query, body }));
/** A record id as a node of version 2 or later saves it ("By ID"). */
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: Record<string, unknown>, options: { asTool?: boolean } = {}) {
	const [output] = await harness.runNode(
		new ElasticCloudEnterprise(),
		{ resource: 'trafficFilter', ...parameters } as never,
		[item()],
		{ elasticCloudEnterpriseApi: CREDENTIAL },
		options,
	);
	expect(JSON.stringify(output)).not.toMatch(new RegExp(ALL_FIXTURE_SECRETS.join('|')));
	return output;
}

async function runError(parameters: Record<string, unknown>, options: { asTool?: boolean } = {}) {
	try {
		await run(parameters, options);
	} catch (error) {
		for (const secret of ALL_FIXTURE_SECRETS)
			expect(`${error.message} ${error.description}`).not.toContain(secret);
		return { message: String(error.message), description: String(error.description ?? '') };
	}
	throw new Error('the node did not fail');
}

async function createRuleset(name: string, region = 'ece-region'): Promise<string> {
	const [created] = await run({
		operation: 'create',
		rulesetName: name,
		region,
		rules: { rule: [{ source: '192.0.2.0/24' }] },
	});
	return String(created.json.id);
}

test('create, get, update, apply twice, remove twice, delete: each request and answer', async () => {
	const deploymentId = deploymentIds[4];

	// create: TrafficFilterRulesetRequest with every required field; 201 {id}
	const [created] = await run({
		operation: 'create',
		rulesetName: 'incident-4711',
		region: 'ece-region',
		rulesetType: 'ip',
		rules: {
			rule: [{ source: '203.0.113.0/24', description: 'SOC analysts' }, { source: '198.51.100.7' }],
		},
		additionalFields: { description: 'Containment for incident 4711' },
	});
	const sent = {
		name: 'incident-4711',
		description: 'Containment for incident 4711',
		type: 'ip',
		region: 'ece-region',
		include_by_default: false,
		rules: [{ source: '203.0.113.0/24', description: 'SOC analysts' }, { source: '198.51.100.7' }],
	};
	expect(apiRequests()).toEqual([{ method: 'POST', path: RULESETS, query: {}, body: sent }]);
	const id = String(created.json.id);
	expect(id).toMatch(/^[0-9a-f]{20}$/);
	expect(created.json).toEqual({ id, ...sent, changed: true });

	// get: the ruleset with its deployments (none yet); ECE gave each rule an id
	simulator.resetStats();
	const [read] = await run({ operation: 'get', rulesetId: byId(id) });
	expect(apiRequests()).toEqual([
		{
			method: 'GET',
			path: `${RULESETS}/${id}`,
			query: { include_associations: 'true' },
			body: undefined,
		},
	]);
	expect(read.json).toEqual({
		id,
		...sent,
		rules: [
			{
				id: expect.stringMatching(/^[0-9a-f]{32}$/),
				source: '203.0.113.0/24',
				description: 'SOC analysts',
			},
			{ id: expect.stringMatching(/^[0-9a-f]{32}$/), source: '198.51.100.7' },
		],
		total_associations: 0,
		associations: [],
	});

	// update: read, then PUT the whole request with the fields set here (the rules replaced)
	simulator.resetStats();
	const [updated] = await run({
		operation: 'update',
		rulesetId: byId(id),
		updateFields: {
			rulesetName: 'incident-4711-narrowed',
			rules: { rule: [{ source: '203.0.113.10', description: 'on-call analyst' }] },
		},
	});
	const narrowed = {
		...sent,
		name: 'incident-4711-narrowed',
		rules: [{ source: '203.0.113.10', description: 'on-call analyst' }],
	};
	expect(apiRequests()).toEqual([
		{
			method: 'GET',
			path: `${RULESETS}/${id}`,
			query: { include_associations: 'true' },
			body: undefined,
		},
		{ method: 'PUT', path: `${RULESETS}/${id}`, query: {}, body: narrowed },
	]);
	expect(updated.json).toEqual({
		id,
		...narrowed,
		total_associations: 0,
		associations: [],
		changed: true,
	});

	// the same update again: the ruleset already holds it, so only the read is sent
	simulator.resetStats();
	const [unchanged] = await run({
		operation: 'update',
		rulesetId: byId(id),
		updateFields: { rulesetName: 'incident-4711-narrowed' },
	});
	expect(apiRequests().map((request) => request.method)).toEqual(['GET']);
	expect(unchanged.json.changed).toBe(false);

	// apply: 201 the first time, 200 (already associated) the second
	simulator.resetStats();
	const [applied] = await run({
		operation: 'applyToDeployment',
		rulesetId: byId(id),
		deploymentId: byId(deploymentId),
	});
	const [appliedAgain] = await run({
		operation: 'applyToDeployment',
		rulesetId: byId(id),
		deploymentId: byId(deploymentId),
	});
	const association = {
		method: 'POST',
		path: `${RULESETS}/${id}/associations`,
		query: {},
		body: { entity_type: 'deployment', id: deploymentId },
	};
	expect(apiRequests()).toEqual([association, association]);
	expect(
		simulator.requestLog
			.filter((request) => request.path.endsWith('/associations'))
			.map((request) => request.status),
	).toEqual([201, 200]);
	expect(applied.json).toEqual({ rulesetId: id, deploymentId, changed: true, applied: true });
	expect(appliedAgain.json).toEqual({ rulesetId: id, deploymentId, changed: false, applied: true });

	// the list shows the new ruleset with its deployment
	const listed = await run({ operation: 'getMany', includeAssociations: true });
	const mine = listed.find((record) => record.json.id === id);
	expect(mine?.json).toMatchObject({
		name: 'incident-4711-narrowed',
		total_associations: 1,
		associations: [{ entity_type: 'deployment', id: deploymentId }],
	});

	// delete while it applies to a deployment: ECE refuses, in its own words
	simulator.resetStats();
	const refused = await runError({ operation: 'delete', rulesetId: byId(id) });
	expect(apiRequests()).toEqual([
		{
			method: 'DELETE',
			path: `${RULESETS}/${id}`,
			query: { ignore_associations: 'false' },
			body: undefined,
		},
	]);
	expect(refused.message).toBe(
		`The traffic filter ruleset ${id} is associated with 1 deployment(s) and cannot be deleted; remove the associations first or set ignore_associations to true`,
	);
	expect(refused.description).toContain('traffic_filter.has_associations');

	// remove: 200 the first time; then a 404, and the ruleset read shows it is the association that is gone
	simulator.resetStats();
	const [removed] = await run({
		operation: 'removeFromDeployment',
		rulesetId: byId(id),
		deploymentId: byId(deploymentId),
	});
	const [removedAgain] = await run({
		operation: 'removeFromDeployment',
		rulesetId: byId(id),
		deploymentId: byId(deploymentId),
	});
	const disassociation = {
		method: 'DELETE',
		path: `${RULESETS}/${id}/associations/deployment/${deploymentId}`,
		query: {},
		body: undefined,
	};
	expect(apiRequests()).toEqual([
		disassociation,
		disassociation,
		{
			method: 'GET',
			path: `${RULESETS}/${id}`,
			query: { include_associations: 'false' },
			body: undefined,
		},
	]);
	expect(
		simulator.requestLog
			.filter((request) => request.method === 'DELETE')
			.map((request) => request.status),
	).toEqual([200, 404]);
	expect(removed.json).toEqual({ rulesetId: id, deploymentId, applied: false, changed: true });
	expect(removedAgain.json).toEqual({
		rulesetId: id,
		deploymentId,
		applied: false,
		changed: false,
	});

	// delete: no association left, so ECE deletes it
	simulator.resetStats();
	const [deleted] = await run({ operation: 'delete', rulesetId: byId(id) });
	expect(apiRequests()).toEqual([
		{
			method: 'DELETE',
			path: `${RULESETS}/${id}`,
			query: { ignore_associations: 'false' },
			body: undefined,
		},
	]);
	expect(deleted.json).toEqual({ id, deleted: true });
	const gone = await runError({ operation: 'get', rulesetId: byId(id) });
	expect(gone.message).toBe(`Elastic Cloud Enterprise has no traffic filter ruleset ${id}`);
});

test('Remove From Deployments First deletes a ruleset that still applies to deployments', async () => {
	const id = await createRuleset('incident-4712');
	await run({
		operation: 'applyToDeployment',
		rulesetId: byId(id),
		deploymentId: byId(deploymentIds[3]),
	});
	simulator.resetStats();
	const [deleted] = await run({
		operation: 'delete',
		rulesetId: byId(id),
		removeFromDeployments: true,
	});
	expect(apiRequests()).toEqual([
		{
			method: 'DELETE',
			path: `${RULESETS}/${id}`,
			query: { ignore_associations: 'true' },
			body: undefined,
		},
	]);
	expect(deleted.json).toEqual({ id, deleted: true });
	const listed = await run({ operation: 'getMany' });
	expect(listed.map((record) => record.json.id)).not.toContain(id);
});

describe('ECE refusals', () => {
	test('an unknown ruleset: get, update and delete say ECE has none; ECE says so itself on apply', async () => {
		for (const parameters of [
			{ operation: 'get' },
			{ operation: 'update', updateFields: { rulesetName: 'x' } },
			{ operation: 'delete' },
		]) {
			const error = await runError({ ...parameters, rulesetId: byId('nope') });
			expect(error.message).toBe('Elastic Cloud Enterprise has no traffic filter ruleset nope');
			expect(error.description).toContain(
				'The traffic filter ruleset specified by nope cannot be found',
			);
		}
		const apply = await runError({
			operation: 'applyToDeployment',
			rulesetId: byId('nope'),
			deploymentId: byId(deploymentIds[0]),
		});
		expect(apply.message).toBe('The traffic filter ruleset specified by nope cannot be found');
		expect(apply.description).toContain('traffic_filter.not_found');
	});

	test('removing an unknown ruleset stays an error: the 404 of the association, then the ruleset read', async () => {
		const error = await runError({
			operation: 'removeFromDeployment',
			rulesetId: byId('nope'),
			deploymentId: byId(deploymentIds[0]),
		});
		expect(error.message).toBe('Elastic Cloud Enterprise has no traffic filter ruleset nope');
		expect(apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`DELETE ${RULESETS}/nope/associations/deployment/${deploymentIds[0]}`,
			`GET ${RULESETS}/nope`,
		]);
	});

	test('an unknown deployment, and a deployment of another region, are refused', async () => {
		const unknown = await runError({
			operation: 'applyToDeployment',
			rulesetId: byId(OFFICE_IPS),
			deploymentId: byId('0'.repeat(32)),
		});
		expect(unknown.message).toBe(`Deployment ${'0'.repeat(32)} cannot be found`);
		const elsewhere = await createRuleset('other-region-only', 'other-region');
		const region = await runError({
			operation: 'applyToDeployment',
			rulesetId: byId(elsewhere),
			deploymentId: byId(deploymentIds[0]),
		});
		expect(region.message).toContain('is for region other-region');
	});
});

describe('refused before any request', () => {
	test.each([
		[
			'no rule',
			{ operation: 'create', rulesetName: 'empty', rules: {} },
			'The "Rules" parameter has no rule: add at least one source the ruleset allows',
		],
		[
			'a rule without a source',
			{
				operation: 'create',
				rulesetName: 'blank',
				rules: { rule: [{ source: '192.0.2.1' }, { source: ' ', description: 'typo' }] },
			},
			'Rule 2: the "Source" parameter is empty',
		],
		[
			'no name',
			{ operation: 'create', rulesetName: ' ', rules: { rule: [{ source: '192.0.2.1' }] } },
			'The "Name" parameter is empty',
		],
		[
			'no region',
			{
				operation: 'create',
				rulesetName: 'nowhere',
				region: ' ',
				rules: { rule: [{ source: '192.0.2.1' }] },
			},
			'The "Region" parameter is empty',
		],
		[
			'an update replacing the rules with none',
			{ operation: 'update', rulesetId: byId(OFFICE_IPS), updateFields: { rules: {} } },
			'The "Rules" parameter has no rule: add at least one source the ruleset allows',
		],
		[
			'an update with no field',
			{ operation: 'update', rulesetId: byId(OFFICE_IPS), updateFields: {} },
			'Nothing to update: add at least one field under "Update Fields"',
		],
	])('%s', async (_name, parameters, message) => {
		const error = await runError(parameters);
		expect(error.message).toBe(message);
		expect(simulator.requestLog).toHaveLength(0);
	});
});

describe('as an AI agent tool', () => {
	test.each([
		[
			'Creating a traffic filter ruleset',
			{ operation: 'create', rulesetName: 'agent', rules: { rule: [{ source: '192.0.2.1' }] } },
		],
		[
			'Updating a traffic filter ruleset',
			{ operation: 'update', rulesetId: byId(OFFICE_IPS), updateFields: { rulesetName: 'x' } },
		],
		['Deleting a traffic filter ruleset', { operation: 'delete', rulesetId: byId(OFFICE_IPS) }],
		[
			'Applying a traffic filter ruleset to a deployment',
			{
				operation: 'applyToDeployment',
				rulesetId: byId(OFFICE_IPS),
				deploymentId: byId('1'.repeat(32)),
			},
		],
		[
			'Removing a traffic filter ruleset from a deployment',
			{
				operation: 'removeFromDeployment',
				rulesetId: byId(OFFICE_IPS),
				deploymentId: byId('1'.repeat(32)),
			},
		],
	])('%s is refused unless the author allows it, before any request', async (what, parameters) => {
		const error = await runError(parameters, { asTool: true });
		expect(error.message).toBe(
			`${what} is not available to AI agents on this node: it changes access on the platform. The workflow's author can turn on "Allow AI Agents to Run This" in the node.`,
		);
		expect(simulator.requestLog).toHaveLength(0);
	});

	test('with Allow AI Agents to Run This on, the tool runs; a read needs no switch', async () => {
		const [created] = await run(
			{
				operation: 'create',
				rulesetName: 'agent-allowed',
				rules: { rule: [{ source: '192.0.2.44' }] },
				allowAgents: true,
			},
			{ asTool: true },
		);
		expect(created.json.changed).toBe(true);
		expect(apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST ${RULESETS}`,
		]);
		const [read] = await run(
			{ operation: 'get', rulesetId: byId(String(created.json.id)) },
			{ asTool: true },
		);
		expect(read.json.name).toBe('agent-allowed');
	});
});

test('the Ruleset ID list: name and ID of every ruleset, searched by the filter', async () => {
	const search = async (filter?: string) =>
		(await harness.loadList(
			new ElasticCloudEnterprise(),
			'listSearch',
			'searchTrafficFilters',
			{ resource: 'trafficFilter', operation: 'get' },
			{ elasticCloudEnterpriseApi: CREDENTIAL },
			{ filter },
		)) as { results: Array<{ name: string; value: string }> };
	const all = await search();
	expect(all.results).toContainEqual({ name: `office-ips (${OFFICE_IPS})`, value: OFFICE_IPS });
	const soc = await search('soc');
	expect(soc.results.map((result) => result.name)).toEqual(['soc-vpn (c7d2f1a0b9e84c3a1d5e)']);
	expect(apiRequests()[0]).toEqual({
		method: 'GET',
		path: RULESETS,
		query: { include_associations: 'false' },
		body: undefined,
	});
});
