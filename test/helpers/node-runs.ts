import type { INodeExecutionData, INodeType } from 'n8n-workflow';

import { startSimulator, type RunningSimulator, type SimulatorVendor } from '../simulators';
import { N8nHarness } from './n8n-harness';
import { ALL_CREDENTIAL_TYPES } from './vendors';
import { PLATFORMS } from '../platforms';

/**
 * For suites that run nodes against simulators of their own: each simulator gets a credential pointing at
 * it, and every simulator started is closed after the suite.
 */
export function nodeRuns() {
	const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);
	const simulators: RunningSimulator[] = [];

	afterAll(async () => {
		for (const started of simulators) await started.close();
	});

	async function simulator(
		vendor: SimulatorVendor,
		options: Record<string, unknown>,
		credential: Record<string, unknown>,
		type: string,
	) {
		const started = await startSimulator(vendor, options);
		simulators.push(started);
		const name = `${vendor}-${simulators.length}`;
		harness.addCredential(name, type, { baseUrl: started.url, ...credential });
		return { sim: started, credentials: { [type]: name } };
	}

	/** Every platform's simulator (test/platforms.ts), each with the options given and its key sign-in. */
	async function everyPlatform(
		options: Partial<Record<SimulatorVendor, Record<string, unknown>>>,
	): Promise<Record<SimulatorVendor, Awaited<ReturnType<typeof simulator>>>> {
		const started = await Promise.all(
			PLATFORMS.map(async (platform) => {
				const signIn = platform.signIns.find((candidate) => candidate.id === platform.keySignIn);
				return [
					platform.vendor,
					await simulator(
						platform.vendor,
						options[platform.vendor] ?? {},
						signIn?.data ?? {},
						platform.api.credentialType,
					),
				] as const;
			}),
		);
		return Object.fromEntries(started) as Record<
			SimulatorVendor,
			Awaited<ReturnType<typeof simulator>>
		>;
	}

	/** One more credential on a simulator already started. */
	function credential(
		started: RunningSimulator,
		type: string,
		data: Record<string, unknown>,
		name: string,
	) {
		harness.addCredential(name, type, { baseUrl: started.url, ...data });
		return { [type]: name };
	}

	async function run(
		node: INodeType,
		parameters: Record<string, unknown>,
		credentials: Record<string, string>,
		typeVersion?: number,
	): Promise<INodeExecutionData[]> {
		const [output] = await harness.runNode(node, parameters as never, [{ json: {} }], credentials, {
			typeVersion,
		});
		return output;
	}

	/** What the editor loads for a field: a "From List" page or a dropdown. */
	async function list<T>(
		node: INodeType,
		kind: 'listSearch' | 'loadOptions',
		method: string,
		credentials: Record<string, string>,
		parameters: Record<string, unknown> = {},
		search: { filter?: string; paginationToken?: string } = {},
	): Promise<T> {
		return (await harness.loadList(
			node,
			kind,
			method,
			parameters as never,
			credentials,
			search,
		)) as T;
	}

	/** The error a run ends with; the test fails if the run succeeds. */
	async function runError(
		node: INodeType,
		parameters: Record<string, unknown>,
		credentials: Record<string, string>,
	) {
		try {
			await run(node, parameters, credentials);
		} catch (error) {
			return { message: String(error.message), description: String(error.description ?? '') };
		}
		throw new Error('the node did not fail');
	}

	/** A polling trigger, activated as n8n activates it (its static data lives on between polls). */
	function activate(
		node: INodeType,
		parameters: Record<string, unknown>,
		credentials: Record<string, string>,
	) {
		return harness.activateTrigger(node, parameters as never, credentials);
	}

	/** The credential as n8n stores it now (the session fields included). */
	const stored = (credentials: Record<string, string>) =>
		harness.stored(Object.values(credentials)[0]);

	return {
		simulator,
		everyPlatform,
		credential,
		run,
		runError,
		list,
		activate,
		stored,
		hints: () => harness.lastHints,
	};
}

export const idsOf = (output: INodeExecutionData[], key: string) =>
	output.map((record) => String(record.json[key]));
