import type { INodeProperties } from 'n8n-workflow';

import {
	baseUrlProperty,
	forMethod,
	ignoreSslProperty,
	secretProperty,
	textProperty,
} from '../common/properties';
import { sessionProperties } from '../common/session/state';
import { bodyText } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

function immutaErrorText(answer: Pick<LoginAnswer, 'body'>): string | undefined {
	return bodyText(answer.body, 'message', 'error');
}

const METHOD = 'authMethod';

/** The credential's form: what n8n shows and stores (every `password` field is a secret, see secrets.ts). */
const properties: INodeProperties[] = [
	baseUrlProperty('Immuta', 'https://immuta.example.com'),
	{
		displayName: 'Authentication Method',
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
	forMethod(textProperty('Username', 'username'), METHOD, ['password']),
	forMethod(secretProperty('Password', 'password'), METHOD, ['password']),
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
