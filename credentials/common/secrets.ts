import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Every credential field whose value must never appear in an error, an output item or a log line. */
export const SECRET_FIELDS = ['password', 'apiKey', 'internalKey', 'totpSecret', 'sessionToken'] as const;

/** Replaces any secret of these credentials that a vendor text happens to contain. */
export function scrubSecrets(text: string, credentials: ICredentialDataDecryptedObject): string {
	let scrubbed = text;
	for (const field of SECRET_FIELDS) {
		const secret = credentials[field];
		if (typeof secret === 'string' && secret.length >= 4) scrubbed = scrubbed.split(secret).join('***');
	}
	return scrubbed;
}
