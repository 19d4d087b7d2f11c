import type { IHttpRequestOptions } from 'n8n-workflow';

import { LoginError } from './login-error';

/**
 * A credential's key or session goes only to its own origin: the scheme, host and port of its base URL, as the
 * URL standard normalises them (case, default ports, IDN). A request anywhere else (the HTTP Request node lets
 * its user name any URL beside a credential) fails before anything secret is attached.
 */

function originOf(url: string, base?: string): string | undefined {
	try {
		const parsed = new URL(url, base);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
	} catch {
		return undefined;
	}
}

/** Where a request goes: n8n's helpers read `baseURL` + `url`; the legacy request helper (HTTP Request node) `uri` or `url`. */
function requestTarget(options: IHttpRequestOptions): string | undefined {
	const legacy = options as IHttpRequestOptions & { uri?: unknown };
	const url =
		typeof options.url === 'string' && options.url !== ''
			? options.url
			: typeof legacy.uri === 'string'
				? legacy.uri
				: undefined;
	if (url === undefined) return undefined;
	return originOf(
		url,
		typeof options.baseURL === 'string' && options.baseURL !== '' ? options.baseURL : undefined,
	);
}

/** Throws, naming both origins, unless the request goes to the credential's own origin. */
export function assertOwnOrigin(options: IHttpRequestOptions, baseUrl: unknown): void {
	const own = typeof baseUrl === 'string' ? originOf(baseUrl.trim()) : undefined;
	const target = requestTarget(options);
	if (own !== undefined && target === own) return;
	throw new LoginError(
		`This credential is for ${own ?? 'the address in its Base URL'}, not ${target ?? "this request's address"}: nothing was sent`,
		`n8n attaches a credential's key or session token only to requests for the origin of its Base URL (scheme, host and port). To call ${target ?? 'another address'}, use a credential made for it; to reach this platform at a new address, change the credential's Base URL.`,
	);
}
