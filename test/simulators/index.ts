import { PLATFORMS } from '../platforms';
import { requestHandler } from './core/app';
import { controlReply, type ControlTarget } from './core/control';
import { NO_CHURN, type ChurnPlan } from './core/churn';
import { NO_FAULTS, type FaultPlan } from './core/faults';
import { NO_QUIRKS, type QuirkPlan } from './core/quirks';
import { listen } from './core/server';
import { clearStats, createStats, loginRecorder } from './core/stats';
import { selfSignedCertificate } from './core/tls';
import { TokenStore } from './core/tokens';
import {
	DEFAULT_TOKEN_LIFETIME,
	resolveOptions,
	type RecordedRequest,
	type RunningSimulator,
	type SimulatorOptions,
	type SimulatorVendor,
} from './options';

export type { SimulatorStats } from './core/stats';
export type { RecordedRequest, RunningSimulator, SimulatorOptions, SimulatorVendor } from './options';
/** Every platform's simulator, in the registry's order. */
export const VENDORS: readonly SimulatorVendor[] = PLATFORMS.map((platform) => platform.vendor);


function validLifetime(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Starts one vendor's simulator on 127.0.0.1. */
export async function startSimulator(vendor: SimulatorVendor, options: SimulatorOptions = {}): Promise<RunningSimulator> {
	const platform = PLATFORMS.find((candidate) => candidate.vendor === vendor);
	const factory = platform?.simulator;
	if (!platform || !factory) throw new Error(`Unknown simulator vendor "${String(vendor)}"; expected one of ${VENDORS.join(', ')}`);
	if (options.tokenLifetimeSeconds !== undefined && !validLifetime(options.tokenLifetimeSeconds)) {
		throw new Error('tokenLifetimeSeconds must be a positive number');
	}
	const resolved = resolveOptions(options);
	let lifetimeIsExplicit = options.tokenLifetimeSeconds !== undefined;
	const tokens = new TokenStore({ format: platform.tokenFormat, lifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME[vendor] });
	const stats = createStats();
	const requestLog: RecordedRequest[] = [];
	const app = factory({ options: resolved, tokens, logins: loginRecorder(stats), lifetimeIsExplicit: () => lifetimeIsExplicit });

	const setTokenLifetime = (seconds: number) => {
		if (!validLifetime(seconds)) throw new Error('The token lifetime must be a positive number of seconds');
		tokens.lifetimeSeconds = seconds;
		lifetimeIsExplicit = true;
	};
	const resetStats = () => {
		clearStats(stats);
		requestLog.length = 0;
	};

	const faults: FaultPlan = { ...NO_FAULTS };
	const churn: ChurnPlan = { ...NO_CHURN };
	const quirks: QuirkPlan = { ...NO_QUIRKS };
	const control: ControlTarget = {
		vendor,
		setQuirks: (plan) => Object.assign(quirks, { first: undefined, answerWith: undefined }, plan),
		setFaults: (plan) => Object.assign(faults, plan),
		setChurn: (plan) => Object.assign(churn, plan),
		vendorControl: app.control,
		stats,
		requestLog,
		resetStats,
		revokeAllTokens: () => tokens.revokeAll(),
		setTokenLifetime,
		unlock: () => app.unlock?.(),
		config: () => ({
			vendor,
			tls: resolved.tls,
			tokenLifetimeSeconds: tokens.lifetimeSeconds,
			...(vendor === 'utmstack'
				? { utmstackLoginStyle: resolved.utmstackLoginStyle, utmstackLockAfter: resolved.utmstackLockAfter, utmstackLockSeconds: resolved.utmstackLockSeconds }
				: {}),
		}),
		configure(patch) {
			for (const [key, value] of Object.entries(patch)) {
				if (key === 'tokenLifetimeSeconds') {
					if (!validLifetime(value)) return 'tokenLifetimeSeconds must be a positive number';
				} else if (key === 'utmstackLoginStyle') {
					if (value !== 'current' && value !== 'legacy') return "utmstackLoginStyle must be 'current' or 'legacy'";
				} else if (key === 'utmstackLockAfter') {
					if (!Number.isInteger(value) || (value as number) < 1) return 'utmstackLockAfter must be a positive integer';
				} else if (key === 'utmstackLockSeconds') {
					if (typeof value !== 'number' || !(value >= 0)) return 'utmstackLockSeconds must be a number of seconds';
				} else {
					return `unknown setting ${key}`;
				}
			}
			if (patch.tokenLifetimeSeconds !== undefined) setTokenLifetime(patch.tokenLifetimeSeconds as number);
			if (patch.utmstackLoginStyle !== undefined) resolved.utmstackLoginStyle = patch.utmstackLoginStyle as 'current' | 'legacy';
			if (patch.utmstackLockAfter !== undefined) resolved.utmstackLockAfter = patch.utmstackLockAfter as number;
			if (patch.utmstackLockSeconds !== undefined) resolved.utmstackLockSeconds = patch.utmstackLockSeconds as number;
			return undefined;
		},
	};

	const certificate = resolved.tls ? await selfSignedCertificate() : undefined;
	const server = await listen(requestHandler({ vendor, app, stats, requestLog, options: resolved, control, faults, churn, quirks, log: options.log }), {
		port: resolved.port,
		tls: certificate,
	});

	return {
		vendor,
		url: server.url,
		stats,
		requestLog,
		certificate: certificate?.cert,
		get tokenLifetimeSeconds() {
			return tokens.lifetimeSeconds;
		},
		setTokenLifetime,
		revokeAllTokens: () => tokens.revokeAll(),
		resetStats,
		issuedTokens: () => [...tokens.issued],
		control<T>(path: string, body?: unknown, method: 'GET' | 'POST' = 'POST'): T {
			const reply = controlReply(method, path, body, control);
			const answer = 'body' in reply ? reply.body : undefined;
			if (reply.status >= 400) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(answer)}`);
			return answer as T;
		},
		close: () => server.close(),
	};
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
export async function startAllSimulators(options: StartAllOptions = {}): Promise<Record<SimulatorVendor, RunningSimulator>> {
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

export async function stopAllSimulators(simulators: Partial<Record<SimulatorVendor, RunningSimulator>>): Promise<void> {
	await Promise.all(Object.values(simulators).map(async (simulator) => await simulator?.close()));
}
