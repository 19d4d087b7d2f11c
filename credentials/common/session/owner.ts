import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { baseUrlProblem, parseBaseUrl } from '../base-url';
import { LoginError, UNTIL_A_PERSON_ACTS } from '../login-error';
import type { VendorLogin } from '../vendor-login';
import { boundedHold, holdLogins, releaseLogins, sayLoginFailure } from './bounded-holds';
import { isStale, preAuthStep, REFUSED_MARK, replacedToken, storedRefusalError } from './decide';
import { loggedIn, refreshedSession, type ReceivedSession } from './exchange';
import { settingsKey } from './seal';
import {
	decodeSession,
	refusalFields,
	RENEWAL_FIELD,
	sessionFields,
	type RefusalRecord,
	type Renewal,
	type SessionState,
} from './state';

/**
 * The one owner of a session, from login to refusal. Each hook decodes the stored credential once
 * (state.ts), asks decide.ts what to do, and encodes what n8n stores once:
 *
 * - authenticate (`sessionHeaders`): the token's header if it was issued for these settings; a stored refusal
 *   fails the request before it is sent. Nothing else, no side effect.
 * - preAuthentication (`startSession`): refuse while a hold is on, store a refusal or an old token sealed anew,
 *   or get a session (refresh or log in) once at a time per settings. What it returns, n8n stores.
 * - a node's request asks `RequestSession` (request-session.ts) for its auth and tells it how the platform answered.
 *
 * Process memory holds the single flight (the login under way for each settings, and its outcome for requests
 * that read the credential before n8n stored it) and the bounded holds (bounded-holds.ts).
 */

const loginsUnderWay = new Map<string, Promise<IDataObject>>();

interface Outcome {
	fields: IDataObject;
	/** When a node request saw n8n store it; a read after that finds it in the credential itself. */
	storedAt?: number;
}

/**
 * The last outcome for this stored credential and these settings, for a node request whose copy of the
 * credential may predate it (n8n stores what preAuthentication returns after it returns, so a read in between
 * still finds the old data). The credential test and the HTTP Request node name no credential here.
 */
const outcomes = new Map<string, Outcome>();

const outcomeKey = (key: string, credential: string | undefined) =>
	credential ? `${credential}:${key}` : undefined;

function outcomeFor(
	key: string,
	renewal: Renewal | undefined,
	nowMs: number,
): IDataObject | undefined {
	const keyed = outcomeKey(key, renewal?.credential);
	const outcome = keyed ? outcomes.get(keyed) : undefined;
	if (
		!outcome ||
		(outcome.storedAt !== undefined && !((renewal?.readAt ?? Infinity) < outcome.storedAt))
	)
		return undefined;
	const { fields } = outcome;
	if (fields.sessionRefusal) return fields;
	const session = {
		token: String(fields.sessionToken),
		receivedAtMs: Date.parse(String(fields.sessionIssuedAt)),
		expiresAtMs: Date.parse(String(fields.sessionExpiresAt)) || undefined,
	};
	return fields.sessionToken !== renewal?.replaces && !isStale(session, nowMs) ? fields : undefined;
}

/** A node request saw n8n store the outcome of its renewal (its request came back): reads from now on find it there. */
export function outcomeStored(
	credentials: ICredentialDataDecryptedObject,
	credential: string | undefined,
	nowMs: number,
): void {
	const keyed = outcomeKey(settingsKey(credentials), credential);
	const outcome = keyed ? outcomes.get(keyed) : undefined;
	if (outcome && outcome.storedAt === undefined) outcome.storedAt = nowMs;
}

function refusalRecord(error: LoginError, seal: string, nowMs: number): RefusalRecord {
	return {
		for: seal,
		at: new Date(nowMs).toISOString(),
		message: error.message,
		description: error.description,
	};
}

/** The fields of a stored refusal: marked, so only a person's Test runs the hook over it again (decide.ts). */
function storedRefusal(record: RefusalRecord): IDataObject {
	return { ...refusalFields(record), sessionToken: REFUSED_MARK };
}

function received(session: ReceivedSession, seal: string): IDataObject {
	return sessionFields(session.token, session.receivedAtMs, session.expiresAtMs, seal);
}

/**
 * A new session: a refresh of the live token being replaced (ECE), else a login. A refusal of the secret comes
 * back as fields to store (every process then holds it); an answer that proves nothing about the secret holds
 * this process's logins for a bounded time and fails this request, storing nothing.
 */
