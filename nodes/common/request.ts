import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { baseUrlProblem, parseBaseUrl } from '../../credentials/common/base-url';
import { redirectTarget } from '../../credentials/common/redirect';
import { retryAfterSeconds } from '../../credentials/common/retry-after';
import { jsonBody } from './answer-checks';
import {
	listAt,
	recordAt,
	UnexpectedAnswerError,
	unexpectedAnswer,
	type AnswerPath,
} from './answer-parts';
import { answerError, requestFailedError } from './api-error';
import { noteKeyExpiry } from './key-expiry';
import { hasDotSegment } from './path-segment';
import { RequestSession } from '../../credentials/common/session/request-session';
import {
	MAX_RATE_LIMIT_WAIT_SECONDS,
	RATE_LIMIT_RETRIES,
	REQUEST_TIMEOUT_MS,
} from './request-limits';
import type { ApiRequest, VendorApi } from './vendor-api';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * Every node request goes through here: the credential's base URL, the token renewed before it expires
 * (so no call is spent on a token known to be dead), one renewal when the platform refuses a stored
 * token, waits on 429, answers checked for JSON, and errors without secrets.
 */
export async function apiRequestFull(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	itemIndex = 0,
): Promise<IN8nHttpFullResponse> {
	if (hasDotSegment(request.path)) {
		throw new NodeOperationError(
			this.getNode(),
			'An ID in the node parameters is "." or "..", which is not an ID',
			{ itemIndex },
		);
	}
	const session = await RequestSession.open(this, api.credentialType, api.logsIn, itemIndex);
	const { credentials } = session;
	const baseUrl = parseBaseUrl(credentials.baseUrl);
	if (!baseUrl) {
		const problem = baseUrlProblem(api.platform, credentials.baseUrl, api.exampleUrl);
		throw new NodeOperationError(this.getNode(), problem.message, {
			description: problem.description,
			itemIndex,
		});
	}

	// Every status comes back as an answer, on every n8n version: n8n 1.x drops the headers and body of a
	// failed request, so the platform's own error text, Retry-After and 401 are read here instead.
	const options: IHttpRequestOptions = {
		method: request.method,
		url: baseUrl + request.path,
		qs: request.qs,
		body: request.body,
		headers: request.headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
	};

	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		const sentAt = Date.now();
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				api.credentialType,
				options,
				await session.auth(),
			)) as IN8nHttpFullResponse;
		} catch (error) {
			// n8n 1.x keeps no trace of a timeout but its own "connection was aborted" text: the clock tells.
			const timedOut = Date.now() - sentAt >= REQUEST_TIMEOUT_MS;
			throw requestFailedError(
				this.getNode(),
				session.failed(error),
				api,
				credentials,
				itemIndex,
				timedOut,
			);
		}
		if (await session.answered(response.statusCode)) continue;
		const status = response.statusCode;
		const wait = status === 429 ? rateLimitWait(response, attempt) : undefined;
		if (wait !== undefined) {
			await sleep(wait * 1000);
			continue;
		}
		if (status >= 300 && status < 400)
			throw redirectError(this.getNode(), api, response, itemIndex);
		if (status >= 400) {
			throw answerError(
				this.getNode(),
				{ status, body: response.body, headers: response.headers as Record<string, unknown> },
				api,
				credentials,
				itemIndex,
				request,
			);
		}
		noteKeyExpiry(this, api, response.headers as Record<string, unknown>);
		if (request.expectsJson ?? request.method === 'GET')
			response.body = jsonBody(this.getNode(), api.platform, response, itemIndex) as never;
		return response;
	}
}

/** Requests carry secrets, so a redirect is reported with where it points, never followed. */
function redirectError(
	node: INode,
	api: VendorApi,
	response: IN8nHttpFullResponse,
	itemIndex: number,
): NodeOperationError {
	const target = redirectTarget((response.headers as Record<string, unknown>).location);
	return new NodeOperationError(
		node,
		`${api.platform} answered with a redirect (HTTP ${response.statusCode}) to ${target}`,
		{
			itemIndex,
			description: `n8n does not follow redirects with the credential's secrets. If ${api.platform} moved, put its new address in the credential's base URL.`,
		},
	);
}

/**
 * Seconds to wait before trying a rate-limited (429) request again, or undefined to give up: at most
 * RATE_LIMIT_RETRIES more tries, each after the Retry-After the platform asked for (1 s without one),
 * and none when it asks for more than MAX_RATE_LIMIT_WAIT_SECONDS.
 */
function rateLimitWait(response: IN8nHttpFullResponse, attempt: number): number | undefined {
	if (attempt > RATE_LIMIT_RETRIES) return undefined;
	const wait = retryAfterSeconds(response.headers as Record<string, unknown>, Date.now()) ?? 1;
	return wait <= MAX_RATE_LIMIT_WAIT_SECONDS ? wait : undefined;
}

/**
 * The answer's body as a record. Whatever comes must be a JSON object: a list or a text is an error that says
 * what came, never read as a record. An empty answer is an error where JSON is expected (every GET), and an
 * empty record for a change the platform confirms with no body; `expectsJson: false` takes the body as it is.
 */
export async function apiRequest(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	itemIndex = 0,
): Promise<IDataObject> {
	const response = await apiRequestFull.call(this, api, request, itemIndex);
	const body: unknown = response.body;
	if (request.expectsJson === false) return body as IDataObject;
	if (
		!(request.expectsJson ?? request.method === 'GET') &&
		(body === undefined || body === null || body === '')
	)
		return {};
	return readAnswer(
		this.getNode(),
		api,
		request,
		body,
		(answer) => recordAt(answer, []),
		itemIndex,
	);
}

/** One request whose answer must be JSON, and the part `read` takes of it, read strictly. */
async function readPart<T>(
	context: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	read: (body: unknown) => T,
	itemIndex: number,
): Promise<T> {
	const response = await apiRequestFull.call(
		context,
		api,
		{ ...request, expectsJson: request.expectsJson ?? true },
		itemIndex,
	);
	return readAnswer(context.getNode(), api, request, response.body, read, itemIndex);
}

/** The part of the answer an operation reads (listAt, recordAt, textAt from answer-parts.ts), read strictly. */
export async function apiRead(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	read: (body: unknown) => IDataObject,
	itemIndex = 0,
): Promise<IDataObject> {
	return await readPart(this, api, request, read, itemIndex);
}

/** The list at `path` of the answer (listAt), or the list a reader finds in it, read strictly. */
export async function apiList(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	path: AnswerPath | ((body: unknown) => IDataObject[]),
	itemIndex = 0,
): Promise<IDataObject[]> {
	return await readPart(
		this,
		api,
		request,
		typeof path === 'function' ? path : (body) => listAt(body, path),
		itemIndex,
	);
}

/** The record at `path` of the answer (recordAt), read strictly. */
export async function apiRecord(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	path: AnswerPath,
	itemIndex = 0,
): Promise<IDataObject> {
	return await readPart(this, api, request, (body) => recordAt(body, path), itemIndex);
}

export function readAnswer<T>(
	node: INode,
	api: VendorApi,
	request: ApiRequest,
	body: unknown,
	read: (body: unknown) => T,
	itemIndex: number,
): T {
	try {
		return read(body);
	} catch (error) {
		if (error instanceof UnexpectedAnswerError)
			throw unexpectedAnswer(node, api, request, error, itemIndex);
		throw new NodeOperationError(node, error as Error, { itemIndex });
	}
}
