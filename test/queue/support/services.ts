import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Redis and PostgreSQL for n8n's queue mode, from Debian's packages (installed when missing), each on its
 * own loopback port and in its own data folder, started and stopped by this process only.
 */

export interface RunningService {
	port: number;
	stop(): Promise<void>;
}

function run(command: string, args: string[], options: { user?: string } = {}): string {
	const [file, argv] = options.user
		? ['su', [options.user, '-s', '/bin/sh', '-c', [command, ...args].map(quote).join(' ')]]
		: [command, args];
	return execFileSync(file, argv as string[], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function installed(check: () => boolean, packages: string[]): void {
	if (check()) return;
	console.log(`   installing ${packages.join(', ')} from Debian's packages`);
	try {
		execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore' });
	} catch {
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
		execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore' });
	}
	if (!check()) throw new Error(`${packages.join(', ')} did not install`);
}

function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const version = readdirSync(root)
		.sort((a, b) => Number(b) - Number(a))
		.find((entry) => existsSync(join(root, entry, 'bin', 'initdb')));
	return version ? join(root, version, 'bin') : undefined;
}

export async function startRedis(folder: string, port: number): Promise<RunningService> {
	installed(() => existsSync('/usr/bin/redis-server'), ['redis-server']);
	mkdirSync(folder, { recursive: true });
	const child: ChildProcess = spawn(
		'/usr/bin/redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			folder,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{ stdio: 'ignore' },
	);
	for (let waited = 0; ; waited += 100) {
		try {
			if (run('/usr/bin/redis-cli', ['-p', String(port), 'ping']).trim() === 'PONG') break;
		} catch {
			if (waited > 15_000) throw new Error('redis-server did not answer in 15 s');
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		port,
		stop: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

/** A private cluster (trust authentication on loopback), with a database and user `n8n`. */
export async function startPostgres(folder: string, port: number): Promise<RunningService> {
	installed(() => postgresBin() !== undefined, ['postgresql']);
	const bin = postgresBin() as string;
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	chmodSync(folder, 0o777);
	const data = join(folder, 'data');
	const sockets = join(folder, 'sockets');
	mkdirSync(sockets);
	chmodSync(sockets, 0o777);
	// PostgreSQL refuses to run as root: its own user runs it, as Debian sets it up.
	run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], {
		user: 'postgres',
	});
	run(
		join(bin, 'pg_ctl'),
		[
			'-D',
			data,
			'-l',
			join(folder, 'postgres.log'),
			'-o',
			`-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1`,
			'-w',
			'start',
		],
		{ user: 'postgres' },
	);
	run('psql', [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		'postgres',
		'-c',
		"CREATE USER n8n PASSWORD 'n8n'",
	]);
	run('psql', [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		'postgres',
		'-c',
		'CREATE DATABASE n8n OWNER n8n',
	]);
	return {
		port,
		stop: async () => {
			run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], { user: 'postgres' });
		},
	};
}
