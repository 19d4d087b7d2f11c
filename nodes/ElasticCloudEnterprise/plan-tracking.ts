import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { optionalListAt, recordAt } from '../common/answer-parts';
import { apiRecord } from '../common/request';
import { elasticCloudEnterprise } from './transport';

/**
 * Following the plan ECE starts for a change until it ends, as cloud-sdk-go's plan tracker does (pkg/plan
 * track_change.go, track_step.go; docs/provenance/elastic-cloud-enterprise.md "Plans"): read the deployment with show_plans and show_plan_logs;
 * a resource with a `pending` plan is still running (its last step says where); when none is pending, the attempt's last
 * step `plan-completed` says how it ended (status "error": failed, with the step and message that failed). A plan that ends
 * between two reads is found in `current` or, failed, in `history` (cloud-sdk-go reads the last of `history` when
 * `current` does not have it).
 */

export interface PlanTarget {
	kind: string;
	refId: string;
}

interface Attempt {
	id?: string;
	start?: string;
	end?: string;
	healthy?: boolean;
	log: IDataObject[];
	error?: IDataObject;
}

interface ResourcePlans {
	current?: Attempt;
	pending?: Attempt;
	history: Attempt[];
}

/** What the plan of one resource came to. */
export interface PlanResult extends IDataObject {
	resourceKind: string;
	refId: string;
	outcome: 'done' | 'failed' | 'no plan';
	planAttemptId: string;
	tookSeconds: number | null;
}

/** Before the change: the attempts each resource has now (history included), so the tracker tells the new one from them. */
export type PlansBefore = Map<string, { current?: Attempt; pending?: Attempt; known: Set<string> }>;

const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 15_000;
/** Reads of a resource with no pending plan and no new attempt before its history is read for one. */
const READS_BEFORE_HISTORY = 2;
/**
 * Reads with no plan seen, history included, after which ECE ran none for the resource (a change with nothing to do, such
 * as a new name): cloud-sdk-go ends the same way after its retries (ecctl: 3) find no pending plan.
 */
const READS_WITHOUT_PLAN = 3;

const keyOf = (target: PlanTarget) => `${target.kind}:${target.refId}`;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** "Wait for Completion" and its bound: off in workflows saved before version 3, on in new nodes. */
export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to follow the plan ECE runs for this change until it ends, and return how it ended (done, with the time it took, or failed, with the step that failed)',
		displayOptions: { show: { '@version': [1, 2] } },
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description:
			'Whether to follow the plan ECE runs for this change until it ends, and return how it ended (done, with the time it took, or failed, with the step that failed)',
		displayOptions: { hide: { '@version': [1, 2] } },
	},
	{
		displayName: 'Wait Up To (Minutes)',
		name: 'waitMinutes',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1, maxValue: 240 },
		description:
			'How long to follow the plan. If it is still running then, the node fails with the plan and its step; ECE goes on with it.',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

function attemptOf(value: unknown): Attempt | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const attempt = value as IDataObject;
	return {
		id: text(attempt.plan_attempt_id),
		start: text(attempt.attempt_start_time),
		end: text(attempt.attempt_end_time),
		healthy: typeof attempt.healthy === 'boolean' ? attempt.healthy : undefined,
		log: optionalListAt(attempt, ['plan_attempt_log']),
		error:
			attempt.error && typeof attempt.error === 'object'
				? (attempt.error as IDataObject)
				: undefined,
	};
}

/** The plans of every resource of the deployment, read strictly: each resource must carry its plan_info. */
async function readPlans(
	context: IExecuteFunctions,
	itemIndex: number,
	deploymentId: string,
	withHistory: boolean,
): Promise<Map<string, ResourcePlans>> {
	const deployment = await apiRecord.call(
		context,
		elasticCloudEnterprise,
		{
			method: 'GET',
			path: `/api/v1/deployments/${deploymentId}`,
			qs: {
				show_plans: true,
				show_plan_logs: true,
				...(withHistory ? { show_plan_history: true } : {}),
			},
			about: `deployment ${decodeURIComponent(deploymentId)}`,
		},
		[],
		itemIndex,
	);
	const resources = recordAt(deployment, ['resources']);
	const plans = new Map<string, ResourcePlans>();
	for (const kind of Object.keys(resources)) {
		for (const resource of optionalListAt(resources, [kind])) {
			const refId = text(resource.ref_id);
			if (!refId) continue;
			const info = recordAt(resource, ['info', 'plan_info']);
			plans.set(keyOf({ kind, refId }), {
				current: attemptOf(info.current),
				pending: attemptOf(info.pending),
				history: optionalListAt(info, ['history']).flatMap((entry) => attemptOf(entry) ?? []),
			});
		}
	}
	return plans;
}

