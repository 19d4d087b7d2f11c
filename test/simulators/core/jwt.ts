import { createHmac, timingSafeEqual } from 'node:crypto';

/** HS256/HS512 JSON Web Tokens, enough for the vendors' session tokens. `exp` is in epoch seconds. */
export type JwtAlgorithm = 'HS256' | 'HS512';

export type JwtClaims = Record<string, unknown> & { exp?: number; iat?: number; sub?: string };

export type JwtCheck =
	| { ok: true; claims: JwtClaims }
	| { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const HASH: Record<JwtAlgorithm, string> = { HS256: 'sha256', HS512: 'sha512' };

function encode(value: unknown): string {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function signature(algorithm: JwtAlgorithm, secret: Buffer, signingInput: string): Buffer {
	return createHmac(HASH[algorithm], secret).update(signingInput).digest();
}

export function signJwt(claims: JwtClaims, secret: Buffer, algorithm: JwtAlgorithm): string {
	const signingInput = `${encode({ alg: algorithm, typ: 'JWT' })}.${encode(claims)}`;
	return `${signingInput}.${signature(algorithm, secret, signingInput).toString('base64url')}`;
}

/** Checks the algorithm, the signature and `exp` (expired from the second `exp` names, as jjwt and jsonwebtoken do). */
export function verifyJwt(
	token: string,
	secret: Buffer,
	algorithm: JwtAlgorithm,
	nowMs = Date.now(),
): JwtCheck {
	const parts = token.split('.');
	if (parts.length !== 3) return { ok: false, reason: 'malformed' };
	const [header, payload, sig] = parts;
	let claims: JwtClaims;
	try {
		const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
		if (head.alg !== algorithm) return { ok: false, reason: 'malformed' };
		claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	const expected = signature(algorithm, secret, `${header}.${payload}`);
	const given = Buffer.from(sig, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected))
		return { ok: false, reason: 'signature' };
	if (typeof claims.exp === 'number' && nowMs >= claims.exp * 1000)
		return { ok: false, reason: 'expired' };
	return { ok: true, claims };
}

/** The claims without checking anything (for tests and logs). */
export function decodeJwt(token: string): JwtClaims | undefined {
	try {
		return JSON.parse(
			Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
		) as JwtClaims;
	} catch {
		return undefined;
	}
}
