import { displayUrl } from './base-url';
import { LoginError } from './login-error';

const UNTRUSTED_CERTIFICATE_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_UNTRUSTED',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

/** Whether a failure (its code, or the text axios gives a request it aborted) is a timeout: for logins and node requests alike. */
export function isTimeoutFailure(failure: { code?: unknown; message?: unknown }): boolean {
	return (
		(typeof failure.code === 'string' && TIMEOUT_CODES.has(failure.code)) ||
		/timeout of \d+ms exceeded/i.test(String(failure.message ?? ''))
	);
}

function errorCode(error: unknown): string {
	const candidate = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
	const code = candidate?.code ?? candidate?.cause?.code;
	return typeof code === 'string' ? code : '';
}

/**
 * A login request that got no HTTP answer: the address, the network or TLS failed.
 * Built from the error code only: the transport error itself holds the request, secrets included.
 */
export function transportFailure(platform: string, url: string, error: unknown): LoginError {
	const code = errorCode(error);
	const host = displayUrl(url);
	if (UNTRUSTED_CERTIFICATE_CODES.has(code)) {
		return new LoginError(
			`The TLS certificate of ${platform} is not trusted (${code})`,
			`${host} presented a certificate this machine does not trust, for example a self-signed one. Install a trusted certificate on ${platform}, or turn on "Ignore SSL Issues (Insecure)" in the credential if you trust this server.`,
		);
	}
	if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
		return new LoginError(
			`Could not open a TLS connection to ${platform}`,
			`Check that the base URL starts with the scheme the server speaks (http:// or https://): ${host}`,
		);
	}
	if (isTimeoutFailure({ code, message: (error as { message?: unknown } | undefined)?.message })) {
		return new LoginError(
			`${platform} did not answer the login in time`,
			`No answer from ${host}. Check that the server is up and reachable from n8n.`,
		);
	}
	// The code goes in the description: n8n replaces a message that contains a network error code with its own generic text.
	const reason = code ? ` (${code})` : '';
	return new LoginError(
		`Could not reach ${platform}`,
		`Check the base URL and that n8n can reach it: ${host}${reason}`,
	);
}
