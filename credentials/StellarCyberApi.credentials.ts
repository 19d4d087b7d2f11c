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
import { startSession } from './common/session/owner';
import { vendorLogin } from './common/vendor-login';
import { stellarCyberProfile } from './vendors/stellar-cyber';

const stellarCyberLogin = vendorLogin(stellarCyberProfile, {
	loginRequest(credentials) {
		// Since 5.5 API keys are scoped and sent as a Bearer; older releases use Basic email:key.
		const authorization =
			credentials.keyType === 'legacy'
				? `Basic ${Buffer.from(`${String(credentials.email)}:${String(credentials.apiKey)}`).toString('base64')}`
				: `Bearer ${String(credentials.apiKey)}`;
		return { path: '/connect/api/v1/access_token', headers: { Authorization: authorization } };
	},
	readSession(answer) {
		const body = (answer.body ?? {}) as IDataObject;
		const token = String(body.access_token ?? '');
		return { token, expiresAt: expiryFromEpochSeconds(body.exp) ?? expiryFromJwt(token) };
	},
	refusedSecret: (credentials) =>
		credentials.keyType === 'legacy' ? 'email or API key' : 'API key',
});

export class StellarCyberApi implements ICredentialType {
	name = 'stellarCyberApi';

	displayName = 'Stellar Cyber API';

	icon = {
		light: 'file:../icons/stellarcyber.svg',
		dark: 'file:../icons/stellarcyber.dark.svg',
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
