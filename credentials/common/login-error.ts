/**
 * How long a refused login holds the next ones back, by what the answer proves about the secret
 * (session/login-answers.ts has the table):
 * - 'until a person acts': the platform refused the secret, or needs a person (an account to enrol, a
 *   code n8n cannot answer). Held until a field of the credential changes or a person tests it again.
 * - `{ forMs }`: the answer proves nothing about the secret (a block of the address, a rate limit, an
 *   outage, a proxy page, no answer). Held this long in the process that saw it, then one attempt.
 */
export type LoginHold = 'until a person acts' | { forMs: number };

export const UNTIL_A_PERSON_ACTS = 'until a person acts' as const;

/**
 * A login or token exchange that failed.
 *
 * It deliberately carries no HTTP status, code or response: n8n runs `preAuthentication` again when a
 * request fails with 401, and a failed login must never be retried (repeated failures lock accounts).
 * Without those properties n8n's NodeApiError and credential test show `message` and `description`
 * exactly as written here.
 */
export class LoginError extends Error {
	readonly description: string;

	/** How long this failure holds further logins back; none for a failure before any request (a bad base URL). */
	readonly hold?: LoginHold;

	constructor(message: string, description: string, hold?: LoginHold) {
		super(message);
		this.name = 'LoginError';
		this.description = description;
		this.hold = hold;
	}

	/** True when the platform refused the secret (or needs a person): trying again could lock the account. */
	get refusesSecret(): boolean {
		return this.hold === UNTIL_A_PERSON_ACTS;
	}
}
