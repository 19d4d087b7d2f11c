import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { baseUrlProblem, parseBaseUrl } from '../base-url';
import { isLegacySeal, sealFor, settingsKey } from '../fingerprint';
import { LoginError } from '../login-error';
import { refusalFields, refusalHoldsUntil, resealedRefusal, savedRefusal, tokenFitsCredential } from '../session-memory';
import { sessionIsStale, storedSession } from '../session-state';
import type { VendorLogin } from '../vendor-login';
import { loggedIn, refreshedSession, type Refusal } from './exchange';

/**
 * The one owner of a session, from login to refusal. The state is the credential n8n stores: the token, its
 * times, the seal of the settings it was issued for, a refusal (session-memory.ts). Every decision is read
 * from it, so a restart, `n8n execute` or another queue-mode worker decides as this process would:
 *
 * - authenticate (`sessionHeaders`): the token's header if it was issued for these settings; a refusal that
 *   holds fails the request before it is sent. Nothing else, no side effect.
 * - preAuthentication (`startSession`): adopt, reseal, refresh or log in, once at a time per settings, or
 *   refuse without trying. What it returns, n8n stores.
 * - a node's request asks `RequestSession` (nodes/common/transport/request-session.ts) for its auth and tells
 *   it how the platform answered.
 *
 * Process memory holds only the single flight: the login under way for each settings, and its outcome for the
 * requests that read the credential before n8n stored that outcome (the same outcome the stored credential
 * then gives every other process).
 */

/**
 * A transient field a node's request puts in the copy it hands n8n for a renewal (never stored: n8n stores its
 * saved data plus what preAuthentication returns): the token being replaced and whether the platform refused it.
 */
export const RENEWAL_FIELD = 'sessionRenewal';

export interface Renewal {
	replaces: string;
	refused: boolean;
	/** The stored credential's id, and when the node read it: a session another request got for it since may be handed over (see outcomeFor). */
	credential?: string;
	readAt?: number;
}

/** A token this close to its end is not offered for a refresh: the exchange could outlast it. */
const REFRESH_MIN_LIFE_MS = 200;

const loginsUnderWay = new Map<string, Promise<IDataObject>>();

/**
 * What the caller of preAuthentication replaces: the node says so in RENEWAL_FIELD; a token n8n leaves in
 * place was refused (n8n runs preAuthentication with it after a 401) or is being tested: never refreshed.
 */
function renewalOf(credentials: ICredentialDataDecryptedObject): Renewal {
	const raw = credentials[RENEWAL_FIELD];
	if (typeof raw === 'string' && raw !== '') {
		try {
			const parsed = JSON.parse(raw) as Partial<Renewal>;
			if (typeof parsed.replaces === 'string') {
				return { replaces: parsed.replaces, refused: parsed.refused === true, credential: typeof parsed.credential === 'string' && parsed.credential !== '' ? parsed.credential : undefined,
					readAt: typeof parsed.readAt === 'number' ? parsed.readAt : undefined,
				};
			}
		} catch {
			// not ours: as if absent
		}
	}
	const token = typeof credentials.sessionToken === 'string' ? credentials.sessionToken : '';
	return { replaces: token, refused: token !== '' };
}

/** The token being replaced, when it was issued for these settings and still lives: what a refresh or a reseal may use. */
function liveReplaced(credentials: ICredentialDataDecryptedObject, renewal: Renewal, nowMs: number): ICredentialDataDecryptedObject | undefined {
	if (renewal.refused || renewal.replaces === '') return undefined;
	const held: ICredentialDataDecryptedObject = { ...credentials, sessionToken: renewal.replaces };
	const expiresAt = Date.parse(String(held.sessionExpiresAt ?? ''));
	if (!tokenFitsCredential(held) || (!Number.isNaN(expiresAt) && expiresAt - nowMs < REFRESH_MIN_LIFE_MS)) return undefined;
	return held;
}

function sessionFields(token: string, at: Date, expiresAt: Date | undefined, credentials: ICredentialDataDecryptedObject): IDataObject {
	return { ...storedSession(token, at, expiresAt), sessionFor: sealFor(credentials), sessionRefusal: '' };
}

async function newSession(helper: IHttpRequestHelper, vendor: VendorLogin, baseUrl: string, credentials: ICredentialDataDecryptedObject, renewal: Renewal): Promise<IDataObject> {
	const at = new Date();
	const live = liveReplaced(credentials, renewal, at.getTime());
	const refreshed = live ? await refreshedSession(helper, vendor, baseUrl, String(live.sessionToken), credentials) : undefined;
	if (refreshed) return sessionFields(refreshed.token, at, refreshed.expiresAt, credentials);
	return await loggedIn(helper, vendor, baseUrl, credentials).then(
		(session) => sessionFields(session.token, at, session.expiresAt, credentials),
		(error: unknown) => {
			// Anything but a refusal (no answer, a bad base URL) is not remembered: it says nothing of the secret.
			if (!(error instanceof LoginError && (error.refusedByPlatform || error.temporary))) throw error;
			return refusalFields(error, credentials, at, refusalHoldsUntil(error, at, (error as Refusal).retryAfterMs));
		},
	);
}

