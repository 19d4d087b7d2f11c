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
import { LoginError, UNTIL_A_PERSON_ACTS } from './common/login-error';
import { startSession } from './common/session/owner';
import { vendorLogin } from './common/vendor-login';
import { immutaProfile } from './vendors/immuta';

const immutaLogin = vendorLogin(immutaProfile, {
	loginRequest: (credentials) =>
		credentials.authMethod === 'password'
			? {
					path: `/bim/iam/${encodeURIComponent(String(credentials.iamId || 'bim'))}/user/authenticate`,
					body: { username: credentials.username, password: credentials.password },
				}
			: { path: '/bim/apikey/authenticate', body: { apikey: credentials.apiKey } },
	readSession(answer) {
		const body = (answer.body ?? {}) as IDataObject;
		if (body.authenticated === false) {
			throw new LoginError(
				'Immuta did not authenticate this login',
				'Check the credential: Immuta answered authenticated=false.',
				UNTIL_A_PERSON_ACTS,
			);
		}
		const token = String(body.token ?? '');
		return { token, expiresAt: expiryFromIso(body.tokenExpiration) ?? expiryFromJwt(token) };
	},
	refusedSecret: (credentials) =>
		credentials.authMethod === 'password' ? 'username or password' : 'API key',
});

export class ImmutaApi implements ICredentialType {
	name = 'immutaApi';

	displayName = 'Immuta API';

	icon = { light: 'file:../icons/immuta.svg', dark: 'file:../icons/immuta.dark.svg' } as const;

	documentationUrl = 'https://documentation.immuta.com';

	properties: INodeProperties[] = immutaProfile.properties;

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await startSession.call(this, credentials, immutaLogin);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) {
		// Immuta takes a raw API key as the whole Authorization header, with no "Bearer".
		return withAuth(
			requestOptions,
			credentials,
			(): IDataObject =>
				credentials.authMethod === 'apiKeyDirect'
					? { Authorization: String(credentials.apiKey) }
					: bearer(credentials, requestOptions),
		);
	}

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/bim/rpc/user/current', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `${immutaProfile.rejectedCredential.message}: ${immutaProfile.rejectedCredential.description}`,
				},
			},
		],
	};
}
