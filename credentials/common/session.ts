import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { baseUrlProblem, parseBaseUrl } from './base-url';
import { LoginError } from './login-error';
import { loginRefusal } from './refusal';
import { sealFor, settingsKey } from './fingerprint';
import {
	heldRefusal,
	refusalFields,
	refusalHoldsUntil,
	refusalRecord,
	resealedRefusal,
	savedRefusal,
	tokenFitsCredential,
	tokenNeedsSealing,
	type RefusalRecord,
} from './session-memory';
import { sessionIsStale, storedSession } from './session-state';
import { transportFailure } from './transport-failure';
import { headerText } from './vendor-text';
import type { LoginAnswer, Session, VendorLogin } from './vendor-login';

const LOGIN_TIMEOUT_MS = 30_000;

// Keyed by the settings (URL, method, user and secret; fingerprint.ts), so nothing is shared between
// credentials. The refusals here are this instance's copy of what the credential itself saves (see
// session-memory.ts); the live tokens are the ones n8n already holds for these settings, kept in memory
// only, so a platform that renews sessions (ECE) gets its refresh without the password.
const loginsUnderWay = new Map<string, Promise<Session>>();
const refusedLogins = new Map<string, { error: LoginError; until: number; record: RefusalRecord; reported: boolean }>();
// The token this instance last sent or got for each fingerprint: what a refresh trades in.
const liveTokens = new Map<string, { token: string; expiresAtMs: number }>();
/** A token this close to its end is not offered for a refresh: the exchange could outlast it. */
const REFRESH_MIN_LIFE_MS = 200;

/** The platform refused the token these settings hold: it is not offered for a refresh. */
export function forgetRefusedToken(credentials: ICredentialDataDecryptedObject): void {
	liveTokens.delete(settingsKey(credentials));
}

// Live tokens an earlier version stored under a fast hash of the secret, handed over by a node that
// asks n8n to run preAuthentication so the token is stored again under a seal, with no login.
const tokensToSeal = new Map<string, { sessionToken: string; sessionExpiresAt: string; sessionIssuedAt: string }>();

/**
 * When these credentials hold a live token stored under an earlier version's fingerprint, keeps it for
 * the preAuthentication that follows (which then seals it instead of logging in). True when kept.
 */
export function carryTokenToSeal(credentials: ICredentialDataDecryptedObject): boolean {
	if (!tokenNeedsSealing(credentials) || sessionIsStale(credentials, Date.now())) return false;
	const field = (name: string) => (typeof credentials[name] === 'string' ? (credentials[name] as string) : '');
	tokensToSeal.set(settingsKey(credentials), {
		sessionToken: field('sessionToken'),
		sessionExpiresAt: field('sessionExpiresAt'),
		sessionIssuedAt: field('sessionIssuedAt'),
	});
	return true;
}

function noteLiveToken(key: string, token: string, expiresAt: unknown): void {
	const expiresAtMs = Date.parse(String(expiresAt ?? ''));
	if (!Number.isNaN(expiresAtMs)) liveTokens.set(key, { token, expiresAtMs });
}

/**
 * A refusal of these settings that this n8n instance saw and that still holds, with the platform's own
 * words: as it came the first time it is reported, then saying that no new login was attempted.
 */
export function refusalSeenHere(credentials: ICredentialDataDecryptedObject, nowMs: number): LoginError | undefined {
	const key = settingsKey(credentials);
	const refusal = refusedLogins.get(key);
	if (!refusal) return undefined;
	if (nowMs < refusal.until) {
		if (!refusal.reported) {
			refusal.reported = true;
			return refusal.error;
		}
		return heldRefusal(refusal.record, nowMs) ?? refusal.error;
	}
	refusedLogins.delete(key);
	return undefined;
}

function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const raw = headers?.['retry-after'];
	const seconds = Number(Array.isArray(raw) ? raw[0] : raw);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

