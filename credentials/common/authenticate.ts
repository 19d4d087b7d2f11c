import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { assertOwnOrigin } from './origin';
import { sessionHeaders } from './session/owner';

/**
 * Adds the auth headers to a request for the credential's own origin (any other fails, origin.ts), turns redirects off, and relaxes TLS only when the user turned on "Ignore SSL Issues"
 * in the credential, so the toggle holds for node requests, the credential test and the HTTP Request node.
 */
export function withAuth(
	requestOptions: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	authHeaders: () => IDataObject,
): IHttpRequestOptions {
	assertOwnOrigin(requestOptions, credentials.baseUrl);
	const options: IHttpRequestOptions = {
		...requestOptions,
		headers: { ...(requestOptions.headers ?? {}), ...authHeaders() },
		// A secret never follows a redirect: n8n's helpers would re-send these headers to wherever it points.
		disableFollowRedirect: true,
	};
	// The legacy request helper (the HTTP Request node) reads these names instead.
	Object.assign(options, { followRedirect: false, followAllRedirects: false });
	if (credentials.allowUnauthorizedCerts === true) {
		options.skipSslCertificateValidation = true;
		// The legacy request helper (still used by the HTTP Request node) reads this name instead.
		Object.assign(options, { rejectUnauthorized: false });
	}
	return options;
}

/** The session token as a Bearer header, when it was issued for these settings (see sessionHeaders). */
export function bearer(
	credentials: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
): IDataObject {
	return sessionHeaders(credentials, request, (token) => ({ Authorization: `Bearer ${token}` }));
}
