import { LoginError, UNTIL_A_PERSON_ACTS } from '../login-error';
import { MAX_WAIT_MS } from '../retry-after';
import type { BoundedHold } from './bounded-holds';
import type { RefusalRecord, SessionState } from './state';

/**
 * The session's decisions, each a pure function of (state, n8n's clock, what this process saw): no I/O, no
 * clock of their own. session-decisions.test.ts has a table row for each.
 */

/** What a stored refused session carries in its token field: not a token (it never fits a seal), a mark that says "refused". */
export const REFUSED_MARK = 'refused';

/** Renew this long before expiry, and never later than a tenth of the token's lifetime before it. */
export const RENEWAL_MARGIN_MS = 60_000;
const RENEWAL_SHARE_OF_LIFETIME = 0.1;

/** True when a token is stored (a refusal's mark is none). */
export function holdsToken(state: Pick<SessionState, 'token'>): boolean {
	return state.token !== '' && state.token !== REFUSED_MARK;
}

/**
 * True when a stored token is known to be expired or about to expire on n8n's clock, so a request should get a
 * new session first instead of spending a call on a dead token. Unknown expiry means no: the platform's 401 says so.
 */
export function isStale(
	state: Pick<SessionState, 'token' | 'receivedAtMs' | 'expiresAtMs'>,
	nowMs: number,
): boolean {
	if (!holdsToken(state) || state.expiresAtMs === undefined) return false;
	const lifetime =
		state.receivedAtMs === undefined ? Infinity : state.expiresAtMs - state.receivedAtMs;
	const margin = Math.min(RENEWAL_MARGIN_MS, lifetime * RENEWAL_SHARE_OF_LIFETIME);
	return nowMs >= state.expiresAtMs - margin;
}

/** True when the stored token may be sent with these settings as it is. */
export function tokenUsable(state: SessionState, nowMs: number): boolean {
	return holdsToken(state) && state.sealFits && !state.sealIsLegacy && !isStale(state, nowMs);
}

/** A refusal written by an earlier version for an answer that may pass: bounded like any other such hold. */
function legacyRetryUntil(record: RefusalRecord): number | undefined {
	if (record.retryAt === undefined) return undefined;
	const at = Date.parse(record.at);
	const retryAt = Date.parse(record.retryAt);
	if (Number.isNaN(retryAt)) return 0;
	return Number.isNaN(at) ? retryAt : Math.min(retryAt, at + MAX_WAIT_MS);
}

/** The error of a hold that is still on, said to be the earlier refusal, with no new login attempted. */
export function heldError(
	record: Pick<RefusalRecord, 'at' | 'message' | 'description'>,
	untilMs: number | undefined,
): LoginError {
	if (untilMs !== undefined) {
		return new LoginError(
			record.message,
			`${record.description} No new login was attempted: n8n tries once more after ${new Date(untilMs).toISOString()} (it was refused at ${record.at}).`,
			{ forMs: 0 },
		);
	}
	return new LoginError(
		record.message,
		`Refused at ${record.at}; no new login was attempted since, so the account is not locked. ${record.description}`,
		UNTIL_A_PERSON_ACTS,
	);
}

/** The stored refusal's error while it holds (for `authenticate` and for a node's view of the credential). */
export function storedRefusalError(state: SessionState, nowMs: number): LoginError | undefined {
	const record = state.refusal;
	if (!record) return undefined;
	const until = legacyRetryUntil(record);
	if (until !== undefined && !(nowMs < until)) return undefined;
	return heldError(record, until);
}

/** A token this close to its end is not offered for a refresh: the exchange could outlast it. */
const REFRESH_MIN_LIFE_MS = 200;

/**
 * The token a node's renewal replaces, when it was issued for these settings, was not refused and still lives:
 * what a refresh (ECE) or a reseal may use. n8n's own calls replace nothing: a token left in place was refused
 * (n8n runs the hook after a 401) or is being tested.
 */
export function replacedToken(state: SessionState, nowMs: number): string | undefined {
	const renewal = state.renewal;
	if (
		!renewal ||
		renewal.refused ||
		renewal.replaces === '' ||
		renewal.replaces === REFUSED_MARK ||
		!state.sealFits
	)
		return undefined;
	if (state.expiresAtMs !== undefined && state.expiresAtMs - nowMs < REFRESH_MIN_LIFE_MS)
		return undefined;
	return renewal.replaces;
}

export type PreAuthStep =
	/** Fail with this error; no login. */
	| { kind: 'refuse'; error: LoginError }
	/** Store the refusal again (sealed anew, marked): `authenticate` then fails with it; no login. */
	| { kind: 'store refusal'; record: RefusalRecord }
	/** A live token an earlier version sealed with a fast hash: store it sealed anew; no login. */
	| { kind: 'reseal token' }
	/** Get a session (refresh or log in); `deliberate` when a person asked for it through the credential's Test. */
	| { kind: 'log in'; deliberate: boolean };

/**
 * What `preAuthentication` does. A stored refusal of the secret holds until a field changes (its seal then no
 * longer matches) or a person asks through the credential's Test: only the Test runs the hook over a stored
 * refusal's mark without a node's renewal note (n8n runs it for an empty token, after a 401, and in a test;
 * `authenticate` fails every request over the mark before it is sent, so no 401 comes). A hold on answers that
 * prove nothing about the secret (`bounded`, this process's) holds until its time.
 */
export function preAuthStep(
	state: SessionState,
	nowMs: number,
	bounded: BoundedHold | undefined,
): PreAuthStep {
	const deliberate = state.renewal === undefined && state.token === REFUSED_MARK;
	if (state.refusal && !deliberate) {
		const error = storedRefusalError(state, nowMs);
		if (error) {
			const marked = state.token === REFUSED_MARK && !state.refusalSealIsLegacy;
			return marked || state.refusal.retryAt !== undefined
				? { kind: 'refuse', error }
				: { kind: 'store refusal', record: state.refusal };
		}
	}
	if (bounded && !deliberate && nowMs < bounded.untilMs)
		return { kind: 'refuse', error: heldError(bounded, bounded.untilMs) };
	const replaced = replacedToken(state, nowMs);
	if (
		replaced &&
		state.sealIsLegacy &&
		!isStale(
			{ token: replaced, receivedAtMs: state.receivedAtMs, expiresAtMs: state.expiresAtMs },
			nowMs,
		)
	)
		return { kind: 'reseal token' };
	return { kind: 'log in', deliberate };
}
