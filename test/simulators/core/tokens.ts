import { randomBytes } from 'node:crypto';

import { signJwt, verifyJwt, type JwtAlgorithm, type JwtClaims } from './jwt';

export interface IssuedToken {
	token: string;
	issuedAtMs: number;
	expiresAtMs: number;
	/** `exp` of a JWT (epoch seconds); for opaque tokens the expiry rounded down to the second. */
	expSeconds: number;
}

export type TokenCheck =
	| { valid: true; subject: string; claims: JwtClaims }
	| { valid: false; reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked' };

export interface TokenStoreOptions {
	/** Signed JWTs (stateless; a secret rotation kills them all) or opaque random strings kept server side. */
	format: { kind: 'jwt'; algorithm: JwtAlgorithm } | { kind: 'opaque'; bytes?: number };
	lifetimeSeconds: number;
}

/**
 * The tokens one backend issued. Lifetime changes apply to tokens issued afterwards. `revokeAll` is a
 * backend restart: JWT secrets are regenerated and the session table is dropped, so every token dies.
 */
export class TokenStore {
	lifetimeSeconds: number;
	/** Every token issued since start (never reset), for leak searches. */
	readonly issued: string[] = [];
	private secret = randomBytes(64);
	private readonly sessions = new Map<
		string,
		{ subject: string; claims: JwtClaims; expiresAtMs: number }
	>();
	private readonly revoked = new Set<string>();

	/** `clock` is the platform's clock (n8n's moved by the simulator's clockOffsetMs). */
	constructor(
		private readonly options: TokenStoreOptions,
		readonly clock: () => number = Date.now,
	) {
		this.lifetimeSeconds = options.lifetimeSeconds;
	}

	issue(
		subject: string,
		claims: JwtClaims = {},
		lifetimeSeconds = this.lifetimeSeconds,
		nowMs = this.clock(),
	): IssuedToken {
		let issued: IssuedToken;
		if (this.options.format.kind === 'jwt') {
			const exp = Math.floor(nowMs / 1000) + lifetimeSeconds;
			const token = signJwt(
				{
					sub: subject,
					...claims,
					iat: Math.floor(nowMs / 1000),
					exp,
					jti: randomBytes(8).toString('hex'),
				},
				this.secret,
				this.options.format.algorithm,
			);
			issued = { token, issuedAtMs: nowMs, expiresAtMs: exp * 1000, expSeconds: exp };
		} else {
			const token = randomBytes(this.options.format.bytes ?? 16).toString('hex');
			const expiresAtMs = nowMs + lifetimeSeconds * 1000;
			this.sessions.set(token, { subject, claims, expiresAtMs });
			issued = {
				token,
				issuedAtMs: nowMs,
				expiresAtMs,
				expSeconds: Math.floor(expiresAtMs / 1000),
			};
		}
		this.issued.push(issued.token);
		return issued;
	}

	check(token: string | undefined, nowMs = this.clock()): TokenCheck {
		if (!token) return { valid: false, reason: 'missing' };
		if (this.revoked.has(token)) return { valid: false, reason: 'revoked' };
		if (this.options.format.kind === 'jwt') {
			const result = verifyJwt(token, this.secret, this.options.format.algorithm, nowMs);
			if (!result.ok)
				return { valid: false, reason: result.reason === 'signature' ? 'unknown' : result.reason };
			return { valid: true, subject: String(result.claims.sub ?? ''), claims: result.claims };
		}
		const session = this.sessions.get(token);
		if (!session) return { valid: false, reason: 'unknown' };
		if (nowMs >= session.expiresAtMs) return { valid: false, reason: 'expired' };
		return { valid: true, subject: session.subject, claims: session.claims };
	}

	/** Ends one session (a logout). */
	revoke(token: string): void {
		this.revoked.add(token);
		this.sessions.delete(token);
	}

	/** A backend restart: a new signing secret and an empty session table. */
	revokeAll(): void {
		this.secret = randomBytes(64);
		this.sessions.clear();
		this.revoked.clear();
	}
}
