import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { secopsType, webhookWorkflow } from '../../scripts/n8n/workflow-builder';
import { ARTIFACTS } from '../e2e/support/environment';
import { leakedSecrets } from '../e2e/support/secrets';
import { webhooksRegistered } from '../e2e/support/webhooks';
import { ECE, UTMSTACK } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';
import { startQueueCluster, type QueueCluster } from './support/cluster';

/**
 * Sessions in n8n's queue mode: a main and two workers (concurrency 5) on Redis and PostgreSQL, the package
 * installed from its tarball, webhook-started workflows against the UTMStack simulator. Logins stay at most
 * one per worker per token lifetime, a refused password is not tried again by any worker or after a
 * restart, and a worker stopped mid-burst loses nothing.
 */

const WORKERS = 2;
const CREDENTIAL = { id: 'queueUtmPasswd01', name: 'UTMStack (queue mode)', type: 'utmStackApi' };
const WRONG = {
	id: 'queueUtmWrong001',
	name: 'UTMStack (queue mode, wrong password)',
	type: 'utmStackApi',
};
const SHORT = {
	id: 'queueUtmShort001',
	name: 'UTMStack (queue mode, 20-second tokens)',
	type: 'utmStackApi',
};
const ECE_CREDENTIAL = {
	id: 'queueEcePasswd01',
	name: 'ECE (queue mode)',
	type: 'elasticCloudEnterpriseApi',
};
const RACE = {
	id: 'queueUtmRace0001',
	name: 'UTMStack (queue mode, one login refused with 429)',
	type: 'utmStackApi',
};

let simulator: RunningSimulator;
let ece: RunningSimulator;
let cluster: QueueCluster;
const answers: string[] = [];
/** What the suite measured, written to test-artifacts/queue/figures.json for the notes. */
const figures: Record<string, unknown> = {};

/** How long a webhook call waits for its answer; status 0 when none came. */
const ANSWER_WAIT_MS = 90_000;
let unanswered = 0;

