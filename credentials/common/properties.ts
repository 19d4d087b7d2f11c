import type { INodeProperties } from 'n8n-workflow';

export function baseUrlProperty(platform: string, example: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: example,
		description: `The address of ${platform}, with http:// or https://`,
	};
}

/** A field shown only for the listed values of the credential's method selector. */
export function forMethod(field: INodeProperties, selector: string, values: string[]): INodeProperties {
	return { ...field, displayOptions: { show: { [selector]: values } } };
}

export function secretProperty(displayName: string, name: string, description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		...(description ? { description } : {}),
	};
}

export function textProperty(displayName: string, name: string, fallback = ''): INodeProperties {
	return { displayName, name, type: 'string', default: fallback, required: true };
}

export const ignoreSslProperty: INodeProperties = {
	displayName: 'Ignore SSL Issues (Insecure)',
	name: 'allowUnauthorizedCerts',
	type: 'boolean',
	default: false,
	description: 'Whether to connect even if the SSL certificate cannot be verified, for example a self-signed one',
};

/**
 * Where n8n keeps the session between executions and processes. `expirable` tells n8n to run
 * preAuthentication when the token is empty or a request answers 401; the two timestamps let nodes renew
 * before expiry; `sessionFor` is the fingerprint of the settings the token was issued for, `sessionRefusal`
 * a refused login (session-memory.ts). `password` makes n8n blank the token, the seal and the refusal when the
 * editor loads the credential (a blanked field saved back keeps its stored value).
 */
export const sessionProperties: INodeProperties[] = [
	{ displayName: 'Session Token', name: 'sessionToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	{ displayName: 'Session Expires At', name: 'sessionExpiresAt', type: 'hidden', default: '' },
	{ displayName: 'Session Issued At', name: 'sessionIssuedAt', type: 'hidden', default: '' },
	{ displayName: 'Session For', name: 'sessionFor', type: 'hidden', typeOptions: { password: true }, default: '' },
	{ displayName: 'Session Refusal', name: 'sessionRefusal', type: 'hidden', typeOptions: { password: true }, default: '' },
	// What a node's renewal replaces (session/owner.ts RENEWAL_FIELD): empty once stored; n8n 1.x would store it otherwise.
	{ displayName: 'Session Renewal', name: 'sessionRenewal', type: 'hidden', typeOptions: { password: true }, default: '' },
];
