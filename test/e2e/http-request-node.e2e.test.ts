import { chainWorkflow } from '../../scripts/n8n/workflow-builder';
import { leakedSecrets } from './support/secrets';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/**
 * Each credential as a "predefined credential type" in n8n's own HTTP Request node, calling an endpoint
 * our nodes do not wrap: the login, the saved token and the header come from the credential.
 */

const CASES = [
	{
		id: 'secopsUtmPasswd1',
		path: '/api/utm-index-patterns',
		check: (json: Record<string, unknown>) => typeof json.pattern === 'string' || 'id' in json,
	},
	{
		id: 'secopsStlScoped1',
		path: '/connect/api/v1/tenants',
		check: (json: Record<string, unknown>) => Array.isArray(json.data),
	},
	{
		id: 'secopsImmPasswd1',
		path: '/policy/global',
		check: (json: Record<string, unknown>) => 'id' in json || 'name' in json,
	},
	{
		id: 'secopsEcePasswd1',
		path: '/api/v1/platform',
		check: (json: Record<string, unknown>) => 'version' in json,
	},
];

describe.each(versionsUnderTest())(
	'HTTP Request node with our credentials in $label',
	(version) => {
		let env: E2eEnvironment;
		const seen: string[] = [];

		beforeAll(async () => {
			env = await startEnvironment(version, 'http-request', { startServer: false });
			await env.n8n.importWorkflows(
				CASES.map(({ id, path }) => {
					const credential = env.credential(id);
					return chainWorkflow(`http-${id}`, `HTTP Request with ${credential.name}`, [
						{
							name: 'HTTP Request',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							parameters: {
								method: 'GET',
								url: `${env.simulators[credential.vendor].url}${path}`,
								authentication: 'predefinedCredentialType',
								nodeCredentialType: credential.type,
								options: {},
							},
							credentials: { [credential.type]: { id: credential.id, name: credential.name } },
						},
					]);
				}),
			);
		});

		afterAll(async () => {
			await env?.stop();
		});

		test.each(CASES)(
			'$id: logs in once, then the saved token serves the next run',
			async ({ id, check }) => {
				const simulator = env.simulators[env.credential(id).vendor];
				simulator.resetStats();
				const first = await env.n8n.execute(`http-${id}`);
				seen.push(first.stdout, first.stderr);
				expect(first.run).toBeDefined();
				const items = first.output('HTTP Request');
				expect(items.length).toBeGreaterThan(0);
				expect(check(items[0])).toBe(true);
				expect(simulator.stats.logins).toBe(1);
				simulator.resetStats();
				const second = await env.n8n.execute(`http-${id}`);
				seen.push(second.stdout, second.stderr);
				expect(second.run).toBeDefined();
				expect(simulator.stats.logins).toBe(0);
				expect(simulator.stats.unauthorized).toBe(0);
			},
		);

		test('no secret or token in the runs or the log', () => {
			expect(
				leakedSecrets(`${seen.join('\n')}\n${env.n8n.log()}`, Object.values(env.simulators)),
			).toEqual([]);
		});
	},
);
