/**
 * Data that changes while a client pages: after each answered request under `path` (2xx), the simulator
 * runs one of its own control routes (a case created, a deployment modified), `times` times at most.
 * This is what a busy platform does between two page reads of the same listing.
 *
 *   POST /__sim/churn {path, route: 'POST /__sim/cases', body?, times?: 1, after?: 0}
 *   POST /__sim/churn {path, route, bodies: [b1, b2, ...], after?: 0}: the n-th change runs with the n-th body
 *   (times defaults to the number of bodies), e.g. each page read is followed by closing what it held.
 */
export interface ChurnPlan {
	path: string;
	route: string;
	body: unknown;
	/** One body per change, in order, instead of `body` each time. */
	bodies?: unknown[];
	taken: number;
	remaining: number;
	after: number;
}

export const NO_CHURN: ChurnPlan = {
	path: '',
	route: '',
	body: undefined,
	taken: 0,
	remaining: 0,
	after: 0,
};

export function parseChurnPlan(body: unknown): ChurnPlan | string {
	const raw = (body ?? {}) as Record<string, unknown>;
	if (raw.bodies !== undefined && (!Array.isArray(raw.bodies) || raw.body !== undefined))
		return 'bodies must be a list, and comes instead of body';
	const bodies = raw.bodies as unknown[] | undefined;
	const plan: ChurnPlan = {
		path: String(raw.path ?? ''),
		route: String(raw.route ?? ''),
		body: raw.body,
		bodies,
		taken: 0,
		remaining: (raw.times ?? bodies?.length ?? 1) as number,
		after: (raw.after ?? 0) as number,
	};
	if (plan.path === '') return 'path is required';
	if (bodies && plan.remaining > bodies.length) return 'times must not exceed the number of bodies';
	if (!/^(GET|POST) \/__sim\//.test(plan.route))
		return "route must be a control route such as 'POST /__sim/cases'";
	for (const field of ['remaining', 'after'] as const) {
		if (!Number.isInteger(plan[field]) || plan[field] < 0)
			return `${field === 'remaining' ? 'times' : field} must be a non-negative integer`;
	}
	return plan;
}

/** The body of the change that follows this answered request (and counts it), or undefined when none does. */
export function takeChurn(
	plan: ChurnPlan,
	path: string,
	status: number,
): { body: unknown } | undefined {
	if (plan.remaining === 0 || !path.startsWith(plan.path) || status < 200 || status >= 300)
		return undefined;
	if (plan.after > 0) {
		plan.after--;
		return undefined;
	}
	plan.remaining--;
	const body = plan.bodies ? plan.bodies[plan.taken] : plan.body;
	plan.taken++;
	return { body };
}
