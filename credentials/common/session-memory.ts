import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { isLegacySeal, sealFor, sealMatches } from './fingerprint';
import { LoginError } from './login-error';

/**
 * What a credential remembers between executions, processes and queue-mode workers: the one state n8n
 * shares between them is the stored credential, so a token and a refusal are saved in it, each with the
 * seal of the settings it belongs to (fingerprint.ts). Edit the URL, user, method or secret and neither applies.
 */

/** A refusal that may pass (HTTP 429, a server failure) holds logins back this long, or as long as Retry-After asks. */
export const TEMPORARY_REFUSAL_HOLD_MS = 60_000;

export interface RefusalRecord {
	for: string;
	at: string;
	message: string;
	description: string;
	/** Set for a refusal that may pass: no login before this time. */
	retryAt?: string;
}

/** True when the stored token was issued for these very settings: any other token is never sent. */
export function tokenFitsCredential(credentials: ICredentialDataDecryptedObject): boolean {
	const token = credentials.sessionToken;
	return typeof token === 'string' && token !== '' && sealMatches(credentials.sessionFor, credentials);
}

/** A live token stored by an earlier version, whose fingerprint is a fast hash of the secret: to be sealed anew. */
export function tokenNeedsSealing(credentials: ICredentialDataDecryptedObject): boolean {
	return isLegacySeal(credentials.sessionFor) && tokenFitsCredential(credentials);
}

/** The refusal record a `sessionRefusal` field holds, if it holds one. */
export function parseRefusal(raw: unknown): RefusalRecord | undefined {
	if (typeof raw !== 'string' || raw === '') return undefined;
	try {
		const record = JSON.parse(raw) as RefusalRecord;
		return typeof record.for === 'string' && typeof record.message === 'string' ? record : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The error of a refusal saved for these very settings, while it holds: a final refusal until the
 * credential changes, a temporary one until its retry time. No login is attempted then.
 */
export function savedRefusal(credentials: ICredentialDataDecryptedObject, nowMs: number): LoginError | undefined {
	const record = parseRefusal(credentials.sessionRefusal);
	if (!record || !sealMatches(record.for, credentials)) return undefined;
	return heldRefusal(record, nowMs);
}

/**
 * A refusal an earlier version saved for these settings, still holding, with a fast hash of the secret as
 * its fingerprint: the same refusal under a seal, for n8n to store in its place (no login is attempted).
 */
export function resealedRefusal(credentials: ICredentialDataDecryptedObject, nowMs: number): IDataObject | undefined {
	const record = parseRefusal(credentials.sessionRefusal);
	if (!record || !isLegacySeal(record.for) || !savedRefusal(credentials, nowMs)) return undefined;
	return { ...sessionCleared(), sessionRefusal: JSON.stringify({ ...record, for: sealFor(credentials) }) };
}

function sessionCleared(): IDataObject {
	return { sessionToken: '', sessionExpiresAt: '', sessionIssuedAt: '', sessionFor: '' };
}

/** A refusal told again while it holds: said to be the earlier one, with no new login attempted. */
export function heldRefusal(record: RefusalRecord, nowMs: number): LoginError | undefined {
	if (record.retryAt !== undefined) {
		const retryAt = Date.parse(record.retryAt);
		if (!(nowMs < retryAt)) return undefined;
		return new LoginError(
			record.message,
			`${record.description} No new login was attempted: n8n waits until ${record.retryAt} (it was refused at ${record.at}).`,
			true,
			true,
		);
	}
	return new LoginError(
		record.message,
		`Refused at ${record.at}; no new login was attempted since, so the account is not locked. Edit the credential (the secret, user or URL) to try again. ${record.description}`,
		true,
	);
}

/** Until when a refusal holds logins back: for good (Infinity) unless it may pass. */
export function refusalHoldsUntil(error: LoginError, now: Date, retryAfterMs?: number): number {
	return error.temporary ? now.getTime() + Math.max(TEMPORARY_REFUSAL_HOLD_MS, retryAfterMs ?? 0) : Infinity;
}

/** A refusal as it is remembered: what was refused, when, and until when it holds. */
export function refusalRecord(error: LoginError, credentials: ICredentialDataDecryptedObject, now: Date, until: number): RefusalRecord {
	const record: RefusalRecord = { for: sealFor(credentials), at: now.toISOString(), message: error.message, description: error.description };
	if (Number.isFinite(until)) record.retryAt = new Date(until).toISOString();
	return record;
}

/** The credential fields that save a refusal (and drop any token), for n8n to store. */
export function refusalFields(error: LoginError, credentials: ICredentialDataDecryptedObject, now: Date, until: number): IDataObject {
	const record = refusalRecord(error, credentials, now, until);
	return { ...sessionCleared(), sessionRefusal: JSON.stringify(record) };
}
