import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { baseUrlProblem, parseBaseUrl } from './base-url';
import { LoginError } from './login-error';
import { loginRefusal } from './refusal';
import { storedSession } from './session-state';
import { transportFailure } from './transport-failure';
import type { LoginAnswer, Session, VendorLogin } from './vendor-login';

const LOGIN_TIMEOUT_MS = 30_000;

/**
 * How long a refused login is remembered. Requests that reach `preAuthentication` again with the same
 * credential in that time (n8n's legacy request helper retries the hook on any error, and the HTTP
 * Request node logs in once per item) get the same error without another attempt on the account.
 */
export const REFUSED_LOGIN_HOLD_MS = 60_000;

// Keyed by a hash of the credential itself (URL, method, user and secret), so nothing is shared
// between credentials, and no token is kept beyond the login that is under way.
const loginsUnderWay = new Map<string, Promise<Session>>();
const refusedLogins = new Map<string, { error: LoginError; at: number }>();

function credentialKey(platform: string, credentials: ICredentialDataDecryptedObject): string {
	const identity = Object.keys(credentials)
		.filter((field) => !field.startsWith('session'))
		.sort()
		.map((field) => [field, credentials[field]]);
	return createHash('sha256').update(JSON.stringify([platform, identity])).digest('hex');
}

function recentRefusal(key: string, nowMs: number): LoginError | undefined {
	const refusal = refusedLogins.get(key);
	if (!refusal) return undefined;
	if (nowMs - refusal.at < REFUSED_LOGIN_HOLD_MS) return refusal.error;
	refusedLogins.delete(key);
	return undefined;
}

async function askForSession(
	helper: IHttpRequestHelper,
	vendor: VendorLogin,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<Session> {
	const { path, body, headers } = vendor.loginRequest(credentials);
	const url = baseUrl + path;
	let answer: LoginAnswer | undefined;
	let failure: unknown;
	try {
		const response = (await helper.helpers.httpRequest({
			method: 'POST',
			url,
			body,
			headers,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
			timeout: LOGIN_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
		answer = { statusCode: response.statusCode, body: response.body, headers: response.headers as Record<string, unknown> };
	} catch (error) {
		failure = error;
	}
	if (!answer) throw transportFailure(vendor.platform, url, failure);
	if (answer.statusCode < 200 || answer.statusCode >= 300) throw loginRefusal(vendor, answer, url, credentials);

	const session = vendor.readSession(answer, credentials);
	if (typeof session.token !== 'string' || session.token === '') {
		throw new LoginError(
			`${vendor.platform} answered the login without a token`,
			`Check that the base URL is the address of ${vendor.platform} itself, for example ${vendor.exampleUrl}`,
		);
	}
	return session;
}

/**
 * The `preAuthentication` of every credential: logs in (once, however many requests ask at the same
 * time) and returns the token with its expiry for n8n to store. Static-key methods return nothing,
 * so n8n stores nothing. A refused login throws a LoginError and is not tried again for a while.
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

	const key = credentialKey(vendor.platform, credentials);
	const refused = recentRefusal(key, Date.now());
	if (refused) throw refused;

	let login = loginsUnderWay.get(key);
	if (!login) {
		login = askForSession(this, vendor, baseUrl, credentials)
			.catch((error: unknown) => {
				if (error instanceof LoginError && error.refusedByPlatform) {
					refusedLogins.set(key, { error, at: Date.now() });
				}
				throw error;
			})
			.finally(() => loginsUnderWay.delete(key));
		loginsUnderWay.set(key, login);
	}
	const session = await login;
	return { ...storedSession(session.token, new Date(), session.expiresAt) };
}