/** The resources of the deployment and the attempts they have now (one read, before the change is sent). */
export async function plansBefore(
	context: IExecuteFunctions,
	itemIndex: number,
	deploymentId: string,
): Promise<PlansBefore> {
	const plans = await readPlans(context, itemIndex, deploymentId, true);
	return new Map(
		[...plans].map(([key, { current, pending, history }]) => [
			key,
			{
				current,
				pending,
				known: new Set(
					[current, pending, ...history].flatMap((attempt) => (attempt?.id ? [attempt.id] : [])),
				),
			},
		]),
	);
}

/** The resources a read found, as targets (a shutdown or an update changes every one). */
export const targetsOf = (before: PlansBefore): PlanTarget[] =>
	[...before.keys()].map((key) => {
		const [kind, ...rest] = key.split(':');
		return { kind, refId: rest.join(':') };
	});

const lastStep = (attempt: Attempt) => attempt.log.at(-1);

function ended(
	target: PlanTarget,
	attempt: Attempt,
): PlanResult & { failure?: { step: string; message: string } } {
	const last = lastStep(attempt);
	const failedAtEnd = last?.step_id === 'plan-completed' && last.status === 'error';
	const failed = failedAtEnd || attempt.healthy === false;
	const start = Date.parse(attempt.start ?? '');
	const end = Date.parse(attempt.end ?? '');
	const result: PlanResult & { failure?: { step: string; message: string } } = {
		resourceKind: target.kind,
		refId: target.refId,
		outcome: failed ? 'failed' : 'done',
		planAttemptId: attempt.id ?? '',
		// both times are the platform's own, so its clock being off does not matter
		tookSeconds:
			Number.isNaN(start) || Number.isNaN(end)
				? null
				: Math.max(0, Math.round((end - start) / 1000)),
	};
	if (failed) {
		const failing =
			[...attempt.log]
				.reverse()
				.find((step) => step.status === 'error' && step.step_id !== 'plan-completed') ?? last;
		const infoLog = failing ? optionalListAt(failing, ['info_log']) : [];
		const message =
			text(infoLog.at(-1)?.message) ?? text(attempt.error?.message) ?? 'ECE did not say why';
		result.failure = { step: text(failing?.step_id) ?? 'unknown step', message };
		result.failedStep = result.failure.step;
		result.failureMessage = message;
	}
	return result;
}

/**
 * Reads the deployment until the plan of every target has ended or `boundMs` has passed on n8n's clock, waiting 1 s,
 * then twice as long each time up to 15 s. The reads are bounded even if the clock stands still: at most one per second
 * of the bound, plus history reads.
 */
