/**
 * Seconds to wait from a Retry-After header (seconds or an HTTP date); undefined when absent or unreadable.
 * Read the same way for a refused login and for a rate-limited node request.
 */
export function retryAfterSeconds(headers: Record<string, unknown> | undefined, nowMs: number): number | undefined {
	const raw = headers?.['retry-after'];
	const value = String(Array.isArray(raw) ? raw[0] : (raw ?? '')).trim();
	if (value === '') return undefined;
	if (/^\d+$/.test(value)) return Number(value);
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