interface Exchange {
	path: string;
	body?: IDataObject | string;
	headers?: IDataObject;
}

async function post(helper: IHttpRequestHelper, url: string, exchange: Exchange, credentials: ICredentialDataDecryptedObject): Promise<LoginAnswer> {
	const response = (await helper.helpers.httpRequest({
		method: 'POST',
		url,
		body: exchange.body,
		headers: exchange.headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
		// No secret follows a redirect: a 3xx is reported, not obeyed.
		disableFollowRedirect: true,
		timeout: LOGIN_TIMEOUT_MS,
	})) as IN8nHttpFullResponse;
	return { statusCode: response.statusCode, body: response.body, headers: response.headers as Record<string, unknown> };
}

/**
 * A new session for the token this instance holds for these settings, when the platform renews sessions
 * and the token still lives; undefined (then the login runs) when it cannot or the platform refuses.
 */
async function refreshedSession(helper: IHttpRequestHelper, vendor: VendorLogin, baseUrl: string, credentials: ICredentialDataDecryptedObject): Promise<Session | undefined> {
	const key = settingsKey(credentials);
	const live = liveTokens.get(key);
	if (!vendor.refreshRequest || !live || live.expiresAtMs - Date.now() < REFRESH_MIN_LIFE_MS) return undefined;
	const exchange = vendor.refreshRequest(live.token);
	let answer: LoginAnswer;
	try {
		answer = await post(helper, baseUrl + exchange.path, exchange, credentials);
	} catch {
		return undefined;
	}
	if (answer.statusCode < 200 || answer.statusCode >= 300) {
		liveTokens.delete(key);
		return undefined;
	}
	const session = vendor.readSession(answer, credentials);
	return typeof session.token === 'string' && session.token !== '' ? session : undefined;
}

async function takeSecondStep(helper: IHttpRequestHelper, vendor: VendorLogin, baseUrl: string, step: Exchange, credentials: ICredentialDataDecryptedObject): Promise<LoginAnswer> {
	const url = baseUrl + step.path;
	let answer: LoginAnswer;
	try {
		answer = await post(helper, url, step, credentials);
	} catch (error) {
		throw transportFailure(vendor.platform, url, error);
	}
	if (answer.statusCode >= 300 && answer.statusCode < 400) throw redirectedLogin(vendor, answer);
	if (answer.statusCode < 200 || answer.statusCode >= 300) {
		throw vendor.secondStepRefused?.(answer) ?? loginRefusal(vendor, answer, url, credentials);
	}
	return answer;
}

