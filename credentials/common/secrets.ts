import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/**
 * The fields of a credential whose values must never appear in an error, an output item or a log line: every
 * field its form marks `password` (what n8n itself blanks in the editor), so a new secret field is covered by
 * being declared as one.
 */
export function secretFields(properties: INodeProperties[]): string[] {
	return properties.filter((property) => property.typeOptions?.password === true).map((property) => property.name);
}

/** Replaces any secret of these credentials (a `password` field of their form) that a text happens to contain. */
export function scrubSecrets(text: string, credentials: ICredentialDataDecryptedObject, properties: INodeProperties[]): string {
	let scrubbed = text;
	for (const field of secretFields(properties)) {
		const secret = credentials[field];
		if (typeof secret === 'string' && secret.length >= 4) scrubbed = scrubbed.split(secret).join('***');
	}
	return scrubbed;
}
