import {
	pollEvery,
	secopsType,
	triggerWorkflow,
	type ChainNode,
} from '../../scripts/n8n/workflow-builder';
import { PLATFORMS } from '../platforms';
import { leakedSecrets } from './support/secrets';
import { eventually, Sink } from './support/sink';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/**
 * Active workflows with each of our triggers in a running n8n: n8n polls them on its own schedule, and each
 * workflow delivers what its trigger emits to a loopback sink. Records made on the simulators after
 * activation arrive once each; the older ones never do.
 */

const POLL_EVERY_SECONDS = 10;
const ARRIVAL_TIMEOUT_MS = 90_000;

interface TriggerCase {
	workflowId: string;
	credentialId: string;
	node: string;
	parameters: Record<string, unknown>;
}

const WORKFLOW_IDS: Partial<Record<string, string>> = {
	utmstack: 'trigger-utm',
	stellarcyber: 'trigger-stl',
	ece: 'trigger-ece',
};

const TRIGGERS: TriggerCase[] = PLATFORMS.flatMap((platform) =>
	platform.trigger
		? [
				{
					workflowId: WORKFLOW_IDS[platform.vendor] ?? `trigger-${platform.vendor}`,
					credentialId: platform.trigger.signIn,
					node: platform.trigger.node,
					parameters: platform.trigger.parameters,
				},
			]
		: [],
);

describe.each(versionsUnderTest())('our triggers in active workflows of $label', (version) => {
	let env: E2eEnvironment;
	const sink = new Sink();

	const pollsOf = (vendor: 'utmstack' | 'stellarcyber' | 'ece') => {
		const path = {
			utmstack: '/api/elasticsearch/search',
			stellarcyber: '/connect/api/v1/cases',
			ece: '/api/v1/deployments/_search',
		}[vendor];
		return env.simulators[vendor].requestLog.filter((entry) => entry.path === path).length;
	};

	beforeAll(async () => {
		await sink.start();
		env = await startEnvironment(version, 'triggers', { startServer: false });
		await env.n8n.importWorkflows(
			TRIGGERS.map(({ workflowId, credentialId, node, parameters }) => {
				const credential = env.credential(credentialId);
				const trigger: ChainNode = {
					name: 'Trigger',
					type: secopsType(node),
					parameters: { pollTimes: pollEvery(POLL_EVERY_SECONDS), ...parameters },
					credentials: { [credential.type]: { id: credential.id, name: credential.name } },
				};
				const deliver: ChainNode = {
					name: 'Deliver',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'POST',
						url: `${sink.url}/${workflowId}`,
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify($json) }}',
						options: {},
					},
				};
				return triggerWorkflow(workflowId, `Trigger test ${node}`, trigger, [deliver]);
			}),
		);
		await env.n8n.activateWorkflows(TRIGGERS.map((trigger) => trigger.workflowId));
		for (const simulator of Object.values(env.simulators)) simulator.resetStats();
		await env.n8n.start();
	});

	afterAll(async () => {
		await env?.stop();
		await sink.stop();
	});

	test('records made after activation arrive once each, nothing older; one login per credential for every poll', async () => {
		// Activation polls once at once: it records where each trigger starts and emits nothing.
		await eventually(
			() => pollsOf('utmstack') >= 1 && pollsOf('stellarcyber') >= 1 && pollsOf('ece') >= 1,
			60_000,
			'the activation polls',
		);

		const alerts = env.simulators.utmstack.control<{ alerts: Array<{ id: string }> }>(
			'/__sim/alerts',
			{ count: 3 },
		).alerts;
		const cases = env.simulators.stellarcyber.control<{ data: { cases: Array<{ _id: string }> } }>(
			'/__sim/cases',
			{ count: 2 },
		).data.cases;
		const deployments = env.simulators.ece.control<Array<{ id: string; healthy: boolean }>>(
			'/__sim/deployments',
			undefined,
			'GET',
		);
		const falling = deployments.find((deployment) => deployment.healthy) as { id: string };
		env.simulators.ece.control('/__sim/deployments/health', { id: falling.id, healthy: false });

		await eventually(
			() =>
				sink.bodies('/trigger-utm').length >= 3 &&
				sink.bodies('/trigger-stl').length >= 2 &&
				sink.bodies('/trigger-ece').length >= 1,
			ARRIVAL_TIMEOUT_MS,
			'the new records at the sink',
		);
		// one more poll of each, which must bring nothing again
		const polled = {
			utmstack: pollsOf('utmstack'),
			stellarcyber: pollsOf('stellarcyber'),
			ece: pollsOf('ece'),
		};
		await eventually(
			() =>
				pollsOf('utmstack') > polled.utmstack &&
				pollsOf('stellarcyber') > polled.stellarcyber &&
				pollsOf('ece') > polled.ece,
			ARRIVAL_TIMEOUT_MS,
			'one more poll of each trigger',
		);
		await new Promise((resolve) => setTimeout(resolve, 2000));

		expect(
			sink
				.bodies('/trigger-utm')
				.map((alert) => alert.id)
				.sort(),
		).toEqual(alerts.map((alert) => alert.id).sort());
		expect(
			sink
				.bodies('/trigger-stl')
				.map((record) => record._id)
				.sort(),
		).toEqual(cases.map((record) => record._id).sort());
		expect(sink.bodies('/trigger-ece')).toEqual([
			expect.objectContaining({
				id: falling.id,
				before: expect.objectContaining({ healthy: true }),
				after: expect.objectContaining({ healthy: false }),
			}),
		]);

		// The token the activation poll got was saved and served every later poll.
		expect(env.simulators.utmstack.stats.logins).toBe(1);
		expect(env.simulators.stellarcyber.stats.logins).toBe(1);
		expect(env.simulators.ece.stats.logins).toBe(1);
		for (const simulator of Object.values(env.simulators))
			expect(simulator.stats.unauthorized).toBe(0);
	});

	test("no secret or token in n8n's log", () => {
		expect(env.n8n.running).toBe(true);
		expect(leakedSecrets(env.n8n.log(), Object.values(env.simulators))).toEqual([]);
	});
});
