import { spawn, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	createWriteStream,
	mkdirSync,
	openSync,
	readFileSync,
	symlinkSync,
	writeFileSync,
	existsSync,
	rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

import type { InstalledN8n } from './install';

export interface N8nInstanceOptions {
	installed: InstalledN8n;
	/** Holds n8n's SQLite database, settings, log and installed community packages. */
	userFolder: string;
	port: number;
	/** Extra environment, e.g. NODE_EXTRA_CA_CERTS. */
	env?: Record<string, string>;
	/** `start` (the default) or a queue-mode `worker`, with its arguments. */
	command?: string[];
	/** The log file's name in userFolder, for several processes sharing one folder (default n8n.log). */
	logName?: string;
}

export interface WorkflowRun {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>
			>;
			error?: unknown;
		};
	};
}

export interface ExecutionResult {
	run?: WorkflowRun;
	status: number;
	stdout: string;
	stderr: string;
	/** The items a node put out on its first output, in its last run. */
	output(node: string): Array<Record<string, unknown>>;
}

const tail = (text: string, size = 1500) => (text.length > size ? `...${text.slice(-size)}` : text);

/** The finished run, or an error that says what n8n returned instead (exit code, the end of what it printed). */
export function finishedRun(result: ExecutionResult): WorkflowRun {
	if (result.run) return result.run;
	const printed = result.stdout.split('\n').includes('{')
		? 'a run it did not finish, or that failed'
		: 'no run';
	throw new Error(
		`n8n execute printed ${printed} and exited with code ${result.status}.\nIts output ends:\n${tail(result.stdout)}\nIts errors end:\n${tail(result.stderr)}`,
	);
}

function nodeOutput(run: WorkflowRun | undefined, node: string): Array<Record<string, unknown>> {
	const runs = run?.data.resultData.runData[node];
	const last = runs?.[runs.length - 1];
	return (last?.data?.main[0] ?? []).map((item) => item.json);
}

export const OWNER = {
	email: 'owner@secops.example.test',
	password: 'Sandbox-0wner-pass',
	firstName: 'SOC',
	lastName: 'Owner',
};

/**
 * One real n8n: its command line (import, execute) and its server, on a SQLite database in userFolder.
 * The log goes to userFolder/n8n.log, which tests search for load errors and leaked secrets.
 */
export class N8nInstance {
	private server?: ChildProcess;

	constructor(readonly options: N8nInstanceOptions) {
		mkdirSync(options.userFolder, { recursive: true });
	}

	get url(): string {
		return `http://127.0.0.1:${this.options.port}`;
	}

	/** N8N_USER_FOLDER: n8n keeps its database and settings in .n8n below it. */
	get userFolder(): string {
		return this.options.userFolder;
	}

	get logFile(): string {
		return join(this.options.userFolder, this.options.logName ?? 'n8n.log');
	}

	get nodesFolder(): string {
		return join(this.options.userFolder, '.n8n', 'nodes');
	}

	env(): NodeJS.ProcessEnv {
		const { installed, userFolder, port } = this.options;
		// Jest sets NODE_ENV=test, which n8n reads as its own test mode.
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(
				([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST'),
			),
		);
		return {
			...inherited,
			PATH: `${dirname(installed.nodeBinary)}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: 'secops-sandbox-encryption-key',
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(port + 1000),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			DB_TYPE: 'sqlite',
			GENERIC_TIMEZONE: 'UTC',
			...installed.version.env,
			...this.options.env,
		};
	}

	/**
	 * Runs an n8n command (import:credentials, execute, ...) to completion. Asynchronous on purpose: the
	 * simulators may live in this very process and must keep answering while n8n runs.
	 */
	cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
		const { installed, port } = this.options;
		// A command starts its own task runner broker: keep it off the server's port.
		const env = { ...this.env(), N8N_RUNNERS_BROKER_PORT: String(port + 2000) };
		// stdout goes to a file: n8n exits right after printing a run, and a pipe that this (busy) process has
		// not drained by then loses the end of a large run; a file gets every byte.
		const outFile = join(this.options.userFolder, `cli-${process.pid}-${Date.now()}.out`);
		const outFd = openSync(outFile, 'w');
		return new Promise((resolve, reject) => {
			const child = spawn(installed.nodeBinary, [installed.n8nBin, ...args], {
				env,
				stdio: ['ignore', outFd, 'pipe'],
			});
			closeSync(outFd);
			let stderr = '';
			child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			child.on('error', reject);
			child.on('close', (code) => {
				const stdout = readFileSync(outFile, 'utf8');
				rmSync(outFile, { force: true });
				writeFileSync(this.logFile, `\n$ n8n ${args.join(' ')}\n${stdout}\n${stderr}\n`, {
					flag: 'a',
				});
				resolve({ status: code ?? -1, stdout, stderr });
			});
		});
	}

	async cliOrThrow(args: string[]): Promise<string> {
		const result = await this.cli(args);
		if (result.status !== 0)
			throw new Error(
				`n8n ${args[0]} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
			);
		return result.stdout;
	}

	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.options.userFolder, 'import-credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		try {
			await this.cliOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** The stored credentials, decrypted (n8n export:credentials --decrypted), as import:credentials takes them back. */
	async exportCredentials(): Promise<
		Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>
	> {
		const file = join(this.options.userFolder, 'export-credentials.json');
		try {
			await this.cliOrThrow(['export:credentials', '--all', '--decrypted', `--output=${file}`]);
			return JSON.parse(readFileSync(file, 'utf8'));
		} finally {
			rmSync(file, { force: true });
		}
	}

	/**
	 * Moves a stored session's times so that it is near its end (issued `issuedAgoMs` ago, ending in `endsInMs`).
	 * The token itself is untouched and the platform still takes it: what a process finds when the session it did
	 * not get itself is due for renewal.
	 */
	async ageStoredSession(
		credentialId: string,
		issuedAgoMs: number,
		endsInMs: number,
	): Promise<void> {
		const stored = (await this.exportCredentials()).find(
			(credential) => credential.id === credentialId,
		);
		if (!stored || typeof stored.data.sessionToken !== 'string' || stored.data.sessionToken === '')
			throw new Error(`credential ${credentialId} holds no session to age`);
		const now = Date.now();
		const data = {
			...stored.data,
			sessionIssuedAt: new Date(now - issuedAgoMs).toISOString(),
			sessionExpiresAt: new Date(now + endsInMs).toISOString(),
		};
		await this.importCredentials([{ id: stored.id, name: stored.name, type: stored.type, data }]);
	}

	async importWorkflows(workflows: object[]): Promise<void> {
		const folder = join(this.options.userFolder, 'import-workflows');
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder);
		workflows.forEach((workflow, index) =>
			writeFileSync(join(folder, `${index}.json`), JSON.stringify(workflow)),
		);
		await this.cliOrThrow(['import:workflow', '--separate', `--input=${folder}`]);
	}

