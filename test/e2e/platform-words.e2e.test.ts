import { OWNER } from '../../scripts/n8n/instance';
import { secopsType, webhookWorkflow, type ChainNode } from '../../scripts/n8n/workflow-builder';
import { leakedSecrets } from './support/secrets';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';
import { webhooksRegistered } from './support/webhooks';

/**
 * One refused request per platform in a real n8n, and the error as n8n hands it to the editor (message and
 * description; here as the item Continue on Fail makes of it): the platform's own words, read as its error shape,
 * with the HTTP status and the request, and no secret.
 */

const PATHS = ['words-utmstack', 'words-ece', 'words-immuta', 'words-stellar'];

describe.each(versionsUnderTest())('the platform’s own words in $label', (version) => {
	let env: E2eEnvironment;
	const seen: string[] = [];
	let alertId = '';
	let deploymentId = '';

	const ours = (
		id: string,
		node: string,
		parameters: Record<string, unknown>,
	): ChainNode & { onError: string } => {
		const credential = env.credential(id);
		return {
			name: 'Refused request',
			type: secopsType(node),
			parameters,
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			onError: 'continueRegularOutput',
		};
	};

	async function errorOf(path: string): Promise<{ error: string; description: string }> {
		const answer = await fetch(`${env.n8n.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		const text = await answer.text();
		seen.push(text);
		expect(answer.status).toBe(200);
		return (JSON.parse(text) as Array<{ error: string; description: string }>)[0];
	}

	beforeAll(async () => {
		env = await startEnvironment(version, 'platform-words', { startServer: false });
		alertId = String(
			env.simulators.utmstack.control<{ alerts: Array<{ id: string }> }>('/__sim/alerts', {})
				.alerts[0].id,
		);
		deploymentId = env.simulators.ece.control<Array<{ id: string }>>(
			'/__sim/deployments',
			undefined,
			'GET',
		)[0].id;
		await env.n8n.importWorkflows([
			webhookWorkflow('words-utmstack', 'UTMStack refuses a name', 'words-utmstack', [
				ours('secopsUtmApiKey1', 'utmStack', {
					resource: 'incident',
					operation: 'create',
					name: 'Beacon to "evil" host',
					alertSource: 'ids',
					alertIds: alertId,
				}),
			]),
			webhookWorkflow('words-ece', 'ECE refuses a field', 'words-ece', [
				ours('secopsEceApiKey1', 'elasticCloudEnterprise', {
					resource: 'deployment',
					operation: 'update',
					deploymentId,
					updateJson: '{"prune_orphans": "no", "name": "renamed"}',
				}),
			]),
			webhookWorkflow('words-immuta', 'Immuta has no such data source', 'words-immuta', [
				ours('secopsImmApiKey1', 'immuta', {
					resource: 'dataSource',
					operation: 'get',
					dataSourceId: '99999',
				}),
			]),
			webhookWorkflow('words-stellar', 'Stellar Cyber has no such case', 'words-stellar', [
				ours('secopsStlScoped1', 'stellarCyber', {
					resource: 'case',
					operation: 'get',
					caseId: 'ffffffffffffffffffffffff',
				}),
			]),
		]);
		await env.n8n.activateWorkflows(PATHS);
		await env.n8n.start();
		await env.rest.ownerLogin(OWNER);
		await webhooksRegistered(env.n8n.url, PATHS);
	});

	afterAll(async () => {
		await env?.stop();
	});

	test("UTMStack: the field and UTMStack's reason, never its translation key", async () => {
		const shown = await errorOf('words-utmstack');
		expect(shown).toEqual({
			error: 'incidentName: Double quotes are not allowed',
			description:
				'Check the node parameters: the platform could not accept the request. (HTTP 400 to POST /api/utm-incidents)',
		});
	});

	test('ECE: the message with the request field it names, and its code', async () => {
		expect(await errorOf('words-ece')).toEqual({
			error: 'The field prune_orphans is required (prune_orphans)',
			description: `Check the node parameters: the platform could not accept the request. (HTTP 400 to PUT /api/v1/deployments/${deploymentId}, Elastic Cloud Enterprise code root.invalid_json_request)`,
		});
	});

	test("Immuta and Stellar Cyber: the record named, with the platform's words", async () => {
		expect(await errorOf('words-immuta')).toEqual({
			error: 'Immuta has no data source 99999',
			description:
				'Immuta said: "Data source 99999 not found". Check the ID in the node parameters.',
		});
		expect(await errorOf('words-stellar')).toEqual({
			error: 'Stellar Cyber has no case ffffffffffffffffffffffff',
			description: 'Stellar Cyber said: "Case not found". Check the ID in the node parameters.',
		});
	});

	test("no secret in any answer or in n8n's log", () => {
		expect(seen).toHaveLength(4);
		expect(
			leakedSecrets(`${seen.join('\n')}\n${env.n8n.log()}`, Object.values(env.simulators)),
		).toEqual([]);
	});
});
