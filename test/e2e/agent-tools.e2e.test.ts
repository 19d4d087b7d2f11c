import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { mcpServerWorkflow, secopsType, type ChainNode } from '../../scripts/n8n/workflow-builder';
import { eceResources } from '../../nodes/ElasticCloudEnterprise/actions';
import { immutaResources } from '../../nodes/Immuta/actions';
import { stellarCyberResources } from '../../nodes/StellarCyber/actions';
import { utmStackResources } from '../../nodes/UtmStack/actions';
import { NOT_TRIED_AGAIN } from '../../credentials/common/session/login-answers';
import { AGENT_MAX_RECORDS } from '../../nodes/common/agent-tool';
import { IMMUTA } from '../simulators/fixtures';
import { leakedSecrets } from './support/secrets';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/**
 * Our nodes as an AI agent's tools, with no language model: n8n's MCP Server Trigger serves the Tool
 * variants of our nodes, and an MCP client (the protocol's own SDK) plays the agent. It lists the tools,
 * reads their names, descriptions and input schemas (built by n8n from the $fromAI() parameters), calls
 * them and gets the simulators' records back; refusals reach it as tool errors with no secret in them.
 */

const WRONG_PASSWORD = 'wrong-Password-mcp-31';

const fromAI = (key: string, description: string, type: 'string' | 'number') =>
	`={{ $fromAI('${key}', '${description}', '${type}') }}`;

function tool(
	name: string,
	node: string,
	credentialType: string,
	credentialId: string,
	parameters: Record<string, unknown>,
): ChainNode {
	return {
		name,
		type: secopsType(`${node}Tool`),
		parameters,
		credentials: { [credentialType]: { id: credentialId, name: credentialId } },
	};
}

const searchAlerts = (credentialId: string) =>
	tool('Search UTMStack alerts', 'utmStack', 'utmStackApi', credentialId, {
		resource: 'alert',
		operation: 'search',
		indexPattern: 'alert-*',
		filters: {
			filter: [
				{
					field: 'severity',
					operator: 'IS',
					value: fromAI('severity', 'Alert severity: 1 low, 2 medium, 3 high', 'number'),
				},
			],
		},
		timeRange: 'none',
		sortField: '@timestamp',
		sortDirection: 'desc',
		// Left on from a workflow step: a tool ignores it and returns up to its Limit.
		returnAll: true,
		limit: fromAI('limit', 'How many alerts to return, newest first', 'number'),
	});

/** Immuta's Disable User as a tool; refused to the agent unless `allowAgents` is on in the node. */
const disableImmutaUser = (extra: Record<string, unknown> = {}) =>
	tool('Disable Immuta user', 'immuta', 'immutaApi', 'secopsImmApiKey1', {
		resource: 'user',
		operation: 'disable',
		iamId: 'bim',
		userId: fromAI('user_id', 'The Immuta user ID (sign-in name) to disable', 'string'),
		...extra,
	});

const CASE_ID = fromAI('case_id', 'The case ID, the _id of a Stellar Cyber case', 'string');

const TOOLS: ChainNode[] = [
	searchAlerts('secopsUtmPasswd1'),
	tool('Get Stellar Cyber case', 'stellarCyber', 'stellarCyberApi', 'secopsStlScoped1', {
		resource: 'case',
		operation: 'get',
		caseId: CASE_ID,
	}),
	tool('Update Stellar Cyber case', 'stellarCyber', 'stellarCyberApi', 'secopsStlScoped1', {
		resource: 'case',
		operation: 'update',
		caseId: CASE_ID,
		updateFields: {
			status: fromAI(
				'status',
				'The new status: New, In Progress, Escalated, Resolved or Cancelled',
				'string',
			),
		},
	}),
	tool(
		'Get ECE deployment',
		'elasticCloudEnterprise',
		'elasticCloudEnterpriseApi',
		'secopsEceApiKey1',
		{
			resource: 'deployment',
			operation: 'get',
			deploymentId: fromAI(
				'deployment_id',
				'The deployment ID, 32 hexadecimal characters',
				'string',
			),
		},
	),
	tool('Get Immuta current user', 'immuta', 'immutaApi', 'secopsImmApiKey1', {
		resource: 'user',
		operation: 'getCurrent',
	}),
	// a containment operation the workflow's author allowed agents to run
	disableImmutaUser({ allowAgents: true }),
];

