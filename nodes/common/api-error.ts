import type { ICredentialDataDecryptedObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { LoginError } from '../../credentials/common/login-error';
import { scrubSecrets } from '../../credentials/common/secrets';
import { storedRefusalError } from '../../credentials/common/session/decide';
import { decodeSession } from '../../credentials/common/session/state';
import { failureChain, innermostMessage, isTimeout } from './http-failure';
import { REQUEST_TIMEOUT_MS } from './request-limits';
import type { ApiRequest, VendorApi } from './vendor-api';

const WHAT_TO_DO: Record<string, string> = {
	'400': 'Check the node parameters: the platform could not accept the request.',
	'403':
		'The credential works, but its user may not do this. Ask the administrator for the permission.',
	'404': 'Check the ID or name in the node parameters: the platform found nothing under it.',
	'409': 'The platform refused because of a conflict with the current state of the record.',
	'429':
		'The platform is limiting requests. Wait, or set the node to retry on fail with a wait between tries.',
	'5': 'The platform failed to process the request. Try again later; if it persists, ask its administrator.',
};

function adviceFor(httpCode: string): string {
	return (
		WHAT_TO_DO[httpCode] ??
		WHAT_TO_DO[httpCode.charAt(0)] ??
		'Check the node parameters and the credential.'
	);
}

/**
 * The LoginError a failed login threw, wherever n8n wrapped it (under `cause` in 2.x, `errorResponse` in 1.x). Matched by name: n8n loads credential
 * classes in their own context, so `instanceof` across the credential and the node does not hold.
 */
function loginErrorIn(error: unknown): Pick<LoginError, 'message' | 'description'> | undefined {
	const login = failureChain(error).find(
		(failure) =>
			failure instanceof LoginError ||
			(failure.name === 'LoginError' && typeof failure.description === 'string'),
	);
	return login
		? { message: String(login.message), description: String(login.description) }
		: undefined;
}

/**
 * A refused login n8n reported without the original error: n8n 1.x copies its message and description
 * onto its own error and keeps no link (seen when the node runs as an agent's tool). The refusal the
 * login saved in the credential says it was one.
 */
function refusalSavedFor(
	error: unknown,
	credentials: ICredentialDataDecryptedObject,
): Pick<LoginError, 'message' | 'description'> | undefined {
	const saved = storedRefusalError(decodeSession(credentials), Date.now());
	if (!saved) return undefined;
	const outer = error as { message?: unknown; description?: unknown } | undefined;
	if (outer?.message === saved.message && typeof outer.description === 'string')
		return { message: saved.message, description: outer.description };
	return { message: saved.message, description: saved.description };
}

/** The HTTP answer a platform gave to a failed request. */
export interface FailedAnswer {
	status: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/**
 * The error for a request that got no usable answer: a refused login, a timeout, or no connection.
 * Built from a plain object so that neither the request (its headers hold the token) nor any secret
 * reaches the execution data.
 */
export function requestFailedError(
	node: INode,
	error: unknown,
	api: VendorApi,
	credentials: ICredentialDataDecryptedObject,
	itemIndex: number,
	timedOut = false,
): NodeApiError {
	const login = loginErrorIn(error) ?? refusalSavedFor(error, credentials);
	if (login) {
		return new NodeApiError(
			node,
			{ message: login.message, description: login.description } as JsonObject,
			{
				message: login.message,
				description: login.description,
				itemIndex,
			},
		);
	}
	if (timedOut || isTimeout(error)) {
		const message = `${api.platform} did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`;
		const description =
			'The platform may be overloaded, or the request asks for too much at once. Try again later, or narrow the request (a shorter time range, a Limit).';
		return new NodeApiError(node, { message, description } as JsonObject, {
			message,
			description,
			itemIndex,
		});
	}
	const text = scrubSecrets(innermostMessage(error) ?? 'No answer', credentials, api.properties);
	const message = `Could not reach ${api.platform}: ${text}`;
	const description = 'Check the base URL in the credential and that n8n can reach it.';
	return new NodeApiError(node, { message, description } as JsonObject, {
		message,
		description,
		itemIndex,
	});
}

/** Where the answer came from, for the description: "(HTTP 400 to POST /api/utm-incidents)", with the platform's code when it has one. */
function answeredTo(
	answer: FailedAnswer,
	api: VendorApi,
	credentials: ICredentialDataDecryptedObject,
	request: Pick<ApiRequest, 'method' | 'path'>,
): string {
	const code = api.errorCode?.({ body: answer.body, headers: answer.headers });
	const to = request.path
		? ` to ${request.method} ${scrubSecrets(request.path, credentials, api.properties)}`
		: '';
	return `(HTTP ${answer.status}${to}${code ? `, ${api.platform} code ${code}` : ''})`;
}

/** The error for an answer with an error status: the platform's own text, and what to do about it. */
export function answerError(
	node: INode,
	answer: FailedAnswer,
	api: VendorApi,
	credentials: ICredentialDataDecryptedObject,
	itemIndex: number,
	request: Pick<ApiRequest, 'method' | 'path' | 'about' | 'forbidden' | 'gone'> = {
		method: 'GET',
		path: '',
	},
): NodeApiError {
	const { about, forbidden, gone } = request;
	const httpCode = String(answer.status);
	const vendorText = api.errorText({ body: answer.body, headers: answer.headers });
	const said = vendorText ? scrubSecrets(vendorText, credentials, api.properties) : undefined;
	if (answer.status === 401) {
		const { message, description } = api.rejectedCredential;
		const full = said ? `${description} ${api.platform} said: "${said}".` : description;
		return new NodeApiError(node, { message, description: full, httpCode } as JsonObject, {
			message,
			description: full,
			httpCode,
			itemIndex,
		});
	}
	if ((answer.status === 404 || api.isNotFound?.(answer) === true) && about) {
		const message = `${api.platform} has no ${about}`;
		const description = `${said ? `${api.platform} said: "${said}". ` : ''}Check the ID in the node parameters.`;
		return new NodeApiError(node, { message, description, httpCode } as JsonObject, {
			message,
			description,
			httpCode,
			itemIndex,
		});
	}
	if (answer.status === 404 && gone) {
		const message = `${api.platform} does not serve ${request.method} ${request.path}`;
		return new NodeApiError(node, { message, description: gone, httpCode } as JsonObject, {
			message,
			description: gone,
			httpCode,
			itemIndex,
		});
	}
	const message = said ?? `${api.platform} answered HTTP ${httpCode}`;
	const advice = answer.status === 403 && forbidden ? forbidden : adviceFor(httpCode);
	const description = `${advice} ${answeredTo(answer, api, credentials, request)}`;
	return new NodeApiError(node, { message, description, httpCode } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
}
