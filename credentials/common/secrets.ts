import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/**
 * The fields of a credential whose values must never appear in an error, an output item or a log line: every
 * field its form marks `password` (what n8n itself blanks in the editor), so a new secret field is covered by
 * being declared as one.
 */
export function secretFields(properties: INodeProperties[]): string[] {
	return properties
		.filter((property) => property.typeOptions?.password === true)
		.map((property) => property.name);
}

/** Fields that name who signs in: a Basic header puts them before the secret. */
const IDENTITY_FIELDS = ['username', 'email', 'user'];

/**
 * What a secret becomes on the wire, beside itself: its base64, a Basic header's base64(identity:secret) for
 * each identity field, and its URL encoding. An answer that echoes a request shows it in one of these forms.
 */
function wireForms(secret: string, credentials: ICredentialDataDecryptedObject): string[] {
	const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
	const forms = [
		secret,
		base64(secret),
		base64(secret).replace(/=+$/, ''),
		encodeURIComponent(secret),
	];
	for (const field of IDENTITY_FIELDS) {
		const identity = credentials[field];
		if (typeof identity === 'string' && identity !== '')
			forms.push(
				base64(`${identity}:${secret}`),
				base64(`${identity}:${secret}`).replace(/=+$/, ''),
			);
	}
	return forms;
}

/** Replaces any secret of these credentials (a `password` field of their form), in any of its wire forms, that a text happens to contain. */
export function scrubSecrets(
	text: string,
	credentials: ICredentialDataDecryptedObject,
	properties: INodeProperties[],
): string {
	let scrubbed = text;
	for (const field of secretFields(properties)) {
		const secret = credentials[field];
		if (typeof secret !== 'string' || secret.length < 4) continue;
		for (const form of wireForms(secret, credentials))
			if (form.length >= 4) scrubbed = scrubbed.split(form).join('***');
	}
	return scrubbed;
}
