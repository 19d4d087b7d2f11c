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
import { expiryFromEpochSeconds, expiryFromJwt } from './common/expiry';
import { sessionHeaders, startSession } from './common/session/owner';
import { vendorLogin } from './common/vendor-login';
import { stellarCyberProfile } from './vendors/stellar-cyber';

const basicAuthorization = (credentials: ICredentialDataDecryptedObject) =>
	`Basic ${Buffer.from(`${String(credentials.email)}:${String(credentials.apiKey)}`).toString('base64')}`;

/**
 * What the Basic method keeps instead of a token: that these very settings were accepted (sealed like a token, so a
 * changed email or key is checked anew). It is no secret; the email and key go with every request.
 */
const BASIC_ACCEPTED = 'basic-authentication-accepted';

const stellarCyberLogin = vendorLogin(stellarCyberProfile, {
	loginRequest(credentials) {
		// Basic on every call (the authentication guide's "Basic Authentication", still available; the vendor's
		// jira-case-sync on-premises): the email and key are checked once with a read every user may make, no token.
		if (credentials.keyType === 'basic')
			return {
				method: 'GET',
				path: '/connect/api/v1/cases?limit=1',
				headers: { Authorization: basicAuthorization(credentials) },
			};
		// Since 5.5 API keys are scoped and sent as a Bearer; older releases use Basic email:key.
		const authorization =
			credentials.keyType === 'legacy'
				? basicAuthorization(credentials)
				: `Bearer ${String(credentials.apiKey)}`;
		return { path: '/connect/api/v1/access_token', headers: { Authorization: authorization } };
	},
	readSession(answer, credentials) {
		if (credentials.keyType === 'basic') return { token: BASIC_ACCEPTED };
		const body = (answer.body ?? {}) as IDataObject;
		const token = String(body.access_token ?? '');
		return { token, expiresAt: expiryFromEpochSeconds(body.exp) ?? expiryFromJwt(token) };
	},
	refusedSecret: (credentials) =>
		credentials.keyType === 'scoped' ? 'API key' : 'email or API key',
});

export class StellarCyberApi implements ICredentialType {
	name = 'stellarCyberApi';

	displayName = 'Stellar Cyber API';

	icon = {
		light: 'file:../icons/stellar-cyber.svg',
		dark: 'file:../icons/stellar-cyber.dark.svg',
	} as const;

	documentationUrl = 'https://docs.stellarcyber.ai';

	properties: INodeProperties[] = stellarCyberProfile.properties;

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await startSession.call(this, credentials, stellarCyberLogin);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) {
		if (credentials.keyType === 'basic')
			return withAuth(requestOptions, credentials, () =>
				sessionHeaders(credentials, requestOptions, () => ({
					Authorization: basicAuthorization(credentials),
				})),
			);
		return withAuth(requestOptions, credentials, () => bearer(credentials, requestOptions));
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/connect/api/v1/tenants',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Stellar Cyber accepted the API key, but it may not list tenants (HTTP 403)',
				},
			},
			// not every instance is an MSSP parent: stellarcyber-galaxy treats a 404 here as "no tenants"
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Stellar Cyber accepted the API key; this instance has no tenant list (HTTP 404, not a multi-tenant instance)',
				},
			},
		],
	};
}
