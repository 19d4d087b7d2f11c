import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { bearer, withAuth } from './common/authenticate';
import { expiryFromIso, expiryFromJwt } from './common/expiry';
import {
	baseUrlProperty,
	forMethod,
	ignoreSslProperty,
	secretProperty,
	sessionProperties,
	textProperty,
} from './common/properties';
import { startSession } from './common/session';
import { headerText } from './common/vendor-text';
import type { LoginAnswer, VendorLogin } from './common/vendor-login';

/** ECE answers errors as {errors: [{code, message}]} and repeats the codes in x-cloud-error-codes. */
export function eceErrorText(answer: Pick<LoginAnswer, 'body' | 'headers'>): string | undefined {
	const errors = (answer.body as { errors?: Array<{ message?: unknown; code?: unknown }> } | undefined)?.errors;
	if (Array.isArray(errors)) {
		const messages = errors.map((error) => error?.message).filter((text): text is string => typeof text === 'string' && text !== '');
		if (messages.length) return messages.join('; ');
	}
	return headerText(answer.headers, 'x-cloud-error-codes');
}

export const eceRejectedCredential = {
	message: 'Elastic Cloud Enterprise did not accept the credential',
	description:
		'ECE answered 401 (root.unauthenticated): check the API key (or username and password), and that the key has not expired. Built-in admin and readonly users cannot have API keys.',
};

const eceLogin: VendorLogin = {
	platform: 'Elastic Cloud Enterprise',
	exampleUrl: 'https://coordinator.example.com:12443',
	logsIn: (credentials) => credentials.authMethod === 'password',
	loginRequest: (credentials) => ({
		path: '/api/v1/users/auth/_login',
		body: { username: credentials.username, password: credentials.password },
	}),
	readSession(answer) {
		const body = (answer.body ?? {}) as IDataObject;
		const token = String(body.token ?? '');
		return { token, expiresAt: expiryFromIso(body.session_expiration_time) ?? expiryFromJwt(token) };
	},
	refusedSecret: () => 'username or password',
	errorText: eceErrorText,
};

const METHOD = 'authMethod';

export class ElasticCloudEnterpriseApi implements ICredentialType {
	name = 'elasticCloudEnterpriseApi';

	displayName = 'Elastic Cloud Enterprise API';

	icon = 'file:../icons/ece.svg' as const;

	documentationUrl = 'https://www.elastic.co/docs/deploy-manage/deploy/cloud-enterprise';

	properties: INodeProperties[] = [
		{ ...baseUrlProperty('Elastic Cloud Enterprise', eceLogin.exampleUrl), description: 'The address of the ECE coordinator, usually on port 12443' },
		{
			displayName: 'Authentication Method',
			name: METHOD,
			type: 'options',
			default: 'apiKey',
			options: [
				{ name: 'API Key', value: 'apiKey', description: 'Send Authorization: ApiKey with a key from the Cloud UI' },
				{ name: 'Username and Password', value: 'password', description: 'Log in and renew the session token when it expires' },
			],
		},
		forMethod(secretProperty('API Key', 'apiKey'), METHOD, ['apiKey']),
		forMethod(textProperty('Username', 'username'), METHOD, ['password']),
		forMethod(secretProperty('Password', 'password'), METHOD, ['password']),
		ignoreSslProperty,
		...sessionProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await startSession.call(this, credentials, eceLogin);
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) {
		const headers: IDataObject =
			credentials.authMethod === 'password' ? bearer(credentials) : { Authorization: `ApiKey ${String(credentials.apiKey)}` };
		return withAuth(requestOptions, headers, credentials);
	}

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/api/v1/platform', method: 'GET' },
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: `${eceRejectedCredential.message}: ${eceRejectedCredential.description}` } },
		],
	};
}
