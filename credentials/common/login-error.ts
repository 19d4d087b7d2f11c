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

	/** True when the platform saw the secret and refused it: trying again could lock the account. */
	readonly refusedByPlatform: boolean;

	/** True when the refusal may pass (too many attempts, a server failure): try again later, not never. */
	readonly temporary: boolean;

	constructor(message: string, description: string, refusedByPlatform = false, temporary = false) {
		super(message);
		this.name = 'LoginError';
		this.description = description;
		this.refusedByPlatform = refusedByPlatform;
		this.temporary = temporary;
	}
}