const REFUSED_TOOLS: ChainNode[] = [
	searchAlerts('secopsUtmWrongMcp'),
	tool(
		'Create ECE API key',
		'elasticCloudEnterprise',
		'elasticCloudEnterpriseApi',
		'secopsEceApiKey1',
		{
			resource: 'apiKey',
			operation: 'create',
			description: fromAI('description', 'What the key is for', 'string'),
		},
	),
	disableImmutaUser(),
];

/** What each tool should tell the agent: the operation's own tool description. */
const DESCRIPTIONS: Record<string, string> = {
	Search_UTMStack_alerts: utmStackResources.alert.operations.search.toolDescription,
	Get_Stellar_Cyber_case: stellarCyberResources.case.operations.get.toolDescription,
	Update_Stellar_Cyber_case: stellarCyberResources.case.operations.update.toolDescription,
	Get_ECE_deployment: eceResources.deployment.operations.get.toolDescription,
	Get_Immuta_current_user: immutaResources.user.operations.getCurrent.toolDescription,
	Disable_Immuta_user: immutaResources.user.operations.disable.toolDescription,
};

interface ToolAnswer {
	isError: boolean;
	text: string;
}

describe.each(versionsUnderTest())('our nodes as MCP tools in $label', (version) => {
	let env: E2eEnvironment;
	const seen: string[] = [];
	const clients: Client[] = [];
	/** Every call and answer, written beside n8n's log for the reader of a run. */
	const transcript: Array<{
		tool: string;
		arguments: Record<string, unknown>;
		isError: boolean;
		text: string;
	}> = [];

	/** n8n answers before it has registered every active workflow's webhooks: a 404 is tried again for a while. */
	async function connect(path: string): Promise<Client> {
		const started = Date.now();
		for (;;) {
			const client = new Client({ name: 'secops-e2e-agent', version: '1.0.0' });
			try {
				await client.connect(
					new StreamableHTTPClientTransport(new URL(`${env.n8n.url}/mcp/${path}`)),
				);
				clients.push(client);
				return client;
			} catch (error) {
				await client.close().catch(() => undefined);
				if (!/"code":404/.test(String(error)) || Date.now() - started > 60_000) throw error;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		}
	}

	async function call(
		client: Client,
		name: string,
		args: Record<string, unknown>,
	): Promise<ToolAnswer> {
		const result = (await client.callTool({ name, arguments: args })) as {
			isError?: boolean;
			content: Array<{ type: string; text?: string }>;
		};
		const text = result.content.map((part) => part.text ?? '').join('\n');
		seen.push(text);
		transcript.push({
			tool: name,
			arguments: args,
			isError: result.isError === true,
			text: text.slice(0, 400),
		});
		return { isError: result.isError === true, text };
	}

	/** The records a tool answered: n8n answers a node tool's output items as JSON text. */
	function records(answer: ToolAnswer): Array<Record<string, unknown>> {
		expect(answer.isError).toBe(false);
		const parsed = JSON.parse(answer.text) as unknown;
		const list = Array.isArray(parsed) ? parsed : [parsed];
		return list.map(
			(entry) => ((entry as { json?: unknown }).json ?? entry) as Record<string, unknown>,
		);
	}

	beforeAll(async () => {
		env = await startEnvironment(version, 'agent-tools', { startServer: false });
		const utm = env.credential('secopsUtmPasswd1');
		await env.n8n.importCredentials([
			{
				id: 'secopsUtmWrongMcp',
				name: 'UTMStack (wrong password)',
				type: utm.type,
				data: { ...utm.data, password: WRONG_PASSWORD },
			},
		]);
		await env.n8n.importWorkflows([
			mcpServerWorkflow('mcp-tools', 'SecOps tools for agents', 'secops-tools', TOOLS),
			mcpServerWorkflow(
				'mcp-refusals',
				'SecOps tools that refuse',
				'secops-refusals',
				REFUSED_TOOLS,
			),
		]);
		await env.n8n.activateWorkflows(['mcp-tools', 'mcp-refusals']);
		await env.n8n.start();
	});

	afterAll(async () => {
		for (const client of clients) await client.close().catch(() => undefined);
		if (env)
			writeFileSync(
				join(env.n8n.userFolder, 'mcp-transcript.json'),
				JSON.stringify(transcript, null, 2),
			);
		await env?.stop();
	});

	test('lists every tool with its operation description and an input schema made of its $fromAI() parameters', async () => {
		const client = await connect('secops-tools');
		const { tools } = await client.listTools();
		seen.push(JSON.stringify(tools));
		const byName = Object.fromEntries(tools.map((entry) => [entry.name, entry]));
		expect(Object.keys(byName).sort()).toEqual(Object.keys(DESCRIPTIONS).sort());
		for (const [name, description] of Object.entries(DESCRIPTIONS))
			expect(byName[name].description).toBe(description);

		const fields = (name: string) => {
			const schema = byName[name].inputSchema as {
				properties?: Record<string, { type: string; description?: string }>;
				required?: string[];
			};
			return {
				properties: Object.fromEntries(
					Object.entries(schema.properties ?? {}).map(([key, value]) => [
						key,
						`${value.type}: ${value.description ?? ''}`,
					]),
				),
				required: [...(schema.required ?? [])].sort(),
			};
		};
		expect(fields('Search_UTMStack_alerts')).toEqual({
			properties: {
				severity: 'number: Alert severity: 1 low, 2 medium, 3 high',
				limit: 'number: How many alerts to return, newest first',
			},
			required: ['limit', 'severity'],
		});
		expect(fields('Get_Stellar_Cyber_case')).toEqual({
			properties: { case_id: 'string: The case ID, the _id of a Stellar Cyber case' },
			required: ['case_id'],
		});
		expect(fields('Update_Stellar_Cyber_case')).toEqual({
			properties: {
				case_id: 'string: The case ID, the _id of a Stellar Cyber case',
				status: 'string: The new status: New, In Progress, Escalated, Resolved or Cancelled',
			},
			required: ['case_id', 'status'],
		});
		expect(fields('Get_ECE_deployment')).toEqual({
			properties: { deployment_id: 'string: The deployment ID, 32 hexadecimal characters' },
			required: ['deployment_id'],
		});
		expect(fields('Get_Immuta_current_user')).toEqual({ properties: {}, required: [] });
		expect(fields('Disable_Immuta_user')).toEqual({
			properties: { user_id: 'string: The Immuta user ID (sign-in name) to disable' },
			required: ['user_id'],
		});
	});

	test("calls return the simulators' records: UTMStack alerts by severity, a Stellar Cyber case read and escalated, an ECE deployment, the Immuta user", async () => {
		const client = await connect('secops-tools');

		// Three high alerts newer than every seeded one: the newest three of severity 3.
		const future = new Date(Date.now() + 60_000).toISOString();
		const raised = env.simulators.utmstack.control<{ alerts: Array<{ id: string }> }>(
			'/__sim/alerts',
			{ count: 3, severity: 3, timestamp: future },
		).alerts;
		const alerts = records(await call(client, 'Search_UTMStack_alerts', { severity: 3, limit: 3 }));
		expect(alerts.map((alert) => String(alert.id)).sort()).toEqual(
			raised.map((alert) => String(alert.id)).sort(),
		);
		expect(alerts.every((alert) => alert.severity === 3)).toBe(true);

		const [created] = env.simulators.stellarcyber.control<{
			data: { cases: Array<{ _id: string; name: string }> };
		}>('/__sim/cases', { count: 1 }).data.cases;
		const [before] = records(
			await call(client, 'Get_Stellar_Cyber_case', { case_id: created._id }),
		);
		expect(before).toMatchObject({ _id: created._id, name: created.name, status: 'New' });
		const [escalated] = records(
			await call(client, 'Update_Stellar_Cyber_case', {
				case_id: created._id,
				status: 'Escalated',
			}),
		);
		expect(escalated).toMatchObject({ _id: created._id, status: 'Escalated' });
		const [after] = records(await call(client, 'Get_Stellar_Cyber_case', { case_id: created._id }));
		expect(after.status).toBe('Escalated');

		const [deployment] = env.simulators.ece.control<Array<{ id: string; name: string }>>(
			'/__sim/deployments',
			undefined,
			'GET',
		);
		const [read] = records(
			await call(client, 'Get_ECE_deployment', { deployment_id: deployment.id }),
		);
		expect(read).toMatchObject({ id: deployment.id, name: deployment.name });

		const [user] = records(await call(client, 'Get_Immuta_current_user', {}));
		expect(user).toMatchObject({ userid: IMMUTA.username });

		// allowed in its node, the containment tool runs; a second call changes nothing and says so
		const target = 'analyst40@example.test';
		const [disabled] = records(await call(client, 'Disable_Immuta_user', { user_id: target }));
		expect(disabled).toMatchObject({ userid: target, disabled: true, changed: true });
		const [again] = records(await call(client, 'Disable_Immuta_user', { user_id: target }));
		expect(again).toMatchObject({ userid: target, disabled: true, changed: false });
		expect(
			env.simulators.immuta.requestLog
				.filter((entry) => entry.method === 'PUT')
				.map((entry) => entry.path),
		).toEqual([`/bim/iam/bim/user/${encodeURIComponent(target)}/disable/true`]);
	});

	test(`an agent gets at most ${AGENT_MAX_RECORDS} records: a larger Limit is a tool error and sends no search`, async () => {
		const client = await connect('secops-tools');
		env.simulators.utmstack.resetStats();
		const answer = await call(client, 'Search_UTMStack_alerts', { severity: 2, limit: 5000 });
		expect(answer.text).toContain(`at most ${AGENT_MAX_RECORDS} records`);
		expect(
			env.simulators.utmstack.requestLog.filter(
				(entry) => entry.path === '/api/elasticsearch/search',
			),
		).toHaveLength(0);

		const most = records(
			await call(client, 'Search_UTMStack_alerts', { severity: 2, limit: AGENT_MAX_RECORDS }),
		);
		expect(most).toHaveLength(AGENT_MAX_RECORDS);
		expect(new Set(most.map((alert) => alert.id)).size).toBe(AGENT_MAX_RECORDS);
	});

	test('a refused login reaches the agent as a clear tool error with no secret, tried once; creating an API key is refused before any request', async () => {
		const client = await connect('secops-refusals');
		env.simulators.utmstack.resetStats();
		env.simulators.ece.resetStats();
		const first = await call(client, 'Search_UTMStack_alerts', { severity: 3, limit: 5 });
		const again = await call(client, 'Search_UTMStack_alerts', { severity: 3, limit: 5 });
		for (const answer of [first, again]) {
			expect(answer.isError).toBe(true);
			expect(answer.text).toContain('UTMStack rejected the login: wrong username or password');
			expect(answer.text).not.toContain('Could not reach');
			expect(answer.text).not.toContain(WRONG_PASSWORD);
		}
		expect(first.text).toContain(NOT_TRIED_AGAIN);
		expect(again.text).toContain('no new login was attempted since');
		expect(env.simulators.utmstack.stats.logins).toBe(1);
		expect(
			env.simulators.utmstack.requestLog.filter(
				(entry) => entry.path === '/api/elasticsearch/search',
			),
		).toHaveLength(0);

		const key = await call(client, 'Create_ECE_API_key', { description: 'agent key' });
		expect(key.text).toContain('not available to AI agents');
		expect(
			env.simulators.ece.requestLog.filter((entry) => entry.path === '/api/v1/users/auth/keys'),
		).toHaveLength(0);

		// a containment operation whose node does not allow agents: refused before any request
		env.simulators.immuta.resetStats();
		const disable = await call(client, 'Disable_Immuta_user', {
			user_id: 'analyst41@example.test',
		});
		expect(disable.isError).toBe(true);
		expect(disable.text).toContain('not available to AI agents on this node');
		expect(disable.text).toContain('Allow AI Agents to Run This');
		expect(env.simulators.immuta.requestLog).toEqual([]);
	});

	test('nothing the agent received and nothing n8n logged holds a password, key or token', () => {
		expect(seen.length).toBeGreaterThan(5);
		const everything = `${seen.join('\n')}\n${env.n8n.log()}`;
		expect(everything).not.toContain(WRONG_PASSWORD);
		expect(leakedSecrets(everything, Object.values(env.simulators))).toEqual([]);
	});
});
