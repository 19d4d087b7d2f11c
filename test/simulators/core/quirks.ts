import { json, type SimReply } from './server';

/**
 * What an older release of a platform, or a proxy in front of it, does to a paged read: the storm tests
 * use it to prove that no read outlives its work.
 *
 *   POST /__sim/quirks {path, dropQuery?: ['FROM~created_at'], dropBody?: ['cursor'], repeatFirstAnswer?: true}
 *   POST /__sim/quirks {}                                   back to normal
 *
 * - dropQuery: these query parameters never reach the platform (a proxy that rewrites `~`, a release that
 *   does not know a bound or ignores skip/page/offset), so each page is answered as if they were not sent.
 * - dropBody: the same for fields of a JSON body (a search cursor).
 * - dropFilters: entries of a JSON list body whose `field` is one of these (UTMStack's search filters, e.g.
 *   the @timestamp bound of a walk).
 * - repeatFirstAnswer: every request under `path` after the first successful one gets that first answer
 *   again (a page, a scroll or a cursor that never moves).
 * - answerWith: every request under `path` is answered 200 with this JSON instead (another release's
 *   shape, or a proxy's), for the tests of strict reading.
 */
export interface QuirkPlan {
	path: string;
	dropQuery: string[];
	dropBody: string[];
	dropFilters: string[];
	repeatFirstAnswer: boolean;
	answerWith?: unknown;
	first?: SimReply;
}

export const NO_QUIRKS: QuirkPlan = {
	path: '',
	dropQuery: [],
	dropBody: [],
	dropFilters: [],
	repeatFirstAnswer: false,
};

export function parseQuirkPlan(body: unknown): QuirkPlan | string {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return 'expected a JSON object';
	const plan = body as Record<string, unknown>;
	if (Object.keys(plan).length === 0) return { ...NO_QUIRKS };
	if (typeof plan.path !== 'string' || !plan.path.startsWith('/')) return 'path must start with /';
	const names = (value: unknown) =>
		Array.isArray(value) && value.every((name) => typeof name === 'string')
			? (value as string[])
			: undefined;
	const dropQuery = plan.dropQuery === undefined ? [] : names(plan.dropQuery);
	const dropBody = plan.dropBody === undefined ? [] : names(plan.dropBody);
	const dropFilters = plan.dropFilters === undefined ? [] : names(plan.dropFilters);
	if (!dropQuery || !dropBody || !dropFilters)
		return 'dropQuery, dropBody and dropFilters must be lists of names';
	return {
		path: plan.path,
		dropQuery,
		dropBody,
		dropFilters,
		repeatFirstAnswer: plan.repeatFirstAnswer === true,
		...('answerWith' in plan ? { answerWith: plan.answerWith } : {}),
	};
}

function applies(plan: QuirkPlan, path: string): boolean {
	return plan.path !== '' && path.startsWith(plan.path);
}

/** Removes what the quirk keeps from the platform, in place. */
export function rewriteRequest(
	plan: QuirkPlan,
	path: string,
	query: URLSearchParams,
	body: unknown,
): void {
	if (!applies(plan, path)) return;
	for (const name of plan.dropQuery) query.delete(name);
	if (Array.isArray(body) && plan.dropFilters.length > 0) {
		const kept = body.filter(
			(entry) =>
				!plan.dropFilters.includes(String((entry as Record<string, unknown> | null)?.field)),
		);
		body.splice(0, body.length, ...kept);
	}
	if (typeof body === 'object' && body !== null && !Array.isArray(body))
		for (const name of plan.dropBody) delete (body as Record<string, unknown>)[name];
}

/** The answer to give again instead of a new one, if the quirk repeats answers. */
export function repeatedAnswer(plan: QuirkPlan, path: string): SimReply | undefined {
	if (!applies(plan, path)) return undefined;
	if ('answerWith' in plan && plan.answerWith !== undefined) return json(200, plan.answerWith);
	return plan.repeatFirstAnswer ? plan.first : undefined;
}

export function noteAnswer(plan: QuirkPlan, path: string, reply: SimReply): void {
	if (
		applies(plan, path) &&
		plan.repeatFirstAnswer &&
		plan.first === undefined &&
		reply.status === 200
	)
		plan.first = reply;
}
