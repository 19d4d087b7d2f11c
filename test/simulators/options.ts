import type { SimulatorStats } from './core/stats';

/** The platforms with a simulator; test/platforms.ts registers each (its order is VENDORS' order). */
export type SimulatorVendor = 'utmstack' | 'stellarcyber' | 'immuta' | 'ece';

export interface SimulatorOptions {
	/** Serve HTTPS with a self-signed certificate for 127.0.0.1/localhost (default false). */
	tls?: boolean;
	/** Port on 127.0.0.1 (default 0: a free one). */
	port?: number;
	/**
	 * Lifetime of issued session tokens. Default: the vendor's own (UTMStack 24 h, Stellar Cyber 600 s,
	 * Immuta 3600 s (inferred), ECE 3600 s (inferred)).
	 */
	tokenLifetimeSeconds?: number;
	/** UTMStack login answer: 'current' {success, token, tfaConfigured, forceTfa, ...} or 'legacy' {id_token, authenticated} (default 'current'). */
	utmstackLoginStyle?: 'current' | 'legacy';
	/**
	 * Failed UTMStack logins from one client address (X-Forwarded-For's first entry, else the socket's) before every
	 * login from it answers 423 (default 10, LoginAttemptService.MAX_ATTEMPT).
	 */
	utmstackLockAfter?: number;
	/**
	 * How long after the last counted failure a UTMStack block ends (default 600 s: LoginAttemptService's cache
	 * expireAfterWrite(10, MINUTES)). POST /__sim/unlock ends all blocks.
	 */
	utmstackLockSeconds?: number;
	/**
	 * How far the platform's clock is off n8n's, in ms (default 0; negative: the platform is slow). Moves what the
	 * platform writes (token iat/exp, expiry fields, the HTTP Date header) and how it judges expiry and blocks.
	 */
	clockOffsetMs?: number;
	/**
	 * UTMStack's release line: 'v10' names its indices alert-… and log-…, 'v11' (the current line, since
	 * 2024-12) v11-alert-… and v11-log-…, system index patterns included (20241227001_updating-system-index-pattern.xml).
	 * Default 'v10', the names most tests use.
	 */
	utmstackRelease?: 'v10' | 'v11';
	/** Stellar Cyber on-premises (default: Basic on every call, the data API for root scope only) or SaaS. */
	stellarEdition?: 'on-premises' | 'saas';
	/** UTMStack seeded alerts in alert-* (default 10000). */
	alertCount?: number;
	/**
	 * UTMStack's OpenSearch index.max_result_window: a search page may not reach past it (default 10,000,
	 * as OpenSearch ships; administrators raise it for deep paging, as the benchmark does).
	 */
	utmstackMaxResultWindow?: number;
	/** UTMStack seeded log documents in log-* (default 2000). */
	logCount?: number;
	/** Stellar Cyber seeded cases (default 300). */
	caseCount?: number;
	/** Immuta seeded data sources (default 250). */
	dataSourceCount?: number;
	/** Immuta global policies (default 15). */
	globalPolicyCount?: number;
	/** ECE seeded deployments (default 120). */
	deploymentCount?: number;
	/** Seed of the data generator (default 1): the same seed and reference time give the same data. */
	seed?: number;
	/** "Now" for the seeded timestamps, epoch ms (default: the simulator's start time). */
	referenceTime?: number;
	/** How many requests `requestLog` keeps (default 2000; oldest dropped first). */
	requestLogLimit?: number;
	/** Called with one line per answered request (the CLI's --verbose). */
	log?: (line: string) => void;
	/** Called in-process with each answered request as recorded (a test moves its fake clock here). */
	onAnswer?: (request: RecordedRequest) => void;
}

