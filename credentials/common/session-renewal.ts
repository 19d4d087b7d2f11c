import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { settingsKey } from './fingerprint';
import { tokenFitsCredential, tokenNeedsSealing } from './session-memory';
import { sessionIsStale } from './session-state';

/**
 * The decisions a node's requests make about the stored session, kept beside the token lifecycle so one
 * place owns a token: renew before use, adopt a token another n8n instance saved, keep what a renewal brought.
 */

const SESSION_FIELDS = ['sessionToken', 'sessionExpiresAt', 'sessionIssuedAt', 'sessionFor', 'sessionRefusal'] as const;

export function hasSessionToken(credentials: ICredentialDataDecryptedObject): boolean {
	return typeof credentials.sessionToken === 'string' && credentials.sessionToken !== '';
}

/**
 * A token issued for other settings, or about to expire, is not sent: the request logs in first. A token
 * stored under an earlier version's fingerprint goes through n8n's preAuthentication too, to be sealed.
 */
export function sessionNeedsRenewal(credentials: ICredentialDataDecryptedObject, nowMs: number): boolean {
	return hasSessionToken(credentials) && (!tokenFitsCredential(credentials) || sessionIsStale(credentials, nowMs) || tokenNeedsSealing(credentials));
}

/**
 * Takes the session of the credential as stored now, when another n8n instance (a queue-mode worker, another
 * execution) saved a different token that fits and is fresh: that saves a login. True when taken.
 */
export function adoptStoredSession(credentials: ICredentialDataDecryptedObject, stored: ICredentialDataDecryptedObject, nowMs: number): boolean {
	const usable = hasSessionToken(stored) && stored.sessionToken !== credentials.sessionToken && tokenFitsCredential(stored) && !sessionIsStale(stored, nowMs);
	if (usable) for (const field of SESSION_FIELDS) credentials[field] = stored[field] ?? '';
	return usable;
}

/**
 * A token n8n got on a renewal becomes the run's token, and a refusal it saved the run's refusal (so the
 * next items fail without a login); a login that failed otherwise leaves the old data alone.
 */
export function keepRenewedSession(credentials: ICredentialDataDecryptedObject, renewed: ICredentialDataDecryptedObject | undefined): void {
	if (!renewed) return;
	const gotRefusal = typeof renewed.sessionRefusal === 'string' && renewed.sessionRefusal !== credentials.sessionRefusal;
	if (hasSessionToken(renewed) || gotRefusal) Object.assign(credentials, renewed);
}

/**
 * The last session each credential got in this n8n instance. An execution that read the credential before
 * another one's login was saved (it holds no token, or an older one) takes it instead of logging in
 * again: in a queue-mode worker, executions that start together make one login, not one each. Keyed by
 * the credential's id and the fingerprint of its settings, so an edited credential logs in afresh.
 */
const latestSessions = new Map<string, Partial<ICredentialDataDecryptedObject>>();

const sessionKey = (credentialId: string, credentials: ICredentialDataDecryptedObject) => `${credentialId}:${settingsKey(credentials)}`;

export function rememberSession(credentialId: string, credentials: ICredentialDataDecryptedObject): void {
	if (credentialId === '' || !tokenFitsCredential(credentials)) return;
	latestSessions.set(sessionKey(credentialId, credentials), Object.fromEntries(SESSION_FIELDS.map((field) => [field, credentials[field]])));
}

/** Takes the session this n8n instance got for the credential since the one the run holds, if still fresh. True when taken. */
export function takeLatestSession(credentialId: string, credentials: ICredentialDataDecryptedObject, nowMs: number): boolean {
	const latest = credentialId === '' ? undefined : latestSessions.get(sessionKey(credentialId, credentials));
	if (!latest || sessionIsStale(latest, nowMs)) return false;
	const held = Date.parse(String(credentials.sessionIssuedAt ?? ''));
	if (!Number.isNaN(held) && Date.parse(String(latest.sessionIssuedAt)) <= held) return false;
	Object.assign(credentials, latest);
	return true;
}

const sessionsUnderWay = new Map<string, Promise<void>>();

/**
 * One request at a time per credential of this n8n instance may make n8n log in. A request that would log in
 * while another one does waits for it and takes the session it got (true); otherwise it goes ahead and
 * calls `done` once its answer is in, when the new session is remembered.
 */
export async function awaitSessionUnderWay(credentialId: string, credentials: ICredentialDataDecryptedObject): Promise<{ took: boolean; done: () => void }> {
	const key = sessionKey(credentialId, credentials);
	for (let pending = sessionsUnderWay.get(key); pending; pending = sessionsUnderWay.get(key)) {
		await pending;
		if (takeLatestSession(credentialId, credentials, Date.now())) return { took: true, done: () => undefined };
	}
	let release = () => undefined as void;
	const mine = new Promise<void>((resolve) => (release = resolve));
	sessionsUnderWay.set(key, mine);
	return {
		took: false,
		done: () => {
			if (sessionsUnderWay.get(key) === mine) sessionsUnderWay.delete(key);
			release();
		},
	};
}
