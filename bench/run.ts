import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { forImport, type SandboxCredential } from '../scripts/n8n/sandbox-credentials';
import { N8N_VERSIONS } from '../scripts/n8n/versions';
import { REPO_ROOT, startEnvironment, type E2eEnvironment } from '../test/e2e/support/environment';
import { webhooksRegistered } from '../test/e2e/support/webhooks';
import { loginSignIn, PLATFORMS } from '../test/platforms';
import { UTMSTACK } from '../test/simulators/fixtures';
import { formatSpread, spread, table, timed, withPeakMemory, type Spread } from './measure';
import {
	byHandReturnAll,
	byHandWorkflow,
	ourReturnAll,
	ourWorkflow,
	type BenchVendor,
} from './workflows';

/**
 * npm run bench [-- --runs N]: three comparisons in one real n8n (BENCH_N8N_VERSION, default n8n-2.41)
 * against the simulators, each made side by side in the same run. Prints tables; writes
 * bench-results/latest.json.
 */

const VENDORS: BenchVendor[] = PLATFORMS.map((platform) => platform.vendor);
const ITEM_COUNTS = [1, 100, 1000];
const ALERTS = 100_000;
const PAGE_SIZE = 1000;
const LOGIN_CREDENTIAL = Object.fromEntries(
	PLATFORMS.map((platform) => [platform.vendor, loginSignIn(platform).id]),
) as Record<BenchVendor, string>;
const LONG_RUN = { items: 1000, delayMs: 25, tokenLifetimeSeconds: 5 };

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

