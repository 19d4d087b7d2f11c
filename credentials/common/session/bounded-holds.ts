import type { LoginError } from '../login-error';

/**
 * Holds on logins after answers that prove nothing about the secret (a blocked address, 429, 5xx, a proxy page,
 * no answer), kept in this process only, by settings. They are never stored in the credential: a worker that
 * stored one would blank a session another worker stored meanwhile (n8n writes a hook's output over the token).
 * So each process tries at most once per hold, and a hold ends by itself.
 */
export interface BoundedHold {
	at: string;
	message: string;
	description: string;
	untilMs: number;
}

const REMEMBERED = 500;
const holds = new Map<string, BoundedHold>();

export function boundedHold(key: string): BoundedHold | undefined {
	return holds.get(key);
}

export function holdLogins(key: string, error: LoginError, nowMs: number, forMs: number): void {
	if (holds.size >= REMEMBERED && !holds.has(key))
		holds.delete(holds.keys().next().value as string);
	holds.set(key, {
		at: new Date(nowMs).toISOString(),
		message: error.message,
		description: error.description,
		untilMs: nowMs + forMs,
	});
}

export function releaseLogins(key: string): void {
	holds.delete(key);
	said.delete(key);
}

/**
 * The last login failure the hook threw for these settings in this process (a bounded refusal, or a hold told
 * again): n8n 1.x hands a node its own copy of such an error, message kept, description lost, so the node's
 * request tells it again from here (request-session.ts).
 */
const said = new Map<string, LoginError>();

export function sayLoginFailure(key: string, error: LoginError): LoginError {
	if (said.size >= REMEMBERED && !said.has(key)) said.delete(said.keys().next().value as string);
	said.set(key, error);
	return error;
}

export function loginFailureSaid(key: string): LoginError | undefined {
	return said.get(key);
}
