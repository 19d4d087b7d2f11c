/**
 * The session fields every login credential stores beside the token. n8n saves whatever
 * `preAuthentication` returns, so they survive across executions and queue-mode workers.
 */
export interface StoredSession {
	sessionToken: string;
	sessionExpiresAt: string;
	sessionIssuedAt: string;
}

export const NO_SESSION: StoredSession = { sessionToken: '', sessionExpiresAt: '', sessionIssuedAt: '' };

/** Renew this long before expiry, and never later than a tenth of the token's lifetime before it. */
export const RENEWAL_MARGIN_MS = 60_000;
const RENEWAL_SHARE_OF_LIFETIME = 0.1;

export function storedSession(token: string, issuedAt: Date, expiresAt: Date | undefined): StoredSession {
	return {
		sessionToken: token,
		sessionIssuedAt: issuedAt.toISOString(),
		sessionExpiresAt: expiresAt ? expiresAt.toISOString() : '',
	};
}

/**
 * True when a stored token is known to be expired or about to expire, so a request should log in
 * first instead of spending a call on a dead token. Unknown expiry means no: n8n's 401 refresh covers it.
 */
export function sessionIsStale(
	credentials: { sessionToken?: unknown; sessionExpiresAt?: unknown; sessionIssuedAt?: unknown },
	nowMs: number,
): boolean {
	if (typeof credentials.sessionToken !== 'string' || credentials.sessionToken === '') return false;
	const expiresAt = Date.parse(String(credentials.sessionExpiresAt ?? ''));
	if (Number.isNaN(expiresAt)) return false;
	const issuedAt = Date.parse(String(credentials.sessionIssuedAt ?? ''));
	const lifetime = Number.isNaN(issuedAt) ? Infinity : expiresAt - issuedAt;
	const margin = Math.min(RENEWAL_MARGIN_MS, lifetime * RENEWAL_SHARE_OF_LIFETIME);
	return nowMs >= expiresAt - margin;
}
