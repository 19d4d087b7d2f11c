import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ensureN8n } from '../../../scripts/n8n/install';
import { N8nInstance, OWNER } from '../../../scripts/n8n/instance';
import { freeN8nPort } from '../../../scripts/n8n/ports';
import { N8nRest } from '../../../scripts/n8n/rest';
import {
	forImport,
	sandboxCredentials,
	type SandboxCredential,
} from '../../../scripts/n8n/sandbox-credentials';
import type { N8nVersion } from '../../../scripts/n8n/versions';
import {
	startAllSimulators,
	stopAllSimulators,
	type RunningSimulator,
	type SimulatorOptions,
	type SimulatorVendor,
} from '../../simulators';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');

export interface E2eEnvironment {
	n8n: N8nInstance;
	rest: N8nRest;
	simulators: Record<SimulatorVendor, RunningSimulator>;
	credentials: SandboxCredential[];
	credential(id: string): SandboxCredential;
	stop(): Promise<void>;
}

let portOffset = 0;

/**
 * A real n8n of the given version, on a fresh SQLite database, with this package linked in as the
 * Community Nodes installer leaves one, the simulators' credentials imported, and the server up.
 */
export async function startEnvironment(
	version: N8nVersion,
	name: string,
	options: {
		packageFolder?: string;
		startServer?: boolean;
		simulators?: SimulatorOptions;
		n8nEnv?: Record<string, string>;
	} = {},
): Promise<E2eEnvironment> {
	const installed = await ensureN8n(version);
	const simulators = await startAllSimulators(options.simulators);
	const urls = Object.fromEntries(
		Object.entries(simulators).map(([vendor, sim]) => [vendor, sim.url]),
	) as Record<SimulatorVendor, string>;
	const userFolder = join(ARTIFACTS, version.label, name);
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	// Ports per environment, so that suites of two versions never share one.
	const port = await freeN8nPort(25678 + (process.pid % 200) * 10 + portOffset++);
	const n8n = new N8nInstance({ installed, userFolder, port, env: options.n8nEnv });
	if (options.packageFolder !== '')
		n8n.linkPackage(options.packageFolder ?? process.env.SECOPS_E2E_PACKAGE ?? REPO_ROOT);
	const credentials = sandboxCredentials(urls);
	await n8n.importCredentials(forImport(credentials));
	const rest = new N8nRest(n8n.url);
	if (options.startServer !== false) {
		await n8n.start();
		await rest.ownerLogin(OWNER);
	}
	return {
		n8n,
		rest,
		simulators,
		credentials,
		credential: (id) => {
			const found = credentials.find((credential) => credential.id === id);
			if (!found) throw new Error(`no sandbox credential ${id}`);
			return found;
		},
		stop: async () => {
			await n8n.stop();
			await stopAllSimulators(simulators);
		},
	};
}
