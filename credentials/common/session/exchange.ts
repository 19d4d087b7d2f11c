import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { redirectTarget } from '../redirect';
import { LoginError } from '../login-error';
import { isTimeoutFailure, transportFailure } from '../transport-failure';
import { headerText } from '../vendor-text';
import type { LoginAnswer, VendorLogin } from '../vendor-login';
import { expiryOnN8nClock } from './clock';
import { loginRefusal, waitHold } from './login-answers';

/** The login, second step and refresh requests of a platform: what goes over the wire, no decisions. */

const LOGIN_TIMEOUT_MS = 30_000;

interface Exchange {
	method?: 'GET' | 'POST';
	path: string;
	body?: IDataObject | string;
	headers?: IDataObject;
}

async function post(
	helper: IHttpRequestHelper,
	url: string,
	exchange: Exchange,
	credentials: ICredentialDataDecryptedObject,
): Promise<LoginAnswer> {
	const response = (await helper.helpers.httpRequest({
		method: exchange.method ?? 'POST',
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
	return {
		statusCode: response.statusCode,
		body: response.body,
		headers: response.headers as Record<string, unknown>,
	};
}

/** A token as n8n received it: its times on n8n's clock (clock.ts). */
export interface ReceivedSession {
	token: string;
	receivedAtMs: number;
	expiresAtMs?: number;
}

/** The session a 2xx answer carries, timed on n8n's clock; undefined when it carries no token. */
function receivedFrom(
	vendor: VendorLogin,
	answer: LoginAnswer,
	credentials: ICredentialDataDecryptedObject,
): ReceivedSession | undefined {
	const receivedAtMs = Date.now();
	const session = vendor.readSession(answer, credentials);
	if (typeof session.token !== 'string' || session.token === '') return undefined;
	return {
		token: session.token,
		receivedAtMs,
		expiresAtMs: expiryOnN8nClock(session.token, session.expiresAt, answer.headers, receivedAtMs),
	};
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
): Promise<ReceivedSession | undefined> {
	if (!vendor.refreshRequest) return undefined;
	const exchange = vendor.refreshRequest(token);
	let answer: LoginAnswer;
	try {
		answer = await post(helper, baseUrl + exchange.path, exchange, credentials);
	} catch {
		return undefined;
	}
	if (answer.statusCode < 200 || answer.statusCode >= 300) return undefined;
	return receivedFrom(vendor, answer, credentials);
}

async function takeSecondStep(
	helper: IHttpRequestHelper,
	vendor: VendorLogin,
	baseUrl: string,
	step: Exchange,
	credentials: ICredentialDataDecryptedObject,
): Promise<LoginAnswer> {
	const url = baseUrl + step.path;
	let answer: LoginAnswer;
	try {
		answer = await post(helper, url, step, credentials);
	} catch (error) {
		throw noAnswer(vendor, url, error);
	}
	if (answer.statusCode >= 300 && answer.statusCode < 400) throw redirectedLogin(vendor, answer);
	if (answer.statusCode < 200 || answer.statusCode >= 300) {
		// A refused code proves the second factor wrong; a server failure on the way proves nothing.
		const refusal =
			answer.statusCode < 500 && answer.statusCode !== 429 && vendor.secondStepRefused
				? vendor.secondStepRefused(answer)
				: loginRefusal(vendor, answer, url, credentials, Date.now());
		throw withoutCode(refusal, typeof step.body === 'string' ? step.body : '');
	}
	return answer;
}

/** The error without the code that was sent, should the platform's text echo it. */
function withoutCode(error: LoginError, code: string): LoginError {
	if (code.trim().length < 4) return error;
	const hide = (text: string) => text.split(code.trim()).join('***');
	return new LoginError(hide(error.message), hide(error.description), error.hold);
}

/**
 * No answer. A timeout proves nothing about the secret, which may have arrived: a bounded hold. A connection
 * refused, a name not found or a TLS failure delivered nothing: no hold, the next request tries again.
 */
function noAnswer(vendor: VendorLogin, url: string, error: unknown): LoginError {
	const failure = transportFailure(vendor.platform, url, error);
	const failed = error as
		| { code?: unknown; message?: unknown; cause?: { code?: unknown } }
		| undefined;
	const timedOut = isTimeoutFailure({
		code: failed?.code ?? failed?.cause?.code,
		message: failed?.message,
	});
	return timedOut
		? new LoginError(failure.message, failure.description, waitHold(undefined, Date.now()))
		: failure;
}

/** The login with the secret (and its second step): a session, or a LoginError that says why not and how long it holds. */
export async function loggedIn(
	helper: IHttpRequestHelper,
	vendor: VendorLogin,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<ReceivedSession> {
	const { method, path, body, headers } = vendor.loginRequest(credentials);
	const url = baseUrl + path;
	let answer: LoginAnswer | undefined;
	let failure: unknown;
	try {
		answer = await post(helper, url, { method, path, body, headers }, credentials);
	} catch (error) {
		failure = error;
	}
	if (!answer) throw noAnswer(vendor, url, failure);
	if (answer.statusCode >= 300 && answer.statusCode < 400) throw redirectedLogin(vendor, answer);
	if (answer.statusCode < 200 || answer.statusCode >= 300)
		throw loginRefusal(vendor, answer, url, credentials, Date.now());
	const step = vendor.secondStep?.(answer, credentials, Date.now());
	if (step) answer = await takeSecondStep(helper, vendor, baseUrl, step, credentials);

	const session = receivedFrom(vendor, answer, credentials);
	if (!session) {
		// A 2xx without a token: a proxy or portal page, not the platform's refusal.
		throw new LoginError(
			`${vendor.platform} answered the login without a token`,
			`Check that the base URL is the address of ${vendor.platform} itself, for example ${vendor.exampleUrl}`,
			waitHold(answer, Date.now()),
		);
	}
	return session;
}

function redirectedLogin(vendor: VendorLogin, answer: LoginAnswer): LoginError {
	const target = redirectTarget(headerText(answer.headers, 'Location'));
	return new LoginError(
		`${vendor.platform} answered the login with a redirect (HTTP ${answer.statusCode}) to ${target}`,
		`n8n does not send a secret to a redirect. If ${vendor.platform} moved, put its new address in the credential's base URL.`,
		waitHold(answer, Date.now()),
	);
}
