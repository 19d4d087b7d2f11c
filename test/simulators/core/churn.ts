/**
 * Data that changes while a client pages: after each answered request under `path` (2xx), the simulator
 * runs one of its own control routes (a case created, a deployment modified), `times` times at most.
 * This is what a busy platform does between two page reads of the same listing.
 *
 *   POST /__sim/churn {path, route: 'POST /__sim/cases', body?, times?: 1, after?: 0}
 */
export interface ChurnPlan {
	path: string;
	route: string;
	body: unknown;
	remaining: number;
	after: number;
}

export const NO_CHURN: ChurnPlan = { path: '', route: '', body: undefined, remaining: 0, after: 0 };

export function parseChurnPlan(body: unknown): ChurnPlan | string {
	const raw = (body ?? {}) as Record<string, unknown>;
	const plan: ChurnPlan = {
		path: String(raw.path ?? ''),
		route: String(raw.route ?? ''),
		body: raw.body,
		remaining: (raw.times ?? 1) as number,
		after: (raw.after ?? 0) as number,
	};
	if (plan.path === '') return 'path is required';
	if (!/^(GET|POST) \/__sim\//.test(plan.route)) return "route must be a control route such as 'POST /__sim/cases'";
	for (const field of ['remaining', 'after'] as const) {
		if (!Number.isInteger(plan[field]) || plan[field] < 0) return `${field === 'remaining' ? 'times' : field} must be a non-negative integer`;
	}
	return plan;
}

/** Whether this answered request is followed by a change (and counts it). */
export function takeChurn(plan: ChurnPlan, path: string, status: number): boolean {
	if (plan.remaining === 0 || !path.startsWith(plan.path) || status < 200 || status >= 300) return false;
	if (plan.after > 0) {
		plan.after--;
		return false;
	}
	plan.remaining--;
	return true;
}