async function callWebhook(env: E2eEnvironment, path: string): Promise<Record<string, unknown>[]> {
	const answer = await fetch(`${env.n8n.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	const text = await answer.text();
	const items = JSON.parse(text) as Record<string, unknown>[] | Record<string, unknown>;
	const list = Array.isArray(items) ? items : [items];
	if (answer.status !== 200 || list.some((item) => item.error))
		throw new Error(`${path} failed: ${text.slice(0, 500)}`);
	return list;
}

interface CountRow {
	vendor: BenchVendor;
	items: number;
	variant: string;
	logins: Spread;
	requests: Spread;
	ms: Spread;
}

async function loginsAndRequests(env: E2eEnvironment): Promise<CountRow[]> {
	const rows: CountRow[] = [];
	for (const vendor of VENDORS) {
		const simulator = env.simulators[vendor];
		for (const items of ITEM_COUNTS) {
			const measure = async (path: string, times: number) => {
				const samples = { logins: [] as number[], requests: [] as number[], ms: [] as number[] };
				for (let run = 0; run < times; run++) {
					simulator.resetStats();
					const { ms } = await timed(async () => await callWebhook(env, path));
					samples.logins.push(simulator.stats.logins);
					samples.requests.push(simulator.stats.requests);
					samples.ms.push(ms);
				}
				return {
					logins: spread(samples.logins),
					requests: spread(samples.requests),
					ms: spread(samples.ms),
				};
			};
			rows.push({
				vendor,
				items,
				variant: 'our node, empty token',
				...(await measure(`bench-ours-${vendor}-${items}`, 1)),
			});
			rows.push({
				vendor,
				items,
				variant: 'our node, valid token',
				...(await measure(`bench-ours-${vendor}-${items}`, runs)),
			});
			rows.push({
				vendor,
				items,
				variant: 'HTTP Request: login + call',
				...(await measure(`bench-hand-${vendor}-${items}`, runs)),
			});
		}
	}
	return rows;
}

interface ReturnAllRow {
	variant: string;
	ms: Spread;
	requests: number;
	peakMb?: Spread;
	baselineMb?: Spread;
	/** Peak minus the level just before the run: what the run itself added to the process. */
	grewMb?: Spread;
	records: number;
}

/**
 * The floor: the same walk our node makes (newest first, each query ending at the last @timestamp read,
 * ids already read dropped), fetched and parsed by a plain loop in Node, no n8n.
 */
async function fetchLoop(
	baseUrl: string,
): Promise<{ records: number; requests: number; unique: number }> {
	const records: Array<Record<string, unknown>> = [];
	const seen = new Set<string>();
	let requests = 0;
	let bound: string | undefined;
	for (;;) {
		const url = `${baseUrl}/api/elasticsearch/search?indexPattern=alert-*&top=1000000&size=${PAGE_SIZE}&page=1&sort=@timestamp,desc`;
		const filters =
			bound === undefined
				? []
				: [{ field: '@timestamp', operator: 'IS_LESS_THAN_OR_EQUALS', value: bound }];
		const answer = await fetch(url, {
			method: 'POST',
			headers: { 'Utm-Api-Key': UTMSTACK.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify(filters),
		});
		requests++;
		if (!answer.ok)
			throw new Error(
				`fetch loop: HTTP ${answer.status} ${answer.headers.get('x-utmstack-error') ?? ''}`,
			);
		const body = (await answer.json()) as Array<Record<string, unknown>>;
		for (const record of body) {
			const id = String(record.id);
			if (seen.has(id)) continue;
			seen.add(id);
			records.push(record);
		}
		if (body.length < PAGE_SIZE) break;
		bound = String(body[body.length - 1]['@timestamp']);
	}
	return { records: records.length, requests, unique: seen.size };
}

/** n8n's HTTP Request node paging the same search: what it returns or says once the pages pass the 10,000-hit window. */
async function httpRequestPastTheWindow(
	env: E2eEnvironment,
): Promise<{ outcome: string; requests: number; pagesAnswered: number }> {
	const simulator = env.simulators.utmstack;
	simulator.resetStats();
	let outcome: string;
	try {
		const result = await callWebhook(env, 'bench-all-hand');
		outcome = `returned ${String(result[0].count_id)} alerts`;
	} catch (error) {
		outcome = `failed: ${(error as Error).message.slice(0, 160)}`;
	}
	const searches = simulator.requestLog.filter(
		(entry) => entry.path === '/api/elasticsearch/search',
	);
	return {
		outcome,
		requests: searches.length,
		pagesAnswered: searches.filter((entry) => entry.status === 200).length,
	};
}

async function returnAll(env: E2eEnvironment): Promise<ReturnAllRow[]> {
	const simulator = env.simulators.utmstack;
	const pid = env.n8n.pid;
	if (!pid) throw new Error('n8n is not running');
	await fetchLoop(simulator.url); // seeds the simulator's 100,000 alerts before anything is timed
	const samples: Record<
		string,
		{
			ms: number[];
			requests: number[];
			peak: number[];
			baseline: number[];
			grew: number[];
			records: number[];
		}
	> = {};
	const variants: Array<
		[
			string,
			() => Promise<{ records: number; requests: number; peakMb?: number; baselineMb?: number }>,
		]
	> = [
		[
			'our node (Return All)',
			async () => {
				simulator.resetStats();
				const { result, peakMb, baselineMb } = await withPeakMemory(
					pid,
					async () => await callWebhook(env, 'bench-all-ours'),
				);
				if (Number(result[0].unique_count_id) !== Number(result[0].count_id))
					throw new Error(
						`our node returned ${String(result[0].count_id)} alerts but ${String(result[0].unique_count_id)} distinct ids`,
					);
				return {
					records: Number(result[0].count_id),
					requests: simulator.stats.requests,
					peakMb,
					baselineMb,
				};
			},
		],
		['plain fetch loop in Node (floor, the same walk)', async () => await fetchLoop(simulator.url)],
	];
	for (let run = 0; run < runs; run++) {
		// A different order each run, so neither variant always runs on a warmer machine.
		const order = run % 2 === 0 ? variants : [...variants].reverse();
		for (const [name, variant] of order) {
			const { result, ms } = await timed(variant);
			const entry = (samples[name] ??= {
				ms: [],
				requests: [],
				peak: [],
				baseline: [],
				grew: [],
				records: [],
			});
			entry.ms.push(ms);
			entry.requests.push(result.requests);
			entry.records.push(result.records);
			if (result.peakMb !== undefined) entry.peak.push(result.peakMb);
			if (result.baselineMb !== undefined) entry.baseline.push(result.baselineMb);
			if (result.peakMb !== undefined && result.baselineMb !== undefined)
				entry.grew.push(result.peakMb - result.baselineMb);
		}
	}
	return variants.map(([name]) => {
		const entry = samples[name];
		return {
			variant: name,
			ms: spread(entry.ms),
			requests: Math.max(...entry.requests),
			records: Math.min(...entry.records),
			...(entry.peak.length
				? {
						peakMb: spread(entry.peak),
						baselineMb: spread(entry.baseline),
						grewMb: spread(entry.grew),
					}
				: {}),
		};
	});
}

async function longRun(env: E2eEnvironment): Promise<Record<string, number>> {
	const simulator = env.simulators.stellarcyber;
	simulator.setTokenLifetime(LONG_RUN.tokenLifetimeSeconds);
	simulator.control('/__sim/faults', {
		mode: 'slow',
		delayMs: LONG_RUN.delayMs,
		requests: 1_000_000,
		path: '/connect/api/v1/tenants',
	});
	simulator.resetStats();
	try {
		const { ms } = await timed(async () => await callWebhook(env, 'bench-long-stellarcyber'));
		const seconds = ms / 1000;
		return {
			seconds: Number(seconds.toFixed(1)),
			tokenLifetimeSeconds: LONG_RUN.tokenLifetimeSeconds,
			logins: simulator.stats.logins,
			elapsedOverLifetime: Number((seconds / LONG_RUN.tokenLifetimeSeconds).toFixed(1)),
			requests: simulator.stats.requests,
			answered401: simulator.stats.unauthorized,
		};
	} finally {
		simulator.control('/__sim/faults', { requests: 0 });
		simulator.setTokenLifetime(600);
	}
}

async function main(): Promise<void> {
	const label = process.env.BENCH_N8N_VERSION ?? 'n8n-2.41';
	const version = N8N_VERSIONS.find((candidate) => candidate.label === label);
	if (!version) throw new Error(`unknown BENCH_N8N_VERSION ${label}`);
	console.log(`== benchmark on ${label}, ${runs} runs per figure`);
	// UTMStack as installed: OpenSearch's default 10,000-hit result window.
	const env = await startEnvironment(version, 'bench', {
		startServer: false,
		simulators: { alertCount: ALERTS },
	});
	try {
		const fresh = (vendor: BenchVendor, tag: string): SandboxCredential => ({
			...env.credential(LOGIN_CREDENTIAL[vendor]),
			id: `bench-${vendor}-${tag}`,
			name: `Bench ${vendor} ${tag}`,
		});
		const credentials: SandboxCredential[] = [];
		const workflows = [];
		for (const vendor of VENDORS) {
			for (const items of ITEM_COUNTS) {
				const credential = fresh(vendor, String(items));
				credentials.push(credential);
				workflows.push(ourWorkflow(`bench-ours-${vendor}-${items}`, vendor, items, credential));
				workflows.push(
					byHandWorkflow(
						`bench-hand-${vendor}-${items}`,
						vendor,
						items,
						env.simulators[vendor].url,
					),
				);
			}
		}
		const longCredential = fresh('stellarcyber', 'long');
		credentials.push(longCredential);
		workflows.push(
			ourWorkflow('bench-long-stellarcyber', 'stellarcyber', LONG_RUN.items, longCredential),
		);
		workflows.push(ourReturnAll('bench-all-ours', env.credential('secopsUtmApiKey1')));
		workflows.push(
			byHandReturnAll('bench-all-hand', env.simulators.utmstack.url, ALERTS, PAGE_SIZE),
		);
		await env.n8n.importCredentials(forImport(credentials));
		await env.n8n.importWorkflows(workflows);
		await env.n8n.activateWorkflows(workflows.map((workflow) => workflow.id));
		await env.n8n.start();
		await webhooksRegistered(
			env.n8n.url,
			workflows.map((workflow) => workflow.id),
			120_000,
		);

		console.log(
			'\n1. Logins and requests per execution (the same call per item; medians, spread in brackets)\n',
		);
		const counts = await loginsAndRequests(env);
		console.log(
			table(
				['platform', 'items', 'variant', 'logins', 'requests', 'time ms'],
				counts.map((row) => [
					row.vendor,
					String(row.items),
					row.variant,
					formatSpread(row.logins),
					formatSpread(row.requests),
					formatSpread(row.ms),
				]),
			),
		);

		console.log(
			`\n2. Return All of ${ALERTS.toLocaleString('en')} UTMStack alerts, pages of ${PAGE_SIZE} (n8n process memory sampled every 50 ms)\n`,
		);
		const all = await returnAll(env);
		console.log(
			table(
				[
					'variant',
					'records',
					'requests',
					'time ms',
					'n8n peak RSS MB',
					'RSS before MB',
					'grew by MB',
				],
				all.map((row) => [
					row.variant,
					String(row.records),
					String(row.requests),
					formatSpread(row.ms),
					row.peakMb ? formatSpread(row.peakMb) : 'n/a',
					row.baselineMb ? formatSpread(row.baselineMb) : 'n/a',
					row.grewMb ? formatSpread(row.grewMb) : 'n/a',
				]),
			),
		);
		const [ours, floor] = all;
		const byHand = await httpRequestPastTheWindow(env);
		const ratios = {
			oursOverFetchLoopTime: Number((ours.ms.median / floor.ms.median).toFixed(2)),
			oursOverFetchLoopRequests: Number((ours.requests / floor.requests).toFixed(2)),
		};
		console.log(
			`\n   ours / fetch loop time: ${ratios.oursOverFetchLoopTime}; requests: ${ours.requests} against ${floor.requests}`,
		);
		console.log(
			`   HTTP Request node paging the same search (page/size, Fail on error as configured by default): ${byHand.outcome}; ${byHand.requests} requests, ${byHand.pagesAnswered} answered`,
		);

		console.log(
			`\n3. Stellar Cyber with ${LONG_RUN.tokenLifetimeSeconds}-second tokens: ${LONG_RUN.items} calls answered after ${LONG_RUN.delayMs} ms each\n`,
		);
		const long = await longRun(env);
		console.log(table(Object.keys(long), [Object.values(long).map(String)]));

		const folder = join(REPO_ROOT, 'bench-results');
		mkdirSync(folder, { recursive: true });
		writeFileSync(
			join(folder, 'latest.json'),
			JSON.stringify(
				{
					n8n: label,
					runs,
					at: new Date().toISOString(),
					loginsAndRequests: counts,
					returnAll: { rows: all, ratios, httpRequestNode: byHand },
					longRun: long,
				},
				null,
				2,
			),
		);
		console.log(`\nwritten: bench-results/latest.json`);
	} finally {
		await env.stop();
	}
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
