import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { installTarballLikeN8n, packRepository } from '../../../scripts/n8n/community-install';
import { ensureN8n } from '../../../scripts/n8n/install';
import { N8nInstance } from '../../../scripts/n8n/instance';
import { N8N_CURRENT } from '../../../scripts/n8n/versions';
import { REPO_ROOT } from '../../e2e/support/environment';
import { startPostgres, startRedis, type RunningService } from './services';

/**
 * n8n in queue mode, as ../shared/reference/queue-mode.md describes it: one main that takes the webhooks,
 * `workers` workers that run the executions, Redis between them and PostgreSQL as the database they share,
 * with this package installed from its packed tarball as the Community Nodes installer does.
 */
export interface QueueCluster {
	main: N8nInstance;
	workers: N8nInstance[];
	/** Starts a stopped worker again (same folder, port and log). */
	restartWorker(index: number): Promise<void>;
	stop(): Promise<void>;
}

export async function startQueueCluster(options: {
	workers: number;
	concurrency: number;
	setUp: (main: N8nInstance) => Promise<void>;
}): Promise<QueueCluster> {
	const installed = await ensureN8n(N8N_CURRENT);
	const base = 26000 + (process.pid % 100) * 20;
	const scratch = join(tmpdir(), `secops-queue-${process.pid}`);
	rmSync(scratch, { recursive: true, force: true });
	mkdirSync(scratch, { recursive: true });
	const services: RunningService[] = [];
	const instances: N8nInstance[] = [];
	const stop = async () => {
		await Promise.all(instances.map(async (instance) => await instance.stop()));
		for (const service of services.reverse()) await service.stop().catch(() => undefined);
	};
	try {
		services.push(await startRedis(join(scratch, 'redis'), base));
		services.push(await startPostgres(join(scratch, 'postgres'), base + 1));
		const userFolder = join(scratch, 'n8n');
		const mainPort = base + 2;
		const env = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(base + 1),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'n8n',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(base),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			WEBHOOK_URL: `http://127.0.0.1:${mainPort}/`,
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		};
		const main = new N8nInstance({
			installed,
			userFolder,
			port: mainPort,
			env,
			logName: 'main.log',
		});
		instances.push(main);
		const tarball = await packRepository(REPO_ROOT, join(scratch, 'pack'));
		await installTarballLikeN8n(tarball, main.nodesFolder);
		await options.setUp(main);
		const workers = Array.from(
			{ length: options.workers },
			(_, index) =>
				new N8nInstance({
					installed,
					userFolder,
					port: base + 3 + index,
					env,
					logName: `worker-${index + 1}.log`,
					command: ['worker', `--concurrency=${options.concurrency}`],
				}),
		);
		instances.push(...workers);
		// The main first: it runs the database migrations the workers expect.
		await main.start(240_000);
		await Promise.all(workers.map(async (worker) => await worker.start(240_000)));
		return {
			main,
			workers,
			restartWorker: async (index) => await workers[index].start(240_000),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
