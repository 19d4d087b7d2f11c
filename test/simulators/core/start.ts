import { requestHandler, type VendorFactory } from './app';
import { controlReply, type ControlTarget } from './control';
import { NO_CHURN, type ChurnPlan } from './churn';
import { NO_FAULTS, type FaultPlan } from './faults';
import { NO_QUIRKS, type QuirkPlan } from './quirks';
import { listen } from './server';
import { clearStats, createStats, loginRecorder } from './stats';
import { selfSignedCertificate } from './tls';
import { TokenStore, type TokenStoreOptions } from './tokens';
import {
	DEFAULT_TOKEN_LIFETIME,
	resolveOptions,
	type RecordedRequest,
	type RunningSimulator,
	type SimulatorOptions,
	type SimulatorVendor,
} from '../options';

function validLifetime(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** What it takes to serve one platform: its routes and the kind of token it issues. */
export interface SimulatedPlatform {
	vendor: SimulatorVendor;
	simulator: VendorFactory;
	tokenFormat: TokenStoreOptions['format'];
}

/**
 * Starts one platform's simulator on 127.0.0.1. It reads no registry, so a package of one platform
 * (scripts/packages) runs it with that platform's routes alone.
 */
export async function startPlatformSimulator(
	platform: SimulatedPlatform,
	options: SimulatorOptions = {},
): Promise<RunningSimulator> {
	const { vendor, simulator: factory } = platform;
	if (options.tokenLifetimeSeconds !== undefined && !validLifetime(options.tokenLifetimeSeconds)) {
		throw new Error('tokenLifetimeSeconds must be a positive number');
	}
	const resolved = resolveOptions(options);
	let lifetimeIsExplicit = options.tokenLifetimeSeconds !== undefined;
	const tokens = new TokenStore(
		{
			format: platform.tokenFormat,
			lifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME[vendor],
		},
		() => Date.now() + resolved.clockOffsetMs,
	);
	const stats = createStats();
	const requestLog: RecordedRequest[] = [];
	const app = factory({
		options: resolved,
		tokens,
		logins: loginRecorder(stats),
		lifetimeIsExplicit: () => lifetimeIsExplicit,
	});

	const setTokenLifetime = (seconds: number) => {
		if (!validLifetime(seconds))
			throw new Error('The token lifetime must be a positive number of seconds');
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
			clockOffsetMs: resolved.clockOffsetMs,
			...(vendor === 'utmstack'
				? {
						utmstackLoginStyle: resolved.utmstackLoginStyle,
						utmstackLockAfter: resolved.utmstackLockAfter,
						utmstackLockSeconds: resolved.utmstackLockSeconds,
					}
				: {}),
		}),
		configure(patch) {
			for (const [key, value] of Object.entries(patch)) {
				if (key === 'tokenLifetimeSeconds') {
					if (!validLifetime(value)) return 'tokenLifetimeSeconds must be a positive number';
				} else if (key === 'utmstackLoginStyle') {
					if (value !== 'current' && value !== 'legacy')
						return "utmstackLoginStyle must be 'current' or 'legacy'";
				} else if (key === 'utmstackLockAfter') {
					if (!Number.isInteger(value) || (value as number) < 1)
						return 'utmstackLockAfter must be a positive integer';
				} else if (key === 'clockOffsetMs') {
					if (typeof value !== 'number' || !Number.isFinite(value))
						return 'clockOffsetMs must be a number of milliseconds';
				} else if (key === 'utmstackLockSeconds') {
					if (typeof value !== 'number' || !(value >= 0))
						return 'utmstackLockSeconds must be a number of seconds';
				} else {
					return `unknown setting ${key}`;
				}
			}
			if (patch.tokenLifetimeSeconds !== undefined)
				setTokenLifetime(patch.tokenLifetimeSeconds as number);
			if (patch.utmstackLoginStyle !== undefined)
				resolved.utmstackLoginStyle = patch.utmstackLoginStyle as 'current' | 'legacy';
			if (patch.utmstackLockAfter !== undefined)
				resolved.utmstackLockAfter = patch.utmstackLockAfter as number;
			if (patch.utmstackLockSeconds !== undefined)
				resolved.utmstackLockSeconds = patch.utmstackLockSeconds as number;
			if (patch.clockOffsetMs !== undefined) resolved.clockOffsetMs = patch.clockOffsetMs as number;
			return undefined;
		},
	};

	const certificate = resolved.tls ? await selfSignedCertificate() : undefined;
	const server = await listen(
		requestHandler({
			vendor,
			app,
			stats,
			requestLog,
			options: resolved,
			control,
			faults,
			churn,
			quirks,
			log: options.log,
			onAnswer: options.onAnswer,
		}),
		{
			port: resolved.port,
			tls: certificate,
		},
	);

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
			if (reply.status >= 400)
				throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(answer)}`);
			return answer as T;
		},
		close: () => server.close(),
	};
}
