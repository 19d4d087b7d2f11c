import { startEnvironment, type E2eEnvironment } from './support/environment';
import { leakedSecrets } from './support/secrets';
import { versionsUnderTest } from './support/versions';
import { stellarUserId } from '../simulators/data/stellar-cyber';

/**
 * The lists the editor loads for our fields, asked for the way the editor asks: n8n's REST endpoints for a
 * resource locator's "From List" and for a dropdown's options, with a saved credential, on each n8n version.
 */

interface ListPage {
	results: Array<{ name: string; value: string }>;
	paginationToken?: string;
}

describe.each(versionsUnderTest())(
	"the editor's lists through n8n's REST API in $label",
	(version) => {
		let env: E2eEnvironment;

		beforeAll(async () => {
			env = await startEnvironment(version, 'editor-lists');
		});

		afterAll(async () => {
			await env?.stop();
		});

		function credentialsOf(id: string) {
			const credential = env.credential(id);
			return { [credential.type]: { id: credential.id, name: credential.name } };
		}

		async function fromList(
			node: string,
			methodName: string,
			field: string,
			credentialId: string,
			parameters: Record<string, unknown>,
			filter?: string,
		): Promise<ListPage> {
			const answer = await env.rest.call<ListPage>(
				'POST',
				'/dynamic-node-parameters/resource-locator-results',
				{
					nodeTypeAndVersion: { name: `n8n-nodes-secops.${node}`, version: 2 },
					methodName,
					path: `parameters.${field}`,
					currentNodeParameters: {
						...parameters,
						[field]: { __rl: true, mode: 'list', value: '' },
					},
					credentials: credentialsOf(credentialId),
					...(filter ? { filter } : {}),
				},
			);
			expect(answer.status).toBe(200);
			return answer.data;
		}

		async function options(
			node: string,
			nodeVersion: number,
			methodName: string,
			path: string,
			credentialId: string,
			parameters: Record<string, unknown>,
		) {
			const answer = await env.rest.call<Array<{ name: string; value: string }>>(
				'POST',
				'/dynamic-node-parameters/options',
				{
					nodeTypeAndVersion: { name: `n8n-nodes-secops.${node}`, version: nodeVersion },
					methodName,
					path,
					currentNodeParameters: parameters,
					credentials: credentialsOf(credentialId),
				},
			);
			expect(answer.status).toBe(200);
			return answer.data;
		}

		test('Stellar Cyber: cases "From List" (a page of 100, searchable) and tenants', async () => {
			const page = await fromList('stellarCyber', 'searchCases', 'caseId', 'secopsStlScoped1', {
				resource: 'case',
				operation: 'get',
			});
			expect(page.results).toHaveLength(100);
			expect(page.paginationToken).toBe('100');
			const [first] = page.results;
			const word = first.name.split(' ').slice(1, 3).join(' ');
			const searched = await fromList(
				'stellarCyber',
				'searchCases',
				'caseId',
				'secopsStlScoped1',
				{ resource: 'case', operation: 'get' },
				word,
			);
			expect(searched.results.map((result) => result.value)).toContain(first.value);
			const tenants = await options(
				'stellarCyber',
				2,
				'getTenants',
				'parameters.filters.tenantId',
				'secopsStlScoped1',
				{ resource: 'case', operation: 'getMany', filters: {} },
			);
			expect(tenants.length).toBeGreaterThan(1);
			const triggerTenants = await options(
				'stellarCyberTrigger',
				1,
				'getTenants',
				'parameters.tenantId',
				'secopsStlScoped1',
				{ event: 'newCase' },
			);
			expect(triggerTenants).toEqual(tenants);
			const users = await options(
				'stellarCyber',
				2,
				'getUsers',
				'parameters.updateFields.assignee',
				'secopsStlScoped1',
				{ resource: 'case', operation: 'update', updateFields: {} },
			);
			expect(users.map((user) => user.value)).toEqual(
				expect.arrayContaining([stellarUserId('alice.soc'), stellarUserId('bob.soc')]),
			);
		});

		test('Stellar Cyber: alerts "From List" for Alert Update, newest of the Index first, searchable by name', async () => {
			const page = await fromList('stellarCyber', 'searchAlerts', 'alertId', 'secopsStlLegacy1', {
				resource: 'alert',
				operation: 'update',
				index: 'aella-ser-*',
			});
			expect(page.results).toHaveLength(100);
			expect(page.paginationToken).toBe('100');
			const searched = await fromList(
				'stellarCyber',
				'searchAlerts',
				'alertId',
				'secopsStlLegacy1',
				{ resource: 'alert', operation: 'update', index: 'aella-ser-*' },
				'brute',
			);
			expect(searched.results.length).toBeGreaterThan(0);
			expect(
				searched.results.every((result) => result.name.startsWith('External Brute Forcer')),
			).toBe(true);
		});

		test('UTMStack: alerts "From List" newest first, and users for the incident assignee', async () => {
			const page = await fromList('utmStack', 'searchAlerts', 'alertId', 'secopsUtmPasswd1', {
				resource: 'alert',
				operation: 'addNote',
			});
			expect(page.results).toHaveLength(50);
			expect(page.paginationToken).toBe('2');
			const users = await options(
				'utmStack',
				2,
				'getUsers',
				'parameters.additionalFields.assignee',
				'secopsUtmPasswd1',
				{ resource: 'incident', operation: 'create', additionalFields: {} },
			);
			expect(users.length).toBeGreaterThan(0);
		});

		test('UTMStack: incidents "From List" newest first and index patterns, for the node and the trigger', async () => {
			const page = await fromList('utmStack', 'searchIncidents', 'incidentId', 'secopsUtmPasswd1', {
				resource: 'incident',
				operation: 'get',
			});
			expect(page.results.length).toBeGreaterThan(0);
			const ids = page.results.map((result) => Number(result.value));
			expect(ids).toEqual([...ids].sort((a, b) => b - a));
			for (const [node, nodeVersion] of [
				['utmStack', 2],
				['utmStackTrigger', 1],
			] as const) {
				const patterns = await options(
					node,
					nodeVersion,
					'getIndexPatterns',
					'parameters.indexPattern',
					'secopsUtmPasswd1',
					{ resource: 'alert', operation: 'search' },
				);
				// an alert search's list: alert patterns only, its default first
				const values = patterns.map((pattern) => String(pattern.value));
				expect(values[0]).toBe('alert-*,v11-alert-*');
				expect(values).toContain('alert-*');
				expect(values.filter((value) => value.includes('log-'))).toEqual([]);
			}
		});

		test('UTMStack: a filter row\'s field "From List", the chosen index pattern\'s fields, in the node (3) and the trigger (2)', async () => {
			for (const [node, nodeVersion, parameters] of [
				['utmStack', 3, { resource: 'alert', operation: 'search' }],
				['utmStackTrigger', 2, { event: 'newAlert' }],
			] as const) {
				const answer = await env.rest.call<ListPage>(
					'POST',
					'/dynamic-node-parameters/resource-locator-results',
					{
						nodeTypeAndVersion: { name: `n8n-nodes-secops.${node}`, version: nodeVersion },
						methodName: 'searchIndexFields',
						path: 'parameters.filters.filter[0].field',
						currentNodeParameters: {
							...parameters,
							indexPattern: 'alert-*',
							filters: {
								filter: [{ field: { __rl: true, mode: 'list', value: '' }, operator: 'IS' }],
							},
						},
						credentials: credentialsOf('secopsUtmApiKey1'),
						filter: 'source',
					},
				);
				expect(answer.status).toBe(200);
				const names = answer.data.results.map((result) => result.value);
				expect(names).toEqual(expect.arrayContaining(['source.ip', 'source.ip.keyword']));
				expect(names.every((name) => name.toLowerCase().includes('source'))).toBe(true);
			}
		});

		test('Elastic Cloud Enterprise: deployments "From List" and the Elasticsearch resources of the one picked', async () => {
			const page = await fromList(
				'elasticCloudEnterprise',
				'searchDeployments',
				'deploymentId',
				'secopsEcePasswd1',
				{ resource: 'deployment', operation: 'get' },
			);
			const simulated = env.simulators.ece.control<Array<{ id: string }>>(
				'/__sim/deployments',
				undefined,
				'GET',
			);
			expect(page.results.map((result) => result.value).sort()).toEqual(
				simulated.map((deployment) => deployment.id).sort(),
			);
			const picked = page.results[0].value;
			const resources = await options(
				'elasticCloudEnterprise',
				2,
				'getElasticsearchResources',
				'parameters.refId',
				'secopsEceApiKey1',
				{
					resource: 'deployment',
					operation: 'restartElasticsearch',
					deploymentId: { __rl: true, mode: 'list', value: picked },
				},
			);
			expect(resources.map((resource) => resource.value)).toContain('main-elasticsearch');
		});

		test('Immuta: data sources "From List" searched on Immuta', async () => {
			const page = await fromList(
				'immuta',
				'searchDataSources',
				'dataSourceId',
				'secopsImmApiKey1',
				{ resource: 'dataSource', operation: 'get' },
			);
			expect(page.results).toHaveLength(50);
			const word = page.results[0].name.slice(0, 6);
			const searched = await fromList(
				'immuta',
				'searchDataSources',
				'dataSourceId',
				'secopsImmApiKey1',
				{ resource: 'dataSource', operation: 'get' },
				word,
			);
			expect(searched.results.map((result) => result.value)).toContain(page.results[0].value);
			const search = env.simulators.immuta.requestLog
				.filter((entry) => entry.path === '/dataSource')
				.at(-1);
			expect(search?.query.searchText).toBe(word);
		});

		test("no secret in n8n's log", () => {
			expect(leakedSecrets(env.n8n.log(), Object.values(env.simulators))).toEqual([]);
		});
	},
);