async function askForSession(
	helper: IHttpRequestHelper,
	vendor: VendorLogin,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<Session> {
	const refreshed = await refreshedSession(helper, vendor, baseUrl, credentials);
	if (refreshed) return refreshed;
	const { path, body, headers } = vendor.loginRequest(credentials);
	const url = baseUrl + path;
	let answer: LoginAnswer | undefined;
	let failure: unknown;
	try {
		answer = await post(helper, url, { path, body, headers }, credentials);
	} catch (error) {
		failure = error;
	}
	if (!answer) throw transportFailure(vendor.platform, url, failure);
	if (answer.statusCode >= 300 && answer.statusCode < 400) throw redirectedLogin(vendor, answer);
	if (answer.statusCode < 200 || answer.statusCode >= 300) {
		const refusal = loginRefusal(vendor, answer, url, credentials);
		throw Object.assign(refusal, { retryAfterMs: retryAfterMs(answer.headers) });
	}
	const step = vendor.secondStep?.(answer, credentials, Date.now());
	if (step) answer = await takeSecondStep(helper, vendor, baseUrl, step, credentials);

	const session = vendor.readSession(answer, credentials);
	if (typeof session.token !== 'string' || session.token === '') {
		throw new LoginError(
			`${vendor.platform} answered the login without a token`,
			`Check that the base URL is the address of ${vendor.platform} itself, for example ${vendor.exampleUrl}`,
		);
	}
	return session;
}

function redirectedLogin(vendor: VendorLogin, answer: LoginAnswer): LoginError {
	const location = headerText(answer.headers, 'Location') ?? '';
	let target = 'another address';
	try {
		target = new URL(location).origin;
	} catch {
		// a relative or missing Location: the same server, another path
	}
	return new LoginError(
		`${vendor.platform} answered the login with a redirect (HTTP ${answer.statusCode})`,
		`n8n does not send a password to a redirect. If ${target} is the address of ${vendor.platform}, put it in the credential's base URL.`,
	);
}

/**
 * The `preAuthentication` of every credential: logs in (once, however many requests ask at the same
 * time) and returns the token, its expiry and the seal of the settings it was issued for, for n8n
 * to store. A token or a refusal stored under an earlier version's fingerprint is returned sealed, with no login. Static-key methods return nothing, so n8n stores nothing. A refused login is returned as a
 * saved refusal (n8n stores it; `authenticate` then fails with it), so no n8n instance tries it again.
 */
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
	// n8n calls this with the token still in place after the platform refused it (a 401) and for the test button:
	// neither renews that token, both log in.
	if (typeof credentials.sessionToken === 'string' && credentials.sessionToken !== '') forgetRefusedToken(credentials);

	const now = Date.now();
	const resealed = resealedRefusal(credentials, now);
	if (resealed) return resealed;
	const refused = refusalSeenHere(credentials, now) ?? savedRefusal(credentials, now);
	if (refused) throw refused;

	const key = settingsKey(credentials);
	const carried = tokensToSeal.get(key);
	tokensToSeal.delete(key);
	if (carried && !sessionIsStale(carried, now)) {
		noteLiveToken(key, carried.sessionToken, carried.sessionExpiresAt);
		return { ...carried, sessionFor: sealFor(credentials), sessionRefusal: '' };
	}
	let login = loginsUnderWay.get(key);
	if (!login) {
		login = askForSession(this, vendor, baseUrl, credentials).finally(() => loginsUnderWay.delete(key));
		loginsUnderWay.set(key, login);
	}
	const outcome = await login.then(
		(session) => ({ session, refused: undefined }),
		(error: unknown) => {
			// Anything but a refusal (no answer, a bad base URL) is not remembered: it says nothing of the secret.
			if (error instanceof LoginError && (error.refusedByPlatform || error.temporary)) return { session: undefined, refused: error };
			throw error;
		},
	);
	const at = new Date();
	if (outcome.refused) {
		const until = refusalHoldsUntil(outcome.refused, at, (outcome.refused as { retryAfterMs?: number }).retryAfterMs);
		refusedLogins.set(key, { error: outcome.refused, until, record: refusalRecord(outcome.refused, credentials, at, until), reported: false });
		return refusalFields(outcome.refused, credentials, at, until);
	}
	refusedLogins.delete(key);
	const stored = storedSession(outcome.session.token, at, outcome.session.expiresAt);
	noteLiveToken(key, stored.sessionToken, stored.sessionExpiresAt);
	return { ...stored, sessionFor: sealFor(credentials), sessionRefusal: '' };
}

/**
 * The session part of every credential's `authenticate`: the token's header when the token was issued for
 * these very settings, none otherwise (a token never goes to another URL or user; the 401 that follows
 * makes n8n log in afresh). A refusal saved for these settings fails the request before it is sent.
 */
export function sessionHeaders(credentials: ICredentialDataDecryptedObject, header: (token: string) => IDataObject): IDataObject {
	const now = Date.now();
	const refused = refusalSeenHere(credentials, now) ?? savedRefusal(credentials, now);
	if (refused) throw refused;
	if (!tokenFitsCredential(credentials)) return {};
	noteLiveToken(settingsKey(credentials), String(credentials.sessionToken), credentials.sessionExpiresAt);
	return header(String(credentials.sessionToken));
}