export async function waitForPlans(
	context: IExecuteFunctions,
	itemIndex: number,
	deploymentId: string,
	targets: PlanTarget[],
	before: PlansBefore,
	boundMs: number,
): Promise<PlanResult[]> {
	const startedAt = Date.now();
	const maxReads = Math.ceil(boundMs / FIRST_WAIT_MS);
	const results = new Map<string, PlanResult & { failure?: { step: string; message: string } }>();
	const ours = new Map<string, string>();
	const unseenReads = new Map<string, number>();
	const running = new Map<string, string>();
	let wait = FIRST_WAIT_MS;
	for (let read = 1; read <= maxReads; read++) {
		await sleep(wait);
		wait = Math.min(wait * 2, LONGEST_WAIT_MS);
		const plans = await readPlans(context, itemIndex, deploymentId, false);
		const lookInHistory: PlanTarget[] = [];
		for (const target of targets) {
			const key = keyOf(target);
			if (results.has(key)) continue;
			const now = plans.get(key);
			if (!now)
				throw new NodeOperationError(
					context.getNode(),
					`Deployment ${decodeURIComponent(deploymentId)} no longer has the ${target.kind} resource ${target.refId}`,
					{ itemIndex },
				);
			const was = before.get(key);
			if (now.pending && now.pending.id !== was?.pending?.id) {
				if (now.pending.id) ours.set(key, now.pending.id);
				running.set(key, text(lastStep(now.pending)?.step_id) ?? 'starting');
				continue;
			}
			if (!now.pending && now.current && now.current.id !== was?.current?.id) {
				results.set(key, ended(target, now.current));
				continue;
			}
			const unseen = (unseenReads.get(key) ?? 0) + 1;
			unseenReads.set(key, unseen);
			if (!now.pending && (ours.has(key) || unseen >= READS_BEFORE_HISTORY))
				lookInHistory.push(target);
		}
		if (lookInHistory.length) {
			const withHistory = await readPlans(context, itemIndex, deploymentId, true);
			for (const target of lookInHistory) {
				const key = keyOf(target);
				const history = withHistory.get(key)?.history ?? [];
				const known = before.get(key)?.known ?? new Set<string>();
				const attempt = ours.has(key)
					? history.find((entry) => entry.id === ours.get(key))
					: history.filter((entry) => entry.id && !known.has(entry.id)).at(-1);
				if (attempt) results.set(key, ended(target, attempt));
				else if (!ours.has(key) && (unseenReads.get(key) ?? 0) >= READS_WITHOUT_PLAN)
					results.set(key, {
						resourceKind: target.kind,
						refId: target.refId,
						outcome: 'no plan',
						planAttemptId: '',
						tookSeconds: null,
					});
			}
		}
		if (results.size === targets.length) break;
		if (Date.now() - startedAt >= boundMs) break;
	}
	if (results.size < targets.length) {
		const left = targets.filter((target) => !results.has(keyOf(target)));
		const named = left
			.map((target) => {
				const key = keyOf(target);
				const plan = ours.get(key);
				const step = running.get(key);
				return `${target.kind} ${target.refId}${plan ? ` (plan attempt ${plan}${step ? `, at step ${step}` : ''})` : ' (no plan seen yet)'}`;
			})
			.join('; ');
		const minutes = Math.round(boundMs / 60_000);
		throw new NodeOperationError(
			context.getNode(),
			`The plan of deployment ${decodeURIComponent(deploymentId)} is still running after ${minutes} minute${minutes === 1 ? '' : 's'}`,
			{
				itemIndex,
				description: `Still running: ${named}. ECE goes on with it; follow it in the Cloud UI (the deployment's Activity page), or raise "Wait Up To (Minutes)".`,
			},
		);
	}
	const all = targets.map(
		(target) =>
			results.get(keyOf(target)) as PlanResult & { failure?: { step: string; message: string } },
	);
	const failed = all.find((result) => result.failure);
	if (failed?.failure) {
		throw new NodeOperationError(
			context.getNode(),
			`The plan for ${failed.resourceKind} ${failed.refId} of deployment ${decodeURIComponent(deploymentId)} failed at step ${failed.failure.step}`,
			{
				itemIndex,
				description: `Elastic Cloud Enterprise said: "${failed.failure.message}" (plan attempt ${failed.planAttemptId}).`,
			},
		);
	}
	// the failure stays inside: a plan that ended well has none
	return all.map((result) => {
		const shown: PlanResult = { ...result };
		delete shown.failure;
		return shown;
	});
}

/** The Wait for Completion parameters of an item. */
export function waitSettings(
	context: IExecuteFunctions,
	itemIndex: number,
): { wait: boolean; boundMs: number } {
	const wait = context.getNodeParameter('waitForCompletion', itemIndex, false) as boolean;
	const minutes = Number(context.getNodeParameter('waitMinutes', itemIndex, 30));
	return {
		wait,
		boundMs: Math.min(Math.max(Number.isFinite(minutes) ? minutes : 30, 1), 240) * 60_000,
	};
}