	/**
	 * Marks workflows active (on n8n 2.x: published) so that the next `start` activates their triggers.
	 * One command per workflow: n8n 2.x no longer publishes with `--all` (and says so with exit code 0).
	 */
	async activateWorkflows(workflowIds: string[]): Promise<void> {
		for (const id of workflowIds)
			await this.cliOrThrow(['update:workflow', `--id=${id}`, '--active=true']);
	}

	/** `n8n execute --id`: the run n8n printed (undefined when it failed), and what it wrote. */
	async execute(workflowId: string): Promise<ExecutionResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		// n8n logs the run as indented JSON among its other log lines: from a line "{" to the next line "}".
		const lines = result.stdout.split('\n');
		const first = lines.indexOf('{');
		const last = first >= 0 ? lines.indexOf('}', first) : -1;
		let run: WorkflowRun | undefined;
		if (last > first) {
			try {
				const printed = JSON.parse(lines.slice(first, last + 1).join('\n')) as WorkflowRun & {
					status?: string;
					finished?: boolean;
				};
				// A run n8n printed as finished with success counts even if the process then exits unclean.
				run =
					result.status === 0 || (printed.status === 'success' && printed.finished === true)
						? printed
						: undefined;
			} catch {
				run = undefined;
			}
		}
		return {
			run,
			status: result.status,
			stdout: result.stdout,
			stderr: result.stderr,
			output: (node) => nodeOutput(run, node),
		};
	}

	/** Makes a package folder visible to n8n the way the Community Nodes installer leaves it (nodes/node_modules/<name>). */
	linkPackage(packageFolder: string, name = 'n8n-nodes-secops'): void {
		const target = join(this.nodesFolder, 'node_modules', name);
		mkdirSync(dirname(target), { recursive: true });
		rmSync(target, { recursive: true, force: true });
		symlinkSync(packageFolder, target, 'dir');
		const manifest = join(this.nodesFolder, 'package.json');
		const current = existsSync(manifest)
			? JSON.parse(readFileSync(manifest, 'utf8'))
			: { name: 'installed-nodes', private: true };
		current.dependencies = { ...(current.dependencies ?? {}), [name]: `file:${packageFolder}` };
		writeFileSync(manifest, JSON.stringify(current, null, 2));
	}

	async start(timeoutMs = 180_000): Promise<void> {
		const { installed } = this.options;
		const log = createWriteStream(this.logFile, { flags: 'a' });
		const command = this.options.command ?? ['start'];
		const logStart = existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').length : 0;
		this.server = spawn(installed.nodeBinary, [installed.n8nBin, ...command], {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.server.stdout?.pipe(log);
		this.server.stderr?.pipe(log);
		const started = Date.now();
		let exited: string | undefined;
		this.server.once('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
		while (Date.now() - started < timeoutMs) {
			if (exited)
				throw new Error(
					`n8n exited while starting (${exited}); see ${this.logFile}:\n${readFileSync(this.logFile, 'utf8').slice(-3000)}`,
				);
			if (command[0] === 'worker') {
				// A worker serves no REST; it says so in its log once it takes jobs.
				if (
					existsSync(this.logFile) &&
					readFileSync(this.logFile, 'utf8').slice(logStart).includes('worker is now ready')
				)
					return;
			} else {
				try {
					// Readiness comes before the REST routes; the editor's first call is the real sign.
					const answer = await fetch(`${this.url}/rest/settings`);
					// An answer while our process has exited came from another server on this port.
					if (answer.ok && !exited) return;
				} catch {
					// not listening yet
				}
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n did not become ready in ${timeoutMs / 1000} s; see ${this.logFile}`);
	}

	/** The server's process id, while it runs (for memory readings). */
	get pid(): number | undefined {
		return this.running ? this.server?.pid : undefined;
	}

	get running(): boolean {
		return (
			this.server !== undefined && this.server.exitCode === null && this.server.signalCode === null
		);
	}

	/** SIGTERM to the process group (n8n finishes what it runs), SIGKILL after 20 s. */
	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		try {
			process.kill(-server.pid!, 'SIGTERM');
		} catch {
			server.kill('SIGTERM');
		}
		const killer = setTimeout(() => {
			try {
				process.kill(-server.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 20_000);
		await exited;
		clearTimeout(killer);
	}

	log(): string {
		return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
	}
}
