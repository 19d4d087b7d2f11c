import { writeFileSync } from 'node:fs';

import { startAllSimulators, stopAllSimulators, VENDORS, type StartAllOptions } from './index';
import type { RunningSimulator, SimulatorVendor } from './options';

const USAGE = `Usage: npx tsx test/simulators/cli.ts [all | utmstack stellarcyber immuta ece ...] [options]

Starts the vendor simulators on 127.0.0.1 and keeps them up until SIGINT or SIGTERM.
Prints one line per vendor: "<vendor> <url>".

Options:
  --tls                          HTTPS with a self-signed certificate (127.0.0.1, ::1, localhost)
  --cert-out FILE                write that certificate (PEM) to FILE, e.g. for NODE_EXTRA_CA_CERTS
  --port-base N                  fixed ports: utmstack N, stellarcyber N+1, immuta N+2, ece N+3
  --port N                       fixed port (one vendor only)
  --token-lifetime SECONDS       session token lifetime for every vendor (default: each vendor's own)
  --utmstack-login-style S       current | legacy (default current)
  --utmstack-lock-after N        bad passwords before UTMStack answers 423 (default 3)
  --alert-count N                UTMStack alerts (default 10000)
  --seed N                       data seed (default 1)
  --json                         print one JSON object per vendor instead
  --verbose                      log every request to stderr
  --help                         this text

Control endpoints on every simulator: GET /__sim/stats, POST /__sim/reset-stats,
POST /__sim/revoke-tokens, GET|POST /__sim/config, GET /__sim/requests, POST /__sim/unlock.`;

function fail(message: string): never {
	process.stderr.write(`${message}\n\n${USAGE}\n`);
	process.exit(2);
}

function parse(argv: string[]) {
	const vendors: SimulatorVendor[] = [];
	const options: StartAllOptions = {};
	let certOut: string | undefined;
	let asJson = false;
	const number = (flag: string, value: string | undefined) => {
		if (value === undefined || !/^\d+$/.test(value)) fail(`${flag} needs a whole number`);
		return Number(value);
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		switch (arg) {
			case '--help':
			case '-h':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			case '--tls':
				options.tls = true;
				break;
			case '--cert-out':
				certOut = argv[++i];
				if (!certOut) fail('--cert-out needs a file name');
				break;
			case '--port-base':
				options.portBase = number(arg, argv[++i]);
				break;
			case '--port':
				options.port = number(arg, argv[++i]);
				break;
			case '--token-lifetime':
				options.tokenLifetimeSeconds = number(arg, argv[++i]);
				if (options.tokenLifetimeSeconds <= 0) fail('--token-lifetime must be positive');
				break;
			case '--utmstack-login-style': {
				const style = argv[++i];
				if (style !== 'current' && style !== 'legacy')
					fail('--utmstack-login-style is current or legacy');
				options.utmstackLoginStyle = style;
				break;
			}
			case '--utmstack-lock-after':
				options.utmstackLockAfter = number(arg, argv[++i]);
				break;
			case '--alert-count':
				options.alertCount = number(arg, argv[++i]);
				break;
			case '--seed':
				options.seed = number(arg, argv[++i]);
				break;
			case '--json':
				asJson = true;
				break;
			case '--verbose':
				options.log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
				break;
			default:
				if (arg === 'all') vendors.push(...VENDORS);
				else if ((VENDORS as readonly string[]).includes(arg)) vendors.push(arg as SimulatorVendor);
				else fail(`Unknown argument "${arg}"`);
		}
	}
	const chosen = [...new Set(vendors.length > 0 ? vendors : VENDORS)];
	if (options.port !== undefined && chosen.length > 1)
		fail('--port works with one vendor; use --port-base for several');
	return { options: { ...options, vendors: chosen }, certOut, asJson };
}

async function main() {
	const { options, certOut, asJson } = parse(process.argv.slice(2));
	const simulators = await startAllSimulators(options);
	const running = Object.values(simulators) as RunningSimulator[];
	for (const simulator of running) {
		process.stdout.write(
			asJson
				? `${JSON.stringify({ vendor: simulator.vendor, url: simulator.url })}\n`
				: `${simulator.vendor} ${simulator.url}\n`,
		);
	}
	const certificate = running.find((simulator) => simulator.certificate)?.certificate;
	if (certOut && certificate) writeFileSync(certOut, certificate);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stderr.write(`${signal}: closing the simulators\n`);
		stopAllSimulators(simulators).then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	process.stderr.write(
		`Could not start the simulators: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
