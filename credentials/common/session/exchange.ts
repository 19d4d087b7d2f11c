import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IN8nHttpFullResponse } from 'n8n-workflow';

import { retryAfterSeconds } from '../retry-after';
import { redirectTarget } from '../redirect';
import { LoginError } from '../login-error';
import { loginRefusal } from '../refusal';
import { transportFailure } from '../transport-failure';
import { headerText } from '../vendor-text';
import type { LoginAnswer, Session, VendorLogin } from '../vendor-login';

/** The login, second step and refresh requests of a platform: what goes over the wire, no decisions. */

const LOGIN_TIMEOUT_MS = 30_000;

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
 * A new session for a live token, where the platform renews sessions (ECE's /users/auth/_refresh); undefined
 * when the platform refuses or does not answer: the caller logs in then.
 */
export async function refreshedSession(
	helper: IHttpRequestHelper,
	vendor: VendorLogin,
	baseUrl: string,
	token: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<Session | undefined> {
	if (!vendor.refreshRequest) return undefined;
	const exchange = vendor.refreshRequest(token);
	let answer: LoginAnswer;
	try {
		answer = await post(helper, baseUrl + exchange.path, exchange, credentials);
	} catch {
		return undefined;
	}
	if (answer.statusCode < 200 || answer.statusCode >= 300) return undefined;
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

/** A login refusal, with how long the platform asked to wait (Retry-After) when it did. */
export type Refusal = LoginError & { retryAfterMs?: number };

/** The login with the secret (and its second step): a session, or a LoginError that says why not. */
export async function loggedIn(helper: IHttpRequestHelper, vendor: VendorLogin, baseUrl: string, credentials: ICredentialDataDecryptedObject): Promise<Session> {
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
		const refusal: Refusal = loginRefusal(vendor, answer, url, credentials);
		const seconds = retryAfterSeconds(answer.headers, Date.now());
		throw Object.assign(refusal, { retryAfterMs: seconds ? seconds * 1000 : undefined });
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
	const target = redirectTarget(headerText(answer.headers, 'Location'));
	return new LoginError(
		`${vendor.platform} answered the login with a redirect (HTTP ${answer.statusCode}) to ${target}`,
		`n8n does not send a secret to a redirect. If ${vendor.platform} moved, put its new address in the credential's base URL.`,
	);
}
