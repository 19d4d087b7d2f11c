import type { INodeProperties } from 'n8n-workflow';

import {
	baseUrlProperty,
	forMethod,
	ignoreSslProperty,
	secretProperty,
	textProperty,
} from '../common/properties';
import { sessionProperties } from '../common/session/state';
import { bodyObject, headerText, textOf, texts } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

/** ECE's BasicFailedReply elements (ece-swagger.json): `code` and `message` always, `fields` when the error is tied to them. */
function eceErrors(body: unknown): Array<Record<string, unknown>> {
	const errors = bodyObject(body)?.errors;
	return Array.isArray(errors)
		? errors.filter(
				(error): error is Record<string, unknown> => !!error && typeof error === 'object',
			)
		: [];
}

/** Each error's message, with the request fields it names: "The field prune_orphans is required (prune_orphans)". */
export function eceErrorText(answer: Pick<LoginAnswer, 'body' | 'headers'>): string | undefined {
	const messages = eceErrors(answer.body).flatMap((error) => {
		const message = textOf(error.message);
		if (!message) return [];
		const fields = texts(error.fields);
		return [fields.length ? `${message} (${fields.join(', ')})` : message];
	});
	return messages.length ? messages.join('; ') : headerText(answer.headers, 'x-cloud-error-codes');
}

/** ECE's structured codes ("deployments.deployment_not_found"), from the body or the x-cloud-error-codes header. */
function eceErrorCode(answer: Pick<LoginAnswer, 'body' | 'headers'>): string | undefined {
	const codes = eceErrors(answer.body).flatMap((error) => texts([error.code]));
	return codes.length ? codes.join(', ') : headerText(answer.headers, 'x-cloud-error-codes');
}

const METHOD = 'authMethod';

/** The credential's form: what n8n shows and stores (every `password` field is a secret, see secrets.ts). */
const properties: INodeProperties[] = [
	{
		...baseUrlProperty('Elastic Cloud Enterprise', 'https://coordinator.example.com:12443'),
		description: 'The address of the ECE coordinator, usually on port 12443',
	},
	{
		displayName: 'Authentication',
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
	forMethod(
		secretProperty(
			'API Key',
			'apiKey',
			'A key generated in the Cloud UI (user menu > API Keys), shown once when it is made',
		),
		METHOD,
		['apiKey'],
	),
	forMethod(
		textProperty(
			'Username',
			'username',
			'',
			'An ECE user, as you log in to the Cloud UI (for example admin or readonly)',
		),
		METHOD,
		['password'],
	),
	forMethod(secretProperty('Password', 'password', "That user's password"), METHOD, ['password']),
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
	errorCode: eceErrorCode,
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
