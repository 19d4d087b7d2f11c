import { headerText } from '../vendor-text';

/**
 * One clock per decision: a token's life is measured on n8n's clock. The platform states when its token
 * expires on its own clock; what n8n keeps is the lifetime that implies (expiry minus the platform's own time
 * of issue: the JWT's `iat`, else the answer's Date header, RFC 9110 6.6.1), counted from when n8n received
 * the token. A platform clock minutes off then neither makes every token look dead (a login per request) nor
 * keeps a dead one alive. Where the platform gives no time of its own, its expiry is compared with n8n's
 * clock, as before.
 */

function jwtIssuedAtMs(token: string): number | undefined {
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const iat = (
			JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iat?: unknown }
		).iat;
		// A NumericDate in whole seconds is cut to its second: taken at the second's end, a lifetime is never overestimated.
		return typeof iat === 'number' && Number.isFinite(iat) && iat > 0
			? Number.isInteger(iat)
				? iat * 1000 + 1000
				: iat * 1000
			: undefined;
	} catch {
		return undefined;
	}
}

/** The answer's Date, at the end of the second it names (it is cut to the second): a lifetime is never overestimated. */
function answerDateMs(headers: Record<string, unknown>): number | undefined {
	const date = headerText(headers, 'Date');
	const ms = date && /^[A-Za-z]{3}/.test(date) ? Date.parse(date) : NaN;
	return Number.isNaN(ms) ? undefined : ms + 1000;
}

/**
 * When n8n stops using a token, on n8n's clock; undefined when the platform stated no expiry, or one that is
 * already past on its own clock (a token that looks dead on arrival is used until the platform refuses it).
 */
export function expiryOnN8nClock(
	token: string,
	expiresAt: Date | undefined,
	headers: Record<string, unknown>,
	receivedAtMs: number,
): number | undefined {
	if (!expiresAt) return undefined;
	const platformNow = jwtIssuedAtMs(token) ?? answerDateMs(headers) ?? receivedAtMs;
	const lifetime = expiresAt.getTime() - platformNow;
	return Number.isFinite(lifetime) && lifetime > 0 ? receivedAtMs + lifetime : undefined;
}
