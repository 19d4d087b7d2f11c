import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * Adds the auth headers to a request, and relaxes TLS only when the user turned on "Ignore SSL Issues"
 * in the credential, so the toggle holds for node requests, the credential test and the HTTP Request node.
 */
export function withAuth(
	requestOptions: IHttpRequestOptions,
	headers: IDataObject,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		...requestOptions,
		headers: { ...(requestOptions.headers ?? {}), ...headers },
	};
	if (credentials.allowUnauthorizedCerts === true) {
		options.skipSslCertificateValidation = true;
		// The legacy request helper (still used by the HTTP Request node) reads this name instead.
		Object.assign(options, { rejectUnauthorized: false });
	}
	return options;
}

export function bearer(credentials: ICredentialDataDecryptedObject): IDataObject {
	return { Authorization: `Bearer ${String(credentials.sessionToken ?? '')}` };
}