async function call(path: string): Promise<{ status: number; text: string }> {
	let answer: Response;
	try {
		answer = await fetch(`${cluster.main.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
			signal: AbortSignal.timeout(ANSWER_WAIT_MS),
		});
	} catch (error) {
		if ((error as Error).name !== 'TimeoutError') throw error;
		unanswered++;
		return { status: 0, text: `no answer within ${ANSWER_WAIT_MS / 1000} s` };
	}
	const text = await answer.text();
	answers.push(text);
	return { status: answer.status, text };
}

/** `count` executions, ten at once. */
async function burst(
	path: string,
	count: number,
): Promise<Array<{ status: number; text: string }>> {
	const results: Array<{ status: number; text: string }> = [];
	for (let sent = 0; sent < count; sent += 10) {
		results.push(
			...(await Promise.all(
				Array.from({ length: Math.min(10, count - sent) }, async () => await call(path)),
			)),
		);
	}
	return results;
}

const loginAttempts = () =>
	simulator.requestLog.filter((entry) => entry.path === '/api/authenticate').length;

beforeAll(async () => {
	simulator = await startSimulator('utmstack', { alertCount: 100 });
	ece = await startSimulator('ece', { deploymentCount: 2 });
	const data = { baseUrl: simulator.url, authMethod: 'password', username: UTMSTACK.username };
	cluster = await startQueueCluster({
		workers: WORKERS,
		concurrency: 5,
		setUp: async (main) => {
			await main.importCredentials([
				{ ...CREDENTIAL, data: { ...data, password: UTMSTACK.password } },
				{ ...WRONG, data: { ...data, password: 'queue-Wrong-pass-31' } },
				{ ...SHORT, data: { ...data, password: UTMSTACK.password } },
				{ ...RACE, data: { ...data, password: UTMSTACK.password } },
				{
					...ECE_CREDENTIAL,
					data: {
						baseUrl: ece.url,
						authMethod: 'password',
						username: ECE.username,
						password: ECE.password,
					},
				},
			]);
			const probe = (path: string, credential: typeof CREDENTIAL) =>
				webhookWorkflow(path, `Queue: ${credential.name}`, path, [
					{
						name: 'Who Am I',
						type: secopsType('utmStack'),
						parameters: { resource: 'user', operation: 'getCurrent' },
						credentials: { [credential.type]: { id: credential.id, name: credential.name } },
					},
				]);
			const eceProbe = webhookWorkflow('queue-ece', `Queue: ${ECE_CREDENTIAL.name}`, 'queue-ece', [
				{
					name: 'Platform',
					type: secopsType('elasticCloudEnterprise'),
					parameters: { resource: 'platform', operation: 'get' },
					credentials: {
						[ECE_CREDENTIAL.type]: { id: ECE_CREDENTIAL.id, name: ECE_CREDENTIAL.name },
					},
				},
			]);
			const workflows = [
				probe('queue-probe', CREDENTIAL),
				probe('queue-wrong', WRONG),
				probe('queue-short', SHORT),
				probe('queue-race', RACE),
				eceProbe,
			];
			await main.importWorkflows(workflows);
			await main.activateWorkflows(workflows.map((workflow) => workflow.id));
		},
	});
	await webhooksRegistered(
		cluster.main.url,
		['queue-probe', 'queue-wrong', 'queue-short', 'queue-race', 'queue-ece'],
		120_000,
	);
}, 15 * 60_000);

afterAll(async () => {
	await cluster?.stop();
	await simulator?.close();
	await ece?.close();
	mkdirSync(join(ARTIFACTS, '..', 'queue'), { recursive: true });
	writeFileSync(join(ARTIFACTS, '..', 'queue', 'figures.json'), JSON.stringify(figures, null, 2));
});

beforeEach(() => simulator.resetStats());

/**
 * Every execution of a burst of `Who Am I` probes succeeded. Once in CI (n8n 2.41.1), the main never answered
 * one webhook of a burst within 90 s: a call is either answered 200 or, unanswered, proven done by what the
 * executions asked the platform, one account read each, every one answered 200.
 */
function expectAllDone(results: Array<{ status: number }>): void {
	expect(results.every((result) => result.status === 200 || result.status === 0)).toBe(true);
	const reads = simulator.requestLog.filter((entry) => entry.path === '/api/account');
	expect(reads.map((entry) => entry.status)).toEqual(Array(results.length).fill(200));
}

test('a burst of 20 executions on an empty token: at most one login per worker; the next burst none', async () => {
	unanswered = 0;
	const first = await burst('queue-probe', 20);
	expectAllDone(first);
	const firstLogins = simulator.stats.logins;
	expect(firstLogins).toBeGreaterThanOrEqual(1);
	expect(firstLogins).toBeLessThanOrEqual(WORKERS);
	simulator.resetStats();
	const second = await burst('queue-probe', 20);
	expectAllDone(second);
	expect(simulator.stats.logins).toBe(0);
	Object.assign(figures, {
		emptyTokenBurst: { executions: 20, logins: firstLogins },
		nextBurst: { executions: 20, logins: 0, unansweredByMain: unanswered },
	});
});

test('20-second tokens, a burst of 10 every 5 s for 45 s: no answer 401, logins near one per lifetime', async () => {
	// A credential never used yet, so every token it gets lives 20 seconds.
	simulator.setTokenLifetime(20);
	try {
		const started = Date.now();
		let executions = 0;
		while (Date.now() - started < 45_000) {
			const results = await burst('queue-short', 10);
			executions += results.length;
			expect(results.every((result) => result.status === 200)).toBe(true);
			await new Promise((resolve) => setTimeout(resolve, 5_000));
		}
		const seconds = (Date.now() - started) / 1000;
		expect(simulator.stats.unauthorized).toBe(0);
		// at least one login per lifetime; at most one per worker per lifetime (a worker that finds a newer token takes it)
		expect(simulator.stats.logins).toBeGreaterThanOrEqual(Math.floor(seconds / 20));
		expect(simulator.stats.logins).toBeLessThanOrEqual(WORKERS * (Math.ceil(seconds / 20) + 1));
		Object.assign(figures, {
			shortTokens: {
				seconds: Math.round(seconds),
				tokenLifetime: 20,
				executions,
				logins: simulator.stats.logins,
				answered401: simulator.stats.unauthorized,
			},
		});
	} finally {
		simulator.setTokenLifetime(86_400);
	}
});

test('a token revoked on the server: every execution recovers, with at most one login per worker', async () => {
	await burst('queue-probe', 4);
	simulator.revokeAllTokens();
	simulator.resetStats();
	const results = await burst('queue-probe', 20);
	expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
	expect(simulator.stats.logins).toBeLessThanOrEqual(WORKERS);
	Object.assign(figures, {
		revoked: {
			executions: 20,
			logins: simulator.stats.logins,
			answered401: simulator.stats.unauthorized,
		},
	});
});

test('a wrong password: at most one attempt per worker in the first burst, then none, in later bursts and after a worker restart', async () => {
	const first = await burst('queue-wrong', 10);
	expect(
		first.every((result) => result.status !== 200 || /rejected the login/.test(result.text)),
	).toBe(true);
	const firstAttempts = loginAttempts();
	expect(firstAttempts).toBeGreaterThanOrEqual(1);
	expect(firstAttempts).toBeLessThanOrEqual(WORKERS);
	await burst('queue-wrong', 10);
	expect(loginAttempts()).toBe(firstAttempts);
	await cluster.workers[0].stop();
	await cluster.restartWorker(0);
	// Once in CI, n8n 2.41.1's main never answered one webhook of the burst right after a worker restart,
	// though its log showed that execution finished (failed, as it must): a call without an answer counts
	// as one that did not succeed; what this test measures is that no login is attempted.
	unanswered = 0;
	const afterRestart = await burst('queue-wrong', 10);
	expect(
		afterRestart.every((result) => result.status !== 200 || /rejected the login/.test(result.text)),
	).toBe(true);
	expect(loginAttempts()).toBe(firstAttempts);
	Object.assign(figures, {
		wrongPassword: {
			executions: 30,
			bursts: 3,
			workerRestarts: 1,
			attempts: firstAttempts,
			unansweredAfterRestart: unanswered,
		},
	});
});

test("one worker's login refused with 429 (answered last) while the other logs in: the good session survives, and the next burst needs no login", async () => {
	// the first login to arrive is refused, 1.5 s later: after the other worker's login has been answered and stored
	simulator.control('/__sim/faults', {
		mode: 'rateLimit',
		path: '/api/authenticate',
		requests: 1,
		retryAfterSeconds: 120,
		delayMs: 1_500,
	});
	const first = await burst('queue-race', 10);
	// the executions of the worker refused fail (n8n's webhook answers "Error in workflow"); the other's succeed
	expect(first.some((result) => result.status === 200)).toBe(true);
	const attempts = loginAttempts();
	expect(attempts).toBeLessThanOrEqual(WORKERS);
	const stored = (await cluster.main.exportCredentials()).find(
		(credential) => credential.id === RACE.id,
	);
	expect(String(stored?.data.sessionToken ?? '')).toMatch(/^ey/);
	expect(stored?.data.sessionRefusal ?? '').toBe('');
	simulator.resetStats();
	const next = await burst('queue-race', 20);
	expect(next.map((result) => result.status)).toEqual(Array(20).fill(200));
	expect(loginAttempts()).toBe(0);
	Object.assign(figures, {
		raceWith429: {
			executions: 30,
			loginAttempts: attempts,
			failedInFirstBurst: first.filter((result) => result.status !== 200).length,
			loginsInNextBurst: 0,
		},
	});
});

test('an ECE session near its end, got by one worker, is refreshed by the other: 1 refresh, 0 password logins', async () => {
	// Only worker 1 runs: it logs in.
	await cluster.workers[1].stop();
	ece.resetStats();
	expect((await call('queue-ece')).status).toBe(200);
	expect(ece.stats.byEndpoint['POST /api/v1/users/auth/_login']).toBe(1);
	// Only worker 2 runs, and finds that session within its last minute.
	await cluster.restartWorker(1);
	await cluster.workers[0].stop();
	await cluster.main.ageStoredSession(ECE_CREDENTIAL.id, 570_000, 30_000);
	ece.resetStats();
	const later = await call('queue-ece');
	await cluster.restartWorker(0);
	expect(later.status).toBe(200);
	expect(ece.stats.byEndpoint['POST /api/v1/users/auth/_refresh']).toBe(1);
	expect(ece.stats.byEndpoint['POST /api/v1/users/auth/_login']).toBeUndefined();
	expect(ece.stats.unauthorized).toBe(0);
	Object.assign(figures, {
		eceRefreshByOtherWorker: {
			refreshes: ece.stats.byEndpoint['POST /api/v1/users/auth/_refresh'],
			passwordLogins: ece.stats.byEndpoint['POST /api/v1/users/auth/_login'] ?? 0,
		},
	});
});

test('a worker stopped with SIGTERM mid-burst loses nothing: every execution answers', async () => {
	simulator.control('/__sim/faults', {
		mode: 'slow',
		delayMs: 1500,
		path: '/api/account',
		requests: 20,
	});
	const running = burst('queue-probe', 20);
	await new Promise((resolve) => setTimeout(resolve, 1000));
	const stopped = cluster.workers[1].stop();
	const results = await running;
	await stopped;
	expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
	await cluster.restartWorker(1);
	Object.assign(figures, {
		sigtermMidBurst: {
			executions: 20,
			answered: results.filter((result) => result.status === 200).length,
		},
	});
});

test('no secret or token in any answer or in the logs of the main and the workers', () => {
	const logs = [cluster.main, ...cluster.workers].map((instance) => instance.log()).join('\n');
	expect(leakedSecrets(`${answers.join('\n')}\n${logs}`, [simulator, ece])).toEqual([]);
});
