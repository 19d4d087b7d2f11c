import { secopsType, webhookWorkflow, type ChainNode } from '../../scripts/n8n/workflow-builder';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';
import { webhooksRegistered } from './support/webhooks';

/**
 * Every record once, in a running n8n: webhook-started workflows read past UTMStack's 10,000-hit window
 * and while Stellar Cyber cases arrive and ECE deployments change between two page reads.
 */

type Item = Record<string, unknown>;
const ALERTS = 25_000;

const COUNT: ChainNode = {
	name: 'Count',
	type: 'n8n-nodes-base.summarize',
	typeVersion: 1,
	parameters: {
		fieldsToSummarize: {
			values: [
				{ aggregation: 'count', field: 'id' },
				{ aggregation: 'countUnique', field: 'id' },
			],
		},
		options: {},
	},
};

describe.each(versionsUnderTest())('every record once in $label', (version) => {
	let env: E2eEnvironment;

	const credentialRef = (id: string) => {
		const credential = env.credential(id);
		return { [credential.type]: { id: credential.id, name: credential.name } };
	};

	async function run(path: string): Promise<Item[]> {
		const answer = await fetch(`${env.n8n.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		const text = await answer.text();
		expect({
			status: answer.status,
			text: answer.status === 200 ? '' : text.slice(0, 500),
		}).toEqual({ status: 200, text: '' });
		const items = JSON.parse(text) as Item[] | Item;
		return Array.isArray(items) ? items : [items];
	}

	beforeAll(async () => {
		env = await startEnvironment(version, 'consistent-reads', {
			startServer: false,
			simulators: { alertCount: ALERTS, caseCount: 1700, deploymentCount: 350 },
		});
		const workflows = [
			webhookWorkflow('every-alert', 'Every UTMStack alert, counted', 'every-alert', [
				{
					name: 'Search',
					type: secopsType('utmStack'),
					parameters: {
						resource: 'alert',
						operation: 'search',
						indexPattern: 'alert-*',
						filters: {},
						timeRange: 'none',
						sortField: '@timestamp',
						sortDirection: 'desc',
						returnAll: true,
					},
					credentials: credentialRef('secopsUtmApiKey1'),
				},
				COUNT,
			]),
			webhookWorkflow('every-case', 'Every Stellar Cyber case', 'every-case', [
				{
					name: 'Cases',
					type: secopsType('stellarCyber'),
					parameters: {
						resource: 'case',
						operation: 'getMany',
						filters: {},
						sort: 'created_at',
						order: 'desc',
						returnAll: true,
					},
					credentials: credentialRef('secopsStlScoped1'),
				},
			]),
			webhookWorkflow('every-deployment', 'Every ECE deployment', 'every-deployment', [
				{
					name: 'Deployments',
					type: secopsType('elasticCloudEnterprise'),
					parameters: {
						resource: 'deployment',
						operation: 'search',
						queryType: 'queryString',
						query: '',
						returnAll: true,
					},
					credentials: credentialRef('secopsEceApiKey1'),
				},
			]),
		];
		await env.n8n.importWorkflows(workflows);
		await env.n8n.activateWorkflows(workflows.map((workflow) => workflow.id));
		await env.n8n.start();
		await webhooksRegistered(
			env.n8n.url,
			workflows.map((workflow) => workflow.id),
		);
	});

	afterAll(async () => {
		await env?.stop();
	});

	test(`Return All over ${ALERTS.toLocaleString('en-US')} UTMStack alerts (past the 10,000-hit window): each alert once`, async () => {
		const utm = env.simulators.utmstack;
		utm.resetStats();
		expect(await run('every-alert')).toEqual([{ count_id: ALERTS, unique_count_id: ALERTS }]);
		const searches = utm.requestLog.filter((entry) => entry.path === '/api/elasticsearch/search');
		expect(searches.every((entry) => entry.status === 200)).toBe(true);
		expect(searches.length).toBeLessThanOrEqual(ALERTS / 1000 + 3);
	});

	test('a Stellar Cyber Return All while 25 cases arrive after every page read: every earlier case once', async () => {
		const stellar = env.simulators.stellarcyber;
		const before = (await run('every-case')).map((item) => String(item._id));
		expect(before).toHaveLength(1700);
		stellar.control('/__sim/churn', {
			path: '/connect/api/v1/cases',
			route: 'POST /__sim/cases',
			body: { count: 25 },
			times: 10,
		});
		try {
			const ids = (await run('every-case')).map((item) => String(item._id));
			expect(new Set(ids).size).toBe(ids.length);
			const read = new Set(ids);
			expect(before.filter((id) => !read.has(id))).toEqual([]);
		} finally {
			stellar.control('/__sim/churn', {
				path: '/connect/api/v1/cases',
				route: 'POST /__sim/cases',
				times: 0,
			});
		}
	});

	test('an ECE search while deployments not read yet are modified: each deployment once', async () => {
		const ece = env.simulators.ece;
		const listed = ece
			.control<Array<{ id: string }>>('/__sim/deployments', undefined, 'GET')
			.map((deployment) => deployment.id);
		for (const id of [listed[listed.length - 1], listed[200]]) {
			ece.control('/__sim/churn', {
				path: '/api/v1/deployments/_search',
				route: 'POST /__sim/deployments/health',
				body: { id, healthy: false },
				times: 1,
			});
			const ids = (await run('every-deployment')).map((item) => String(item.id));
			expect(ids).toHaveLength(350);
			expect(new Set(ids)).toEqual(new Set(listed));
		}
	});
});
