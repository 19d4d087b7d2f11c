import type { INodeProperties } from 'n8n-workflow';

import {
	baseUrlProperty,
	forMethod,
	ignoreSslProperty,
	secretProperty,
	textProperty,
} from '../common/properties';
import { sessionProperties } from '../common/session/state';
import { headerText } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

/** ECE answers errors as {errors: [{code, message}]} and repeats the codes in x-cloud-error-codes. */
function eceErrorText(answer: Pick<LoginAnswer, 'body' | 'headers'>): string | undefined {
	const errors = (
		answer.body as { errors?: Array<{ message?: unknown; code?: unknown }> } | undefined
	)?.errors;
	if (Array.isArray(errors)) {
		const messages = errors
			.map((error) => error?.message)
			.filter((text): text is string => typeof text === 'string' && text !== '');
		if (messages.length) return messages.join('; ');
	}
	return headerText(answer.headers, 'x-cloud-error-codes');
}

const METHOD = 'authMethod';

/** The credential's form: what n8n shows and stores (every `password` field is a secret, see secrets.ts). */
const properties: INodeProperties[] = [
	{
		...baseUrlProperty('Elastic Cloud Enterprise', 'https://coordinator.example.com:12443'),
		description: 'The address of the ECE coordinator, usually on port 12443',
	},
	{
		displayName: 'Authentication Method',
		name: METHOD,
		type: 'options',
		default: 'apiKey',
		options: [
			{
				name: 'API Key',
				value: 'apiKey',
				description: 'Send Authorization: ApiKey with a key from the Cloud UI',
			},
			{
				name: 'Username and Password',
				value: 'password',
				description: 'Log in and renew the session token when it expires',
			},
		],
	},
	forMethod(secretProperty('API Key', 'apiKey'), METHOD, ['apiKey']),
	forMethod(textProperty('Username', 'username'), METHOD, ['password']),
	forMethod(secretProperty('Password', 'password'), METHOD, ['password']),
	ignoreSslProperty,
	...sessionProperties,
];

/** Elastic Cloud Enterprise as the credential and the node both know it. */
export const elasticCloudEnterpriseProfile: VendorProfile = {
	properties,
	credentialType: 'elasticCloudEnterpriseApi',
	platform: 'Elastic Cloud Enterprise',
	exampleUrl: 'https://coordinator.example.com:12443',
	logsIn: (credentials) => credentials.authMethod === 'password',
	errorText: eceErrorText,
	keyExpiresAt(headers) {
		const at = Date.parse(headerText(headers, 'X-Elastic-Api-Key-Expiration') ?? '');
		return Number.isNaN(at) ? undefined : new Date(at);
	},
	rejectedCredential: {
		message: 'Elastic Cloud Enterprise did not accept the credential',
		description:
			'ECE answered 401 (root.unauthenticated): check the API key (or username and password), and that the key has not expired. Built-in admin and readonly users cannot have API keys.',
	},
};
