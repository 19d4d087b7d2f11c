import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { RequestContext } from './request';
import type { VendorApi } from './vendor-api';

/** A key that stops working this soon is reported on the node's output, so a scheduled automation does not die in silence. */
export const KEY_EXPIRY_NOTICE_DAYS = 14;
const DAY_MS = 86_400_000;

const expiries = new WeakMap<object, { platform: string; at: Date }>();

/** Keeps, per node run, when the credential's key expires, as the platform's last answer said. */
export function noteKeyExpiry(
	context: RequestContext,
	api: VendorApi,
	headers: Record<string, unknown>,
): void {
	const at = api.keyExpiresAt?.(headers);
	if (at) expiries.set(context, { platform: api.platform, at });
}

/**
 * When the key expires within KEY_EXPIRY_NOTICE_DAYS: every output item gets `apiKeyExpiresAt` (for an IF
 * node or an alert) and the editor's output pane a hint saying what to do.
 */
export function reportExpiringKey(
	context: IExecuteFunctions,
	output: INodeExecutionData[],
	nowMs = Date.now(),
): void {
	const expiry = expiries.get(context);
	if (!expiry || expiry.at.getTime() - nowMs > KEY_EXPIRY_NOTICE_DAYS * DAY_MS) return;
	const expiresAt = expiry.at.toISOString();
	for (const item of output) item.json.apiKeyExpiresAt = expiresAt;
	const days = Math.max(0, Math.ceil((expiry.at.getTime() - nowMs) / DAY_MS));
	// addExecutionHints is missing from older n8n versions' contexts
	context.addExecutionHints?.({
		message: `The ${expiry.platform} API key of this credential expires on ${expiresAt.slice(0, 10)} (in ${days} day${days === 1 ? '' : 's'}). Create a new key and put it in the credential before then.`,
		type: 'warning',
		location: 'outputPane',
	});
}