/**
 * The last outcome for this stored credential and these settings, for a node request whose copy of the credential
 * may predate it: one read before n8n confirmed storing it (n8n stores what preAuthentication returns after it
 * returns, so a read in between still finds the old data). It answers while it holds: a refusal, or a session
 * that is fresh and not the very token being replaced. The credential test and the HTTP Request node name no
 * credential: they share a login only while it is under way.
 */
interface Outcome {
	fields: IDataObject;
	/** When a node request saw n8n store it; a read after that finds it in the credential itself. */
	storedAt?: number;
}

const outcomes = new Map<string, Outcome>();

const outcomeKey = (key: string, credential: string | undefined) => (credential ? `${credential}:${key}` : undefined);

function outcomeFor(key: string, credentials: ICredentialDataDecryptedObject, renewal: Renewal, nowMs: number): IDataObject | undefined {
	const keyed = outcomeKey(key, renewal.credential);
	const outcome = keyed ? outcomes.get(keyed) : undefined;
	if (!outcome || (outcome.storedAt !== undefined && !((renewal.readAt ?? Infinity) < outcome.storedAt))) return undefined;
	const { fields } = outcome;
	if (fields.sessionRefusal) return savedRefusal({ ...credentials, sessionRefusal: String(fields.sessionRefusal) }, nowMs) ? fields : undefined;
	return fields.sessionToken !== renewal.replaces && !sessionIsStale(fields, nowMs) ? fields : undefined;
}

/** A node request saw n8n store the outcome of its renewal (its request came back): reads from now on find it there. */
export function outcomeStored(credentials: ICredentialDataDecryptedObject, credential: string | undefined, nowMs: number): void {
	const keyed = outcomeKey(settingsKey(credentials), credential);
	const outcome = keyed ? outcomes.get(keyed) : undefined;
	if (outcome && outcome.storedAt === undefined) outcome.storedAt = nowMs;
}

/**
 * The `preAuthentication` of every credential. Static-key methods return nothing, so n8n stores nothing. A
 * refusal saved for these settings is thrown with no login; one stored under an earlier version's fingerprint,
 * and a live token of that kind, come back sealed, with no login. Otherwise a refresh of the live token being
 * replaced (ECE), or a login, once however many requests ask at the same time. A refused login comes back as a
 * saved refusal: n8n stores it, `authenticate` then fails with it, and no process tries it again.
 */
export async function startSession(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, vendor: VendorLogin): Promise<IDataObject> {
	const baseUrl = parseBaseUrl(credentials.baseUrl);
	if (!baseUrl) {
		const problem = baseUrlProblem(vendor.platform, credentials.baseUrl, vendor.exampleUrl);
		throw new LoginError(problem.message, problem.description);
	}
	if (!vendor.logsIn(credentials)) return {};
	// n8n 1.x stores the data it ran preAuthentication with, the node's renewal note included: it is cleared here.
	return { ...(await sessionOutcome(this, credentials, vendor, baseUrl)), [RENEWAL_FIELD]: '' };
}

async function sessionOutcome(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, vendor: VendorLogin, baseUrl: string): Promise<IDataObject> {
	const now = Date.now();
	const resealed = resealedRefusal(credentials, now);
	if (resealed) return resealed;
	const refused = savedRefusal(credentials, now);
	if (refused) throw refused;

	const renewal = renewalOf(credentials);
	const legacy = isLegacySeal(credentials.sessionFor) ? liveReplaced(credentials, renewal, now) : undefined;
	if (legacy && !sessionIsStale(legacy, now)) {
		return { sessionToken: legacy.sessionToken, sessionExpiresAt: legacy.sessionExpiresAt ?? '', sessionIssuedAt: legacy.sessionIssuedAt ?? '', sessionFor: sealFor(credentials), sessionRefusal: '' };
	}

	const key = settingsKey(credentials);
	const known = outcomeFor(key, credentials, renewal, now);
	if (known) return known;
	let login = loginsUnderWay.get(key);
	if (!login) {
		login = newSession(helper, vendor, baseUrl, credentials, renewal)
			.finally(() => loginsUnderWay.delete(key));
		loginsUnderWay.set(key, login);
	}
	const fields = await login;
	const keyed = outcomeKey(key, renewal.credential);
	if (keyed && outcomes.get(keyed)?.fields !== fields) outcomes.set(keyed, { fields });
	return fields;
}

/**
 * The session part of every credential's `authenticate`: the token's header when the token was issued for
 * these very settings, none otherwise (a token never goes to another URL or user; the 401 that follows makes
 * n8n log in afresh). A refusal saved for these settings fails the request before it is sent.
 */
export function sessionHeaders(credentials: ICredentialDataDecryptedObject, header: (token: string) => IDataObject): IDataObject {
	const refused = savedRefusal(credentials, Date.now());
	if (refused) throw refused;
	return tokenFitsCredential(credentials) ? header(String(credentials.sessionToken)) : {};
}
