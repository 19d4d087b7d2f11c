/** Counters a simulator keeps about the traffic it answered; tests read them live. */
export interface SimulatorStats {
	/** Login and token-exchange attempts, successful or not. */
	logins: number;
	failedLogins: number;
	/** Every request except the /__sim control endpoints (logins included). */
	requests: number;
	/** Answers with status 401, login refusals included. */
	unauthorized: number;
	/** Requests per route, keyed "METHOD /route/:pattern"; requests that match no route use "METHOD (no route) /raw/path". */
	byEndpoint: Record<string, number>;
	/** Every token a login issued since the last reset, so tests can search their outputs for them. */
	tokensSeen: string[];
}

export function createStats(): SimulatorStats {
	return {
		logins: 0,
		failedLogins: 0,
		requests: 0,
		unauthorized: 0,
		byEndpoint: {},
		tokensSeen: [],
	};
}

/** Clears the counters in place, so references held by tests stay live. */
export function clearStats(stats: SimulatorStats): void {
	stats.logins = 0;
	stats.failedLogins = 0;
	stats.requests = 0;
	stats.unauthorized = 0;
	for (const key of Object.keys(stats.byEndpoint)) delete stats.byEndpoint[key];
	stats.tokensSeen.length = 0;
}

/** A copy safe to serialise (the control endpoint answers with it). */
export function snapshotStats(stats: SimulatorStats): SimulatorStats {
	return { ...stats, byEndpoint: { ...stats.byEndpoint }, tokensSeen: [...stats.tokensSeen] };
}

/** What a vendor's login handler reports. */
export interface LoginRecorder {
	loginSucceeded(token: string): void;
	loginFailed(): void;
}

export function loginRecorder(stats: SimulatorStats): LoginRecorder {
	return {
		loginSucceeded(token) {
			stats.logins++;
			stats.tokensSeen.push(token);
		},
		loginFailed() {
			stats.logins++;
			stats.failedLogins++;
		},
	};
}
