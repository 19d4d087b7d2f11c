import type { ServerResponse } from 'node:http';

import { json, text, type SimReply, type SimRequest } from './server';

/**
 * Failures on purpose, for fault-injection tests. A plan lets `after` matching requests through, then
 * spoils the next `requests` ones; `path` (a prefix) limits it to some endpoints, so a login can pass.
 *
 *   status     the HTTP status given (a 500 is the vendor's own internal-error answer)
 *   html       500 with an HTML page, as a proxy in front of the platform sends it
 *   malformed  200 application/json whose body breaks off mid-way
 *   empty      200 application/json with no body at all
 *   slow       the normal answer, after `delayMs`
 *   rateLimit  429 with Retry-After: `retryAfterSeconds` (after `delayMs`, when set: a refusal slower than a success)
 *   maintenance 503 with an HTML maintenance page and Retry-After: `retryAfterSeconds`, as a proxy or load balancer
 *              in front of the platform answers during maintenance (however long it asks for)
 *   reset      headers and the start of a body, then the connection is cut
 *   revoke     a backend restart just before this request: every token dies, so it is answered 401
 */
export const FAULT_MODES = [
	'status',
	'html',
	'malformed',
	'empty',
	'slow',
	'rateLimit',
	'maintenance',
	'reset',
	'revoke',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultPlan {
	mode: FaultMode;
	after: number;
	remaining: number;
	status: number;
	delayMs: number;
	retryAfterSeconds: number;
	path: string;
}

export const NO_FAULTS: FaultPlan = {
	mode: 'status',
	after: 0,
	remaining: 0,
	status: 500,
	delayMs: 0,
	retryAfterSeconds: 1,
	path: '',
};

/** Reads a plan from a control request body; an error text for the first bad field. */
export function parseFaultPlan(body: unknown): FaultPlan | string {
	const raw = (body ?? {}) as Record<string, unknown>;
	const plan: FaultPlan = {
		mode: (raw.mode ?? 'status') as FaultMode,
		after: (raw.after ?? 0) as number,
		remaining: (raw.requests ?? 1) as number,
		status: (raw.status ?? 500) as number,
		delayMs: (raw.delayMs ?? 0) as number,
		retryAfterSeconds: (raw.retryAfterSeconds ?? 1) as number,
		path: String(raw.path ?? ''),
	};
	if (!FAULT_MODES.includes(plan.mode)) return `mode must be one of ${FAULT_MODES.join(', ')}`;
	for (const field of ['after', 'remaining', 'delayMs', 'retryAfterSeconds'] as const) {
		if (!Number.isInteger(plan[field]) || plan[field] < 0)
			return `${field === 'remaining' ? 'requests' : field} must be a non-negative integer`;
	}
	if (!Number.isInteger(plan.status) || plan.status < 400 || plan.status > 599)
		return 'status must be an HTTP error status';
	return plan;
}

/** Whether this request is one to spoil (and counts it). */
export function takeFault(plan: FaultPlan, path: string): boolean {
	if (plan.remaining === 0 || !path.startsWith(plan.path)) return false;
	if (plan.after > 0) {
		plan.after--;
		return false;
	}
	plan.remaining--;
	return true;
}

/** What a spoiled request gets: a reply, or 'handled' when the fault wrote to the socket itself. */
export async function faultAnswer(
	plan: FaultPlan,
	request: SimRequest,
	response: ServerResponse,
	vendor: { internalError: () => SimReply; revokeTokens: () => void },
	normal: () => Promise<SimReply>,
): Promise<SimReply | 'handled'> {
	switch (plan.mode) {
		case 'status':
			return plan.status === 500
				? vendor.internalError()
				: json(plan.status, { error: `Simulated failure (HTTP ${plan.status})` });
		case 'html':
			return text(
				500,
				'<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>',
				{},
				'text/html',
			);
		case 'malformed':
			return text(200, '{"data": {"cases": [{"_id": "6f1c', {}, 'application/json');
		case 'empty':
			return text(200, '', {}, 'application/json');
		case 'slow':
			await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
			return await normal();
		case 'rateLimit':
			if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
			return json(
				429,
				{ error: 'Too Many Requests' },
				{ 'Retry-After': String(plan.retryAfterSeconds) },
			);
		case 'maintenance':
			return text(
				503,
				'<html><head><title>503 Service Unavailable</title></head><body><h1>Down for maintenance</h1><p>We will be back soon.</p></body></html>',
				{ 'Retry-After': String(plan.retryAfterSeconds) },
				'text/html',
			);
		case 'revoke':
			vendor.revokeTokens();
			return await normal();
		case 'reset':
			response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
			response.write(`[{"path": "${request.path}", "partial": `);
			response.socket?.destroy();
			return 'handled';
	}
}
