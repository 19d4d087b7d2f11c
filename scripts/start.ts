import { join } from 'node:path';

import { startAllSimulators, stopAllSimulators } from '../test/simulators';
import { ensureN8n, cacheRoot } from './n8n/install';
import { N8nInstance, OWNER } from './n8n/instance';
import { N8nRest } from './n8n/rest';
import { exampleWorkflows } from './n8n/example-workflows';
import { forImport, sandboxCredentials } from './n8n/sandbox-credentials';
import { N8N_CURRENT } from './n8n/versions';

const USAGE = `npm start [-- --real]

Builds nothing itself (npm start builds first), then starts the four vendor simulators and a real n8n
with this package loaded, a credential per vendor and auth method, and example workflows.

  --real    no simulators and no sandbox credentials: create your own credentials in the editor with the
            URLs and secrets of your real platforms (the example workflows are imported all the same)

Environment: N8N_PORT (default 5678), SIMULATOR_PORT_BASE (default 18080), SECOPS_N8N_CACHE (where n8n is
installed), SECOPS_SANDBOX_FOLDER (n8n's data; default: a folder in that cache, kept between runs).`;

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args.includes('--help')) {
		console.log(USAGE);
		return;
	}
	const real = args.includes('--real') || process.env.SECOPS_REAL_VENDORS === '1';
	const port = Number(process.env.N8N_PORT ?? 5678);
	const portBase = Number(process.env.SIMULATOR_PORT_BASE ?? 18080);

	const installed = await ensureN8n(N8N_CURRENT);
	const simulators = real ? undefined : await startAllSimulators({ portBase });
	const userFolder =
		process.env.SECOPS_SANDBOX_FOLDER ?? join(cacheRoot(), `sandbox-${N8N_CURRENT.label}`);
	const n8n = new N8nInstance({ installed, userFolder, port });

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\n== stopping n8n and the simulators');
		await n8n.stop();
		if (simulators) await stopAllSimulators(simulators);
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		n8n.linkPackage(join(__dirname, '..'));
		if (simulators) {
			const urls = Object.fromEntries(
				Object.entries(simulators).map(([vendor, sim]) => [vendor, sim.url]),
			) as never;
			for (const [vendor, sim] of Object.entries(simulators))
				console.log(`== simulator ${vendor.padEnd(12)} ${sim.url}`);
			await n8n.importCredentials(forImport(sandboxCredentials(urls)));
		}
		await n8n.importWorkflows(exampleWorkflows());
		console.log(`== starting n8n ${installed.version.n8n} (log: ${n8n.logFile})`);
		await n8n.start();
		await new N8nRest(n8n.url).ownerLogin(OWNER);
	} catch (error) {
		console.error((error as Error).message);
		await stop(1);
		return;
	}

	console.log(`
n8n is ready: ${n8n.url}
  log in as ${OWNER.email} / ${OWNER.password}
  example workflows: Workflows page; credentials: Credentials page (one per vendor and sign-in method)
Press Ctrl-C to stop.`);
}

void main();
