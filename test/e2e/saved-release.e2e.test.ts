import { finishedRun } from '../../scripts/n8n/instance';

import { SAVED_NODES, savedReleaseWorkflow } from './fixtures/saved-release';
import { leakedSecrets } from './support/secrets';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/**
 * A workflow and a credential saved with the previous release open and run unchanged after the editor-language
 * changes (labels, order, UTMStack node version 4): the nodes keep their versions and values, and a UTMStack
 * credential saved with the default method (no authMethod stored, as n8n's editor saves it) logs in with its password.
 */

describe.each(versionsUnderTest())(
	'a workflow and credential saved with the previous release, in $label',
	(version) => {
		let env: E2eEnvironment;
		const seen: string[] = [];

		beforeAll(async () => {
			env = await startEnvironment(version, 'saved-release', { startServer: false });
			const utm = env.credential('secopsUtmPasswd1');
			const { authMethod, ...asSaved } = utm.data;
			expect(authMethod).toBe('password');
			await env.n8n.importCredentials([
				{ id: utm.id, name: utm.name, type: utm.type, data: asSaved },
			]);
			await env.n8n.importWorkflows([savedReleaseWorkflow((id) => env.credential(id), true)]);
		});

		afterAll(async () => {
			await env?.stop();
		});

		test('every node runs with the values it was saved with, and asks its platform what it asked before', async () => {
			for (const simulator of Object.values(env.simulators)) simulator.resetStats();
			const result = await env.n8n.execute('savedRelease');
			seen.push(result.stdout, result.stderr);
			finishedRun(result);
			for (const saved of SAVED_NODES) expect(result.output(saved.name).length).toBeGreaterThan(0);

			// UTMStack: its saved text Sort Field, and a password login (the method it was saved with, by default)
			const search = env.simulators.utmstack.requestLog.find(
				(entry) => entry.path === '/api/elasticsearch/search',
			);
			expect(search?.query.sort).toBe('severity,asc');
			expect(env.simulators.utmstack.stats.byEndpoint['POST /api/authenticate']).toBe(1);
			const severities = result.output('UTMStack Search (v3)').map((alert) => alert.severity);
			expect(new Set(severities)).toEqual(new Set([3]));
			// Stellar Cyber: its Created After filter, now labelled Created From, sent as before
			const cases = env.simulators.stellarcyber.requestLog.find(
				(entry) => entry.path === '/connect/api/v1/cases',
			);
			expect(cases?.query.sort).toBe('score');
			// 2020-01-01 in n8n's time zone, whatever it is
			const from = Number(cases?.query['FROM~created_at']);
			expect(Math.abs(from - Date.parse('2020-01-01T00:00:00Z'))).toBeLessThanOrEqual(
				14 * 3600_000,
			);
			expect(
				result.output('Stellar Cyber Cases (v2)').every((record) => record.status === 'New'),
			).toBe(true);
		});

		test('nothing leaked', () => {
			expect(
				leakedSecrets(`${seen.join('\n')}\n${env.n8n.log()}`, Object.values(env.simulators)),
			).toEqual([]);
		});
	},
);
