import { randomUUID } from 'node:crypto';

import type { EceDeployment, Json, PlanAttempt, PlanState } from './data/elastic-cloud-enterprise';

/**
 * Plans as ECE runs them in the background after a change is accepted (a 202 to _restart, 200 to _shutdown and PUT): a
 * pending attempt whose plan_attempt_log grows step by step and ends with the step `plan-completed`, whose status says how
 * it ended (cloud-sdk-go pkg/plan track_step.go: the last step, "plan-completed", "error"; ece-swagger.json
 * ClusterPlanStepInfo {step_id, started, completed, duration_in_millis, status, stage, info_log}). The simulator counts
 * reads of the deployment instead of time, so a test says how many polls a plan lasts; step names other than
 * plan-completed are unattested.
 */
export interface PlanSettings {
	/** Reads of the deployment a new plan stays pending (at least 1). */
	reads: number;
	outcome: 'success' | 'error';
	/** The step that fails (outcome error), with its message. */
	failingStep: string;
	message: string;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
	reads: 2,
	outcome: 'success',
	failingStep: 'restart-instances',
	message: 'Instance [instance-0000000000] did not come back after the restart',
};

const STEPS = [
	'plan-started',
	'validate-plan-prerequisites',
	'restart-instances',
	'wait-until-running',
];

function step(id: string, status: string, message: string, failure?: string): Json {
	const now = new Date().toISOString();
	return {
		step_id: id,
		started: now,
		completed: now,
		duration_in_millis: 0,
		status,
		stage: 'completed',
		info_log: [
			{
				timestamp: now,
				delta_in_millis: 0,
				stage: 'completed',
				message,
				details: {},
				...(failure ? { failure_type: failure } : {}),
			},
		],
	};
}

const key = (kind: string, refId: string) => `${kind}:${refId}`;

export function pendingPlan(
	d: EceDeployment,
	kind: string,
	refId: string,
): PlanAttempt | undefined {
	return d.plans?.[key(kind, refId)]?.pending;
}

/** A plan starts on a resource: pending, its first step logged. */
export function startPlan(
	d: EceDeployment,
	kind: string,
	refId: string,
	settings: PlanSettings,
): void {
	d.plans ??= {};
	const state: PlanState = (d.plans[key(kind, refId)] ??= { history: [] });
	state.pending = {
		plan_attempt_id: randomUUID(),
		healthy: true,
		attempt_start_time: new Date().toISOString(),
		plan_attempt_log: [step(STEPS[0], 'success', 'Starting plan')],
		warnings: [],
	};
	state.readsLeft = Math.max(1, settings.reads);
	state.outcome = {
		status: settings.outcome,
		failingStep: settings.failingStep,
		message: settings.message,
	};
}

/** A read of the deployment: every pending plan takes a step, and ends when its reads are used up. */
export function advancePlans(d: EceDeployment): void {
	for (const state of Object.values(d.plans ?? {})) {
		const attempt = state.pending;
		if (!attempt) continue;
		state.readsLeft = (state.readsLeft ?? 1) - 1;
		if (state.readsLeft > 0) {
			const next = STEPS[Math.min(attempt.plan_attempt_log.length, STEPS.length - 1)];
			attempt.plan_attempt_log.push(step(next, 'success', `Running ${next}`));
			continue;
		}
		const failed = state.outcome?.status === 'error';
		if (failed) {
			const failing = state.outcome?.failingStep ?? 'restart-instances';
			const message = state.outcome?.message ?? 'Plan failed';
			attempt.plan_attempt_log.push(step(failing, 'error', message, 'InstanceFailure'));
			attempt.plan_attempt_log.push(step('plan-completed', 'error', message, 'InstanceFailure'));
			attempt.healthy = false;
			attempt.error = {
				timestamp: new Date().toISOString(),
				message,
				failure_type: 'InstanceFailure',
			};
		} else {
			attempt.plan_attempt_log.push(step('plan-completed', 'success', 'Plan completed'));
		}
		attempt.attempt_end_time = new Date().toISOString();
		delete state.pending;
		if (failed) state.history.push(attempt);
		else {
			if (state.current) state.history.push(state.current);
			state.current = attempt;
		}
	}
}
