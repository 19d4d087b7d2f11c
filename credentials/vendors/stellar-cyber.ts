import type { INodeProperties } from 'n8n-workflow';

import {
	baseUrlProperty,
	forMethod,
	ignoreSslProperty,
	secretProperty,
	textProperty,
} from '../common/properties';
import { sessionProperties } from '../common/session/state';
import { bodyObject, bodyText, textOf } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

/**
 * Stellar Cyber's error bodies are unattested: no public client or recorded answer shows one (every client reads the body
 * as text: galaxy keeps its first 300 characters, XSOAR prints it whole). So a JSON body is read for its usual keys
 * and anything else is shown as text, cut at 300 characters.
 */
export function stellarCyberErrorText(answer: Pick<LoginAnswer, 'body'>): string | undefined {
	const body = bodyObject(answer.body);
	if (body) return bodyText(body, 'error', 'message', 'detail');
	if (typeof answer.body === 'string') return textOf(answer.body)?.slice(0, 300);
	return undefined;
}

const METHOD = 'keyType';

/** The credential's form: what n8n shows and stores (every `password` field is a secret, see secrets.ts). */
const properties: INodeProperties[] = [
	baseUrlProperty('Stellar Cyber', 'https://stellar.example.com'),
	{
		displayName: 'Authentication',
		name: METHOD,
		type: 'options',
		default: 'scoped',
		options: [
			{
				name: 'Scoped API Key (5.5 and Later)',
				value: 'scoped',
				description: 'A key created under My Profile > API Keys',
			},
			{
				name: 'Legacy User API Key',
				value: 'legacy',
				description: 'A user API key, sent with the user email',
			},
			{
				name: 'Legacy User API Key, Basic Authentication on Every Call (On-Premises)',
				value: 'basic',
				description:
					"The user email and API key sent with every request, no access token: the way releases before 5.5 and the vendor's own on-premises tools sign in",
			},
		],
	},
	forMethod(
		textProperty(
			'Email',
			'email',
			'',
			'The email of the Stellar Cyber user the legacy API key belongs to',
		),
		METHOD,
		['legacy', 'basic'],
	),
	secretProperty(
		'API Key',
		'apiKey',
		'A scoped key: created under My Profile > API Keys and shown once. A legacy key: the API key of the user whose email is above',
	),
	ignoreSslProperty,
	...sessionProperties,
];

/** Stellar Cyber as the credential and the node both know it. */
export const stellarCyberProfile: VendorProfile = {
	properties,
	credentialType: 'stellarCyberApi',
	platform: 'Stellar Cyber',
	exampleUrl: 'https://stellar.example.com',
	logsIn: () => true,
	errorText: stellarCyberErrorText,
	rejectedCredential: {
		message: 'Stellar Cyber did not accept the credential',
		description:
			'Stellar Cyber answered 401 even after n8n signed in again (a fresh access token, or the email and key checked anew): check that the API key is still valid and allowed to use the public API.',
	},
};