async function newSession(
	helper: IHttpRequestHelper,
	vendor: VendorLogin,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
	state: SessionState,
): Promise<IDataObject> {
	const live = replacedToken(state, Date.now());
	const refreshed = live
		? await refreshedSession(helper, vendor, baseUrl, live, credentials)
		: undefined;
	if (refreshed) return received(refreshed, state.seal);
	return await loggedIn(helper, vendor, baseUrl, credentials).then(
		(session) => {
			releaseLogins(state.key);
			return received(session, state.seal);
		},
		(error: unknown) => {
			if (!(error instanceof LoginError) || error.hold === undefined) throw error;
			const now = Date.now();
			if (error.hold === UNTIL_A_PERSON_ACTS)
				return storedRefusal(refusalRecord(error, state.seal, now));
			holdLogins(state.key, error, now, error.hold.forMs);
			throw sayLoginFailure(state.key, error);
		},
	);
}

/** A live token an earlier version sealed: the same session under a seal. */
function resealedToken(state: SessionState): IDataObject {
	const { receivedAtMs, expiresAtMs } = state;
	return {
		...sessionFields(
			state.renewal?.replaces ?? '',
			receivedAtMs ?? Date.now(),
			expiresAtMs,
			state.seal,
		),
		...(receivedAtMs === undefined ? { sessionIssuedAt: '' } : {}),
	};
}

/** The `preAuthentication` of every credential. Static-key methods return nothing, so n8n stores nothing. */
export async function startSession(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	vendor: VendorLogin,
): Promise<IDataObject> {
	const baseUrl = parseBaseUrl(credentials.baseUrl);
	if (!baseUrl) {
		const problem = baseUrlProblem(vendor.platform, credentials.baseUrl, vendor.exampleUrl);
		throw new LoginError(problem.message, problem.description);
	}
	if (!vendor.logsIn(credentials)) return {};
	// n8n 1.x stores the data it ran preAuthentication with, the node's renewal note included: it is cleared here.
	return { ...(await sessionOutcome(this, credentials, vendor, baseUrl)), [RENEWAL_FIELD]: '' };
}

async function sessionOutcome(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	vendor: VendorLogin,
	baseUrl: string,
): Promise<IDataObject> {
	const now = Date.now();
	const state = decodeSession(credentials);
	const { key } = state;
	const step = preAuthStep(state, now, boundedHold(key));
	if (step.kind === 'refuse') throw sayLoginFailure(key, step.error);
	if (step.kind === 'store refusal') return storedRefusal({ ...step.record, for: state.seal });
	if (step.kind === 'reseal token') return resealedToken(state);

	loginTriedWith.add(credentials);
	// A person's Test is their own attempt: it neither joins nor is answered by another request's login.
	const known = step.deliberate ? undefined : outcomeFor(key, state.renewal, now);
	if (known) return known;
	const flight = step.deliberate ? `${key}:test` : key;
	let login = loginsUnderWay.get(flight);
	if (!login) {
		login = newSession(helper, vendor, baseUrl, credentials, state).finally(() =>
			loginsUnderWay.delete(flight),
		);
		loginsUnderWay.set(flight, login);
	}
	const fields = await login;
	const keyed = outcomeKey(key, state.renewal?.credential);
	if (keyed && outcomes.get(keyed)?.fields !== fields) outcomes.set(keyed, { fields });
	return fields;
}

/**
 * n8n's credential test sends its request through n8n's routing (the credential's `test.request`: `baseURL` and a
 * path); no node of this package, nor the HTTP Request node, sends `baseURL`.
 */
function isCredentialTest(request: IHttpRequestOptions): boolean {
	return typeof request.baseURL === 'string' && request.baseURL !== '';
}

/** The credentials objects a login was tried with (n8n hands `authenticate` the same object next): a test's one attempt. */
const loginTriedWith = new WeakSet<object>();

/**
 * The session part of every credential's `authenticate`: the token's header when the token was issued for
 * these very settings, none otherwise (a token never goes to another URL or user; the 401 that follows makes
 * n8n log in afresh). A stored refusal fails the request before it is sent, with two exceptions for a person's
 * Test in the editor: n8n (1.123.81, 2.41.1, measured) may run no hook over a stored token for a test, so the
 * test request goes without auth, the platform's 401 makes n8n run preAuthentication, and that run is the person's
 * deliberate attempt (decide.ts); the refusal that attempt brought is then told in the platform's words.
 */
export function sessionHeaders(
	credentials: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
	header: (token: string) => IDataObject,
): IDataObject {
	const now = Date.now();
	const state = decodeSession(credentials);
	const refused = storedRefusalError(state, now);
	if (refused && state.refusal) {
		if (state.token === REFUSED_MARK && isCredentialTest(request)) {
			if (!loginTriedWith.has(credentials)) return {};
			throw new LoginError(state.refusal.message, state.refusal.description, UNTIL_A_PERSON_ACTS);
		}
		// n8n's legacy request helper (the HTTP Request node's) runs preAuthentication again on this very object after
		// any error: the note says a request was refused here, so that run is not taken for a person's Test.
		credentials[RENEWAL_FIELD] = JSON.stringify({ replaces: state.token, refused: true });
		throw refused;
	}
	return state.sealFits && state.token !== '' && state.token !== REFUSED_MARK
		? header(state.token)
		: {};
}
