import { empty, json, type SimReply } from './server';
import { parseChurnPlan, type ChurnPlan } from './churn';
import { parseFaultPlan, type FaultPlan } from './faults';
import { parseQuirkPlan, type QuirkPlan } from './quirks';
import { snapshotStats, type SimulatorStats } from './stats';

/** What the /__sim control endpoints act on. */
export interface ControlTarget {
	vendor: string;
	stats: SimulatorStats;
	requestLog: unknown[];
	resetStats(): void;
	revokeAllTokens(): void;
	setTokenLifetime(seconds: number): void;
	/** The current settings, tokenLifetimeSeconds included. */
	config(): Record<string, unknown>;
	/** Applies the known keys of a patch; returns an error text for the first bad one. */
	configure(patch: Record<string, unknown>): string | undefined;
	unlock(): void;
	/** Replaces the fault plan (see faults.ts). */
	setFaults(plan: FaultPlan): void;
	/** Replaces the data-change plan (see churn.ts). */
	setChurn(plan: ChurnPlan): void;
	/** Replaces the paging quirks (see quirks.ts). */
	setQuirks(plan: QuirkPlan): void;
	/** The vendor's own control routes. */
	vendorControl?(route: string, body: unknown): SimReply | undefined;
}

/**
 * The control endpoints, for a test runner in another process (a real n8n, the sandbox). They are not
 * counted in the stats and need no authentication (the simulators listen on 127.0.0.1 only).
 *
 *   GET  /__sim/stats          the counters
 *   POST /__sim/reset-stats    clear the counters and the request log
 *   POST /__sim/revoke-tokens  a backend restart: every issued token dies
 *   GET  /__sim/config         the current settings
 *   POST /__sim/config         {tokenLifetimeSeconds?, clockOffsetMs?, utmstackLoginStyle?, utmstackLockAfter?, utmstackLockSeconds?}
 *   GET  /__sim/requests       the request log (method, path, route, query, body, auth scheme, status)
 *   POST /__sim/unlock         end every UTMStack address block (no-op elsewhere)
 *   POST /__sim/faults         {mode?: 'status', requests?: 1, after?: 0, path?, status?: 500, delayMs?, retryAfterSeconds?}:
 *                              after `after` good requests (under `path`), the next ones are spoiled (see faults.ts)
 *   POST /__sim/quirks         {path, dropQuery?, dropBody?, repeatFirstAnswer?}: a release or proxy that ignores paging (quirks.ts)
 *   POST /__sim/churn          {path, route, body?, times?: 1, after?: 0}: after answered requests under `path`, a vendor
 *                              control route runs, so records arrive or change between two page reads (see churn.ts)
 *   plus each vendor's own routes for records created or changed while running (see the vendor file)
 */
export function controlReply(
	method: string,
	path: string,
	body: unknown,
	target: ControlTarget,
): SimReply {
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	switch (route) {
		case 'GET /__sim/stats':
			return json(200, { vendor: target.vendor, ...snapshotStats(target.stats) });
		case 'POST /__sim/reset-stats':
			target.resetStats();
			return empty(204);
		case 'POST /__sim/revoke-tokens':
			target.revokeAllTokens();
			return empty(204);
		case 'GET /__sim/config':
			return json(200, target.config());
		case 'POST /__sim/config': {
			if (typeof body !== 'object' || body === null || Array.isArray(body))
				return json(400, { error: 'expected a JSON object' });
			const problem = target.configure(body as Record<string, unknown>);
			if (problem) return json(400, { error: problem });
			return json(200, target.config());
		}
		case 'GET /__sim/requests':
			return json(200, target.requestLog);
		case 'POST /__sim/unlock':
			target.unlock();
			return empty(204);
		case 'POST /__sim/faults': {
			const plan = parseFaultPlan(body);
			if (typeof plan === 'string') return json(400, { error: plan });
			target.setFaults(plan);
			return empty(204);
		}
		case 'POST /__sim/quirks': {
			const plan = parseQuirkPlan(body);
			if (typeof plan === 'string') return json(400, { error: plan });
			target.setQuirks(plan);
			return empty(204);
		}
		case 'POST /__sim/churn': {
			const plan = parseChurnPlan(body);
			if (typeof plan === 'string') return json(400, { error: plan });
			target.setChurn(plan);
			return empty(204);
		}
		default:
			return (
				target.vendorControl?.(route, body) ??
				json(404, { error: `unknown control endpoint ${route}` })
			);
	}
}
