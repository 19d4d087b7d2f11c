import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { parseBaseUrl } from '../base-url';

/**
 * What a stored token or refusal was issued for (base URL, method, user and secret) has to be told
 * apart without storing anything a secret can be tested against: people who may open a credential in
 * the editor, and anyone holding an export, must not be able to try password guesses offline.
 *
 * So the stored form is a seal: `s1$<salt>$<scrypt>` over the settings, with a random salt and scrypt at
 * N=2^15, r=8, p=1 (32 MiB of memory and about 150 ms of one core per guess, which GPUs cannot
 * parallelise the way they do SHA-256). It is computed once per settings per n8n process and remembered
 * here, so a request costs one SHA-256 of the settings and a map look-up, never a new scrypt.
 *
 * Credentials saved before the seal carry a plain SHA-256 of the same settings (64 hex digits): it is
 * still recognised, so their token and their refusal keep holding, and they are sealed anew on first use.
 */

const SEAL_VERSION = 's1';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const HASH_BYTES = 32;
const SALT_BYTES = 16;
const REMEMBERED_SEALS = 500;

/** The settings that decide whom a token is for: every field but the session's own and the TLS toggle. */
function identity(credentials: ICredentialDataDecryptedObject): string {
	const fields = Object.keys(credentials)
		.filter((field) => !field.startsWith('session') && field !== 'allowUnauthorizedCerts')
		.filter(
			(field) =>
				credentials[field] !== '' &&
				credentials[field] !== undefined &&
				credentials[field] !== null,
		)
		.sort()
		.map((field) => [
			field,
			field === 'baseUrl' ? (parseBaseUrl(credentials.baseUrl) ?? '') : credentials[field],
		]);
	return JSON.stringify(fields);
}

/**
 * A key for these settings inside this process only (logins under way, refusals seen here): never
 * stored, never sent, never shown.
 */
export function settingsKey(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256').update(identity(credentials)).digest('hex');
}

// settings key + salt -> scrypt digest, and settings key -> the seal this process writes for them.
const digests = new Map<string, Buffer>();
const sealsWritten = new Map<string, string>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
	if (map.size >= REMEMBERED_SEALS) map.delete(map.keys().next().value as string);
	map.set(key, value);
	return value;
}

function digest(credentials: ICredentialDataDecryptedObject, key: string, salt: Buffer): Buffer {
	const memo = `${key}:${salt.toString('base64url')}`;
	return (
		digests.get(memo) ??
		remember(digests, memo, scryptSync(identity(credentials), salt, HASH_BYTES, SCRYPT))
	);
}

/** The seal to store beside a token or a refusal of these settings. */
export function sealFor(credentials: ICredentialDataDecryptedObject): string {
	const key = settingsKey(credentials);
	const known = sealsWritten.get(key);
	if (known) return known;
	const salt = randomBytes(SALT_BYTES);
	return remember(
		sealsWritten,
		key,
		`${SEAL_VERSION}$${salt.toString('base64url')}$${digest(credentials, key, salt).toString('base64url')}`,
	);
}

/** A fingerprint stored by versions before the seal: a plain SHA-256 of the settings. */
export function isLegacySeal(stored: unknown): boolean {
	return typeof stored === 'string' && /^[0-9a-f]{64}$/.test(stored);
}

/** True when a stored seal (or a fingerprint of an earlier version) was made for these very settings. */
export function sealMatches(stored: unknown, credentials: ICredentialDataDecryptedObject): boolean {
	if (typeof stored !== 'string' || stored === '') return false;
	const key = settingsKey(credentials);
	if (isLegacySeal(stored)) return stored === key;
	const [version, salt, hash] = stored.split('$');
	if (version !== SEAL_VERSION || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64url');
	if (expected.length !== HASH_BYTES) return false;
	return timingSafeEqual(expected, digest(credentials, key, Buffer.from(salt, 'base64url')));
}