/** One request as the simulator received it (no headers: they hold secrets). */
export interface RecordedRequest {
	method: string;
	path: string;
	/** The route pattern, or "(no route)". */
	route: string;
	query: Record<string, string | string[]>;
	/** The parsed JSON body, the raw text when it was not JSON, or undefined. */
	body: unknown;
	/** How the request authenticated: 'Bearer', 'Basic', 'ApiKey', 'Utm-Internal-Key', 'Utm-Api-Key', 'access_token', 'raw-key' or 'none'. */
	auth: string;
	/** Who the platform took the caller for (its token's subject), when it authenticated the request. */
	user?: string;
	/** 0 when the connection was cut before an answer. */
	status: number;
	at: number;
}

export interface RunningSimulator {
	vendor: SimulatorVendor;
	/** e.g. https://127.0.0.1:40123 (no trailing slash). */
	url: string;
	/** Live counters; resetStats() clears them in place. */
	stats: SimulatorStats;
	/** The last requests (see SimulatorOptions.requestLogLimit); cleared by resetStats(). */
	requestLog: RecordedRequest[];
	/** The self-signed certificate (PEM) when tls is on, so a client can trust it explicitly. */
	certificate?: string;
	/** The lifetime tokens issued from now on get. */
	readonly tokenLifetimeSeconds: number;
	setTokenLifetime(seconds: number): void;
	/** A backend restart: every token issued so far stops working. */
	revokeAllTokens(): void;
	resetStats(): void;
	/** Every token issued since start (never reset), for leak searches. */
	issuedTokens(): string[];
	/**
	 * A control endpoint called in-process (POST unless a body-less GET is meant), e.g.
	 * control('/__sim/alerts', {count: 3}); throws on an error status, returns the JSON answer.
	 */
	control<T = unknown>(path: string, body?: unknown, method?: 'GET' | 'POST'): T;
	close(): Promise<void>;
}

export interface ResolvedOptions {
	tls: boolean;
	port: number;
	utmstackLoginStyle: 'current' | 'legacy';
	utmstackLockAfter: number;
	utmstackLockSeconds: number;
	clockOffsetMs: number;
	utmstackRelease: 'v10' | 'v11';
	stellarEdition: 'on-premises' | 'saas';
	alertCount: number;
	utmstackMaxResultWindow: number;
	logCount: number;
	caseCount: number;
	dataSourceCount: number;
	globalPolicyCount: number;
	deploymentCount: number;
	seed: number;
	referenceTime: number;
	requestLogLimit: number;
}

export const DEFAULT_TOKEN_LIFETIME: Record<SimulatorVendor, number> = {
	utmstack: 24 * 3600,
	stellarcyber: 600,
	immuta: 3600,
	ece: 3600,
};

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
	const positive = (value: number | undefined, fallback: number) =>
		value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
	return {
		tls: options.tls === true,
		port: positive(options.port, 0),
		utmstackLoginStyle: options.utmstackLoginStyle === 'legacy' ? 'legacy' : 'current',
		utmstackLockAfter: Math.max(1, positive(options.utmstackLockAfter, 10)),
		utmstackLockSeconds: positive(options.utmstackLockSeconds, 600),
		clockOffsetMs: Number.isFinite(options.clockOffsetMs) ? Number(options.clockOffsetMs) : 0,
		utmstackRelease: options.utmstackRelease === 'v11' ? 'v11' : 'v10',
		stellarEdition: options.stellarEdition === 'saas' ? 'saas' : 'on-premises',
		alertCount: positive(options.alertCount, 10_000),
		utmstackMaxResultWindow: positive(options.utmstackMaxResultWindow, 10_000),
		logCount: positive(options.logCount, 2_000),
		caseCount: positive(options.caseCount, 300),
		dataSourceCount: positive(options.dataSourceCount, 250),
		globalPolicyCount: positive(options.globalPolicyCount, 15),
		deploymentCount: positive(options.deploymentCount, 120),
		seed: options.seed ?? 1,
		referenceTime: options.referenceTime ?? Date.now(),
		requestLogLimit: positive(options.requestLogLimit, 2_000),
	};
}
