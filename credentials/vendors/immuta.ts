import type { INodeProperties } from 'n8n-workflow';

import {
	baseUrlProperty,
	forMethod,
	ignoreSslProperty,
	secretProperty,
	textProperty,
} from '../common/properties';
import { sessionProperties } from '../common/session/state';
import { bodyObject, bodyText, textOf, texts } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

/**
 * Immuta's error bodies (docs/provenance/immuta.md, "Errors"): a `message` (fh-immuta-utils reads it on a 400); a 422 lists
 * `validation` entries with a `code` (fh-immuta-utils reads validation[0].code: "unique"); whether an entry also names its
 * field (`path`) or says a `message` is unattested, so both are read when present.
 */
export function immutaErrorText(answer: Pick<LoginAnswer, 'body'>): string | undefined {
	const body = bodyObject(answer.body);
	const validation = Array.isArray(body?.validation)
		? body.validation
				.map((entry) =>
					entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {},
				)
				.flatMap((entry) => {
					const reason = textOf(entry.message) ?? textOf(entry.code);
					if (!reason) return [];
					const path = Array.isArray(entry.path) ? texts(entry.path).join('.') : textOf(entry.path);
					return [path ? `${path}: ${reason}` : reason];
				})
		: [];
	const message = bodyText(body, 'message', 'error');
	if (validation.length)
		return `${message ?? 'The request is not valid'} (${validation.join('; ')})`;
	return (
		message ?? (typeof answer.body === 'string' ? textOf(answer.body)?.slice(0, 300) : undefined)
	);
}

const METHOD = 'authMethod';

/** The credential's form: what n8n shows and stores (every `password` field is a secret, see secrets.ts). */
const properties: INodeProperties[] = [
	baseUrlProperty('Immuta', 'https://immuta.example.com'),
	{
		displayName: 'Authentication',
		name: METHOD,
		type: 'options',
		default: 'apiKey',
		options: [
			{
				name: 'API Key',
				value: 'apiKey',
				description: 'Exchange an Immuta API key for a session token',
			},
			{
				name: 'API Key (Direct)',
				value: 'apiKeyDirect',
				description:
					'Send the API key itself with every request, with no exchange (Immuta SaaS and its V2 API)',
			},
			{
				name: 'Username and Password',
				value: 'password',
				description: 'Log in through an identity manager (IAM)',
			},
		],
	},
	forMethod(
		secretProperty('API Key', 'apiKey', 'An API key generated on your Immuta profile page'),
		METHOD,
		['apiKey', 'apiKeyDirect'],
	),
	forMethod(
		{
			...textProperty('IAM ID', 'iamId', 'bim'),
			description: "The identity manager that holds the user; bim is Immuta's built-in one",
		},
		METHOD,
		['password'],
	),
	forMethod(
		textProperty(
			'Username',
			'username',
			'',
			'The user name in that identity manager, often an email',
		),
		METHOD,
		['password'],
	),
	forMethod(secretProperty('Password', 'password', "That user's password"), METHOD, ['password']),
	ignoreSslProperty,
	...sessionProperties,
];

/** Immuta as the credential and the node both know it. */
export const immutaProfile: VendorProfile = {
	properties,
	credentialType: 'immutaApi',
	platform: 'Immuta',
	exampleUrl: 'https://immuta.example.com',
	// "API Key (Direct)" sends the key itself (Immuta SaaS and its V2 API): no exchange, no token.
	logsIn: (credentials) => credentials.authMethod !== 'apiKeyDirect',
	errorText: immutaErrorText,
	rejectedCredential: {
		message: 'Immuta did not accept the credential',
		description:
			'Immuta answered 401 (with a fresh session token, or to the API key sent directly): check that the API key or user is still valid in Immuta.',
	},
};
