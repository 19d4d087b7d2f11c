/**
 * Seconds to wait from a Retry-After header, read as RFC 9110 10.2.3 writes it: a count of seconds (digits
 * only) or an HTTP date (it starts with the day's name). Anything else (a negative number, "1e3", a bare
 * year that Date.parse would take) is unreadable: undefined. A date in the past is 0. The value is the
 * platform's, so callers bound it (boundedWaitMs) before they plan anything on it.
 */
export function retryAfterSeconds(
	headers: Record<string, unknown> | undefined,
	nowMs: number,
): number | undefined {
	const raw = headers?.['retry-after'];
	const value = String(Array.isArray(raw) ? raw[0] : (raw ?? '')).trim();
	if (value === '') return undefined;
	if (/^\d+$/.test(value)) return Number(value);
	if (!/^[A-Za-z]{3}/.test(value)) return undefined;
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** The longest a platform's Retry-After may hold logins back: a maintenance page asking for a day gets this. */
export const MAX_WAIT_MS = 15 * 60_000;

/** The wait when the platform names none (or one that cannot be read). */
export const DEFAULT_WAIT_MS = 60_000;

/** Retry-After as a wait n8n can plan on: read safely, capped at MAX_WAIT_MS, DEFAULT_WAIT_MS when absent or unreadable. */
export function boundedWaitMs(headers: Record<string, unknown> | undefined, nowMs: number): number {
	const seconds = retryAfterSeconds(headers, nowMs);
	return seconds === undefined ? DEFAULT_WAIT_MS : Math.min(seconds * 1000, MAX_WAIT_MS);
}
