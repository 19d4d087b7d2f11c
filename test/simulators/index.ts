import { PLATFORMS } from '../platforms';
import { startPlatformSimulator } from './core/start';
import type { RunningSimulator, SimulatorOptions, SimulatorVendor } from './options';

export type { SimulatorStats } from './core/stats';
export type {
	RecordedRequest,
	RunningSimulator,
	SimulatorOptions,
	SimulatorVendor,
} from './options';
/** Every platform's simulator, in the registry's order. */
export const VENDORS: readonly SimulatorVendor[] = PLATFORMS.map((platform) => platform.vendor);

/** Starts one vendor's simulator on 127.0.0.1. */
export async function startSimulator(
	vendor: SimulatorVendor,
	options: SimulatorOptions = {},
): Promise<RunningSimulator> {
	const platform = PLATFORMS.find((candidate) => candidate.vendor === vendor);
	if (!platform)
		throw new Error(
			`Unknown simulator vendor "${String(vendor)}"; expected one of ${VENDORS.join(', ')}`,
		);
	return await startPlatformSimulator(platform, options);
}

export interface StartAllOptions extends SimulatorOptions {
	/** Fixed ports: utmstack on portBase, stellarcyber +1, immuta +2, ece +3. Default: random ports. */
	portBase?: number;
	/** A subset of vendors (default all four). */
	vendors?: SimulatorVendor[];
}

/**
 * Starts several simulators (all four by default); if one cannot start, the others are closed again.
 * With `vendors`, only those keys are present in the result.
 */
export async function startAllSimulators(
	options: StartAllOptions = {},
): Promise<Record<SimulatorVendor, RunningSimulator>> {
	const { portBase, vendors = [...VENDORS], ...rest } = options;
	const started: Partial<Record<SimulatorVendor, RunningSimulator>> = {};
	try {
		for (const vendor of vendors) {
			const port = portBase !== undefined ? portBase + VENDORS.indexOf(vendor) : rest.port;
			started[vendor] = await startSimulator(vendor, { ...rest, port });
		}
	} catch (error) {
		await stopAllSimulators(started);
		throw error;
	}
	return started as Record<SimulatorVendor, RunningSimulator>;
}

export async function stopAllSimulators(
	simulators: Partial<Record<SimulatorVendor, RunningSimulator>>,
): Promise<void> {
	await Promise.all(Object.values(simulators).map(async (simulator) => await simulator?.close()));
}
