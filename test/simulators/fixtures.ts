/**
 * The fixed accounts and secrets the simulators accept. Every secret is a distinctive string, so tests
 * can search every output and error text for it.
 */

export const UTMSTACK = {
	/** An administrator who logs in with a password (no two-factor). */
	username: 'soc-admin',
	password: 'utm-S3cret-pass-7f3a',
	/** The backend's INTERNAL_KEY: requests run as the first administrator ("admin"). */
	internalKey: 'utm-Internal-K3y-91c2d4',
	/** A per-user API key (Utm-Api-Key) owned by `username`. */
	apiKey: 'utm-Api-K3y-5be80e17',
	/** A user with two-factor login by authenticator app (TOTP): the login answers with a temporary token only. */
	tfaUsername: 'tfa-analyst',
	tfaPassword: 'utm-Tfa-pass-c0de42',
	/** The TOTP secret of `tfaUsername`, base32 as UTMStack shows it at set-up. */
	tfaTotpSecret: 'JBSWY3DPEHPK3PXPUTMTFA7Q4K2M6N3R',
	/** A user whose second factor is a code sent by email, which n8n cannot read. */
	emailTfaUsername: 'mail-tfa-analyst',
	emailTfaPassword: 'utm-Mail-tfa-pass-8e1d',
	/** A user on a server that enforces two-factor login who has not set one up yet (sent to enrollment). */
	enrollUsername: 'new-analyst',
	enrollPassword: 'utm-Enroll-pass-3b9f',
	/** The login of the first administrator (who the internal key acts as). */
	firstAdmin: 'admin',
} as const;

export const STELLAR = {
	/** The user the legacy key belongs to (Basic base64(email:legacyApiKey)). */
	email: 'soc.automation@example.test',
	/** A 5.5+ scoped API key (Authorization: Bearer <apiKey> on the token call). */
	apiKey: 'stellar-Scoped-K3y-a1b2c3d4',
	/** A legacy user API key. */
	legacyApiKey: 'stellar-Legacy-K3y-e5f6a7b8',
} as const;

export const IMMUTA = {
	apiKey: 'immuta-Api-K3y-0d9e8f7a',
	/** Immuta's built-in identity manager. */
	iamId: 'bim',
	username: 'data.steward@example.test',
	password: 'immuta-S3cret-pass-6b5a',
} as const;

export const ECE = {
	/** An API key of `username` (ECE gives no API keys to the built-in admin/readonly users). */
	apiKey: 'ece-Api-K3y-3c4d5e6f',
	username: 'n8n-operator',
	password: 'ece-S3cret-pass-9a8b',
	/** The built-in administrator: may log in with a password, may not own API keys. */
	adminUsername: 'admin',
	adminPassword: 'ece-Admin-pass-1f2e',
} as const;

/** Every secret above, for leak searches. */
export const ALL_FIXTURE_SECRETS: readonly string[] = [
	UTMSTACK.password,
	UTMSTACK.internalKey,
	UTMSTACK.apiKey,
	UTMSTACK.tfaPassword,
	STELLAR.apiKey,
	STELLAR.legacyApiKey,
	IMMUTA.apiKey,
	IMMUTA.password,
	ECE.apiKey,
	ECE.password,
	ECE.adminPassword,
];
