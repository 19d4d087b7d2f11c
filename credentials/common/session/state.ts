import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';

import { isLegacySeal, sealFor, sealMatches, settingsKey } from './seal';

/**
 * A session as one value. n8n stores it in the credential's hidden fields (properties.ts), the one state every
 * execution, process and queue-mode worker shares; it is decoded here once per hook call, decided on by
 * pure functions (decide.ts), and encoded once into the fields n8n stores.
 *
 * Times are n8n's clock: `sessionIssuedAt` is when n8n received the token, `sessionExpiresAt` that moment plus
 * the token's lifetime as the platform states it (clock.ts), so a platform clock that is off changes nothing.
 */

/** The field names n8n stores (a credential's saved contract: never renamed). */
export const SESSION_FIELDS = [
	'sessionToken',
	'sessionExpiresAt',
	'sessionIssuedAt',
	'sessionFor',
	'sessionRefusal',
] as const;

export const RENEWAL_FIELD = 'sessionRenewal';

/**
 * Where n8n keeps the session, in every login credential's form. `expirable` tells n8n to run preAuthentication
 * when the token is empty or a request answers 401; the two timestamps let nodes renew before expiry;
 * `sessionFor` is the seal of the settings the token was issued for (seal.ts), `sessionRefusal` a refused secret.
 * `password` makes n8n blank the token, the seal and the refusal when the editor loads the credential (a
 * blanked field saved back keeps its stored value).
 */
export const sessionProperties: INodeProperties[] = [
	{
		displayName: 'Session Token',
		name: 'sessionToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	{ displayName: 'Session Expires At', name: 'sessionExpiresAt', type: 'hidden', default: '' },
	{ displayName: 'Session Issued At', name: 'sessionIssuedAt', type: 'hidden', default: '' },
	{
		displayName: 'Session For',
		name: 'sessionFor',
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
	{
		displayName: 'Session Refusal',
		name: 'sessionRefusal',
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
	// What a node's renewal replaces (RENEWAL_FIELD): empty once stored; n8n 1.x would store it otherwise.
	{
		displayName: 'Session Renewal',
		name: RENEWAL_FIELD,
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
];

/** A refusal of the secret, as stored: what was refused (the seal), when, and what the user was told. */
export interface RefusalRecord {
	for: string;
	at: string;
	message: string;
	description: string;
	/** Written by versions before 0.2 for a refusal that may pass; read as a bounded hold (decide.ts). */
	retryAt?: string;
}

/**
 * What a node's renewal replaces (the token it held, refused by the platform or about to expire), carried in a
 * transient field of the copy it hands n8n (RENEWAL_FIELD). A hook call without one is n8n's own: a first use,
 * a 401 after which n8n runs the hook with the refused token still in place, or a credential test.
 */
export interface Renewal {
	replaces: string;
	refused: boolean;
	/** The stored credential's id, and when the node read it: a session another request got since may be handed over. */
	credential?: string;
	readAt?: number;
}

export interface SessionState {
	/** These settings inside this process (logins under way, bounded holds): never stored or sent. */
	key: string;
	/**
	 * The seal to store beside a token or refusal of these settings: scrypt, about 150 ms the first time per
	 * settings in a process, so it is made only when something is stored.
	 */
	readonly seal: string;
	/** The stored token; '' when there is none. */
	token: string;
	/** The stored session was sealed for these very settings (base URL, method, user, secret): any other token is never sent. */
	sealFits: boolean;
	/** Sealed by an earlier version with a fast hash of the settings: to be sealed anew. */
	sealIsLegacy: boolean;
	/** n8n's clock, ms: when n8n received the token, and when it stops being used (undefined: used until refused). */
	receivedAtMs?: number;
	expiresAtMs?: number;
	/** A refusal of the secret stored for these very settings. */
	refusal?: RefusalRecord;
	refusalSealIsLegacy: boolean;
	/** Set when a node asked for this hook call; undefined for n8n's own calls. */
	renewal?: Renewal;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function time(value: unknown): number | undefined {
	const ms = Date.parse(text(value));
	return Number.isNaN(ms) ? undefined : ms;
}

/** The refusal record a `sessionRefusal` field holds, whatever settings it was sealed for. */
export function parseRefusal(raw: unknown): RefusalRecord | undefined {
	if (typeof raw !== 'string' || raw === '') return undefined;
	try {
		const record = JSON.parse(raw) as RefusalRecord;
		return typeof record.for === 'string' &&
			typeof record.message === 'string' &&
			typeof record.description === 'string'
			? record
			: undefined;
	} catch {
		return undefined;
	}
}

function renewalOf(raw: unknown): Renewal | undefined {
	if (typeof raw !== 'string' || raw === '') return undefined;
	try {
		const parsed = JSON.parse(raw) as Partial<Renewal>;
		if (typeof parsed.replaces !== 'string') return undefined;
		return {
			replaces: parsed.replaces,
			refused: parsed.refused === true,
			credential:
				typeof parsed.credential === 'string' && parsed.credential !== ''
					? parsed.credential
					: undefined,
			readAt: typeof parsed.readAt === 'number' ? parsed.readAt : undefined,
		};
	} catch {
		return undefined;
	}
}

/** The stored credential's session, read once: the seals are checked here and nowhere else. */
export function decodeSession(credentials: ICredentialDataDecryptedObject): SessionState {
	const token = text(credentials.sessionToken);
	const stored = parseRefusal(credentials.sessionRefusal);
	const refusal = stored && sealMatches(stored.for, credentials) ? stored : undefined;
	return {
		key: settingsKey(credentials),
		get seal() {
			return sealFor(credentials);
		},
		token,
		sealFits: sealMatches(credentials.sessionFor, credentials),
		sealIsLegacy: isLegacySeal(credentials.sessionFor),
		receivedAtMs: time(credentials.sessionIssuedAt),
		expiresAtMs: time(credentials.sessionExpiresAt),
		refusal,
		refusalSealIsLegacy: refusal !== undefined && isLegacySeal(refusal.for),
		renewal: renewalOf(credentials[RENEWAL_FIELD]),
	};
}

/** The fields of a new session, for n8n to store: any refusal is cleared. */
export function sessionFields(
	token: string,
	receivedAtMs: number,
	expiresAtMs: number | undefined,
	seal: string,
): IDataObject {
	return {
		sessionToken: token,
		sessionIssuedAt: new Date(receivedAtMs).toISOString(),
		sessionExpiresAt: expiresAtMs === undefined ? '' : new Date(expiresAtMs).toISOString(),
		sessionFor: seal,
		sessionRefusal: '',
	};
}

/** The fields of a refused secret, for n8n to store: the token goes, the refusal stays until a person acts. */
export function refusalFields(record: RefusalRecord): IDataObject {
	return {
		sessionToken: '',
		sessionExpiresAt: '',
		sessionIssuedAt: '',
		sessionFor: '',
		sessionRefusal: JSON.stringify(record),
	};
}
