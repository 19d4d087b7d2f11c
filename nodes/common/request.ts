import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { baseUrlProblem, parseBaseUrl } from '../../credentials/common/base-url';
import { sessionIsStale } from '../../credentials/common/session-state';
import { apiError } from './api-error';
import type { ApiRequest, VendorApi } from './vendor-api';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * Every node request goes through here: the credential's base URL, the token renewed before it expires
 * (so no call is spent on a token known to be dead), n8n's own 401 refresh, and errors without secrets.
 */
export async function apiRequestFull(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	itemIndex = 0,
): Promise<IN8nHttpFullResponse> {
	const credentials = await this.getCredentials(api.credentialType, itemIndex);
	const baseUrl = parseBaseUrl(credentials.baseUrl);
	if (!baseUrl) {
		const problem = baseUrlProblem(api.platform, credentials.baseUrl, 'https://...');
		throw new NodeOperationError(this.getNode(), problem.message, { description: problem.description, itemIndex });
	}

	const options: IHttpRequestOptions = {
		method: request.method,
		url: baseUrl + request.path,
		qs: request.qs,
		body: request.body,
		headers: request.headers,
		json: true,
		returnFullResponse: true,
	};

	// A stale token is replaced before use: n8n runs preAuthentication when it sees an empty token,
	// and saves the new one, so the next items of this run reuse it.
	const stored = this.getNode().credentials?.[api.credentialType];
	const renewal = sessionIsStale(credentials, Date.now())
		? {
				credentialsDecrypted: {
					id: stored?.id ?? '',
					name: stored?.name ?? '',
					type: api.credentialType,
					data: { ...credentials, sessionToken: '' },
				},
			}
		: undefined;

	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, api.credentialType, options, renewal)) as IN8nHttpFullResponse;
	} catch (error) {
		throw apiError(this.getNode(), error, api, credentials, itemIndex);
	}
}

/** The body of the answer: a record for most endpoints (cast where a platform answers a list). */
export async function apiRequest(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
	itemIndex = 0,
): Promise<IDataObject> {
	const response = await apiRequestFull.call(this, api, request, itemIndex);
	return response.body as IDataObject;
}
