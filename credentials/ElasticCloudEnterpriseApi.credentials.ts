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
import { startSession } from './common/session/owner';
import { vendorLogin } from './common/vendor-login';
import { elasticCloudEnterpriseProfile } from './vendors/elastic-cloud-enterprise';

const eceLogin = vendorLogin(elasticCloudEnterpriseProfile, {
	loginRequest: (credentials) => ({
		path: '/api/v1/users/auth/_login',
		body: { username: credentials.username, password: credentials.password },
	}),
	// cloud-sdk-go renews this way; the password is sent again only when ECE refuses the refresh.
	refreshRequest: (token) => ({
		path: '/api/v1/users/auth/_refresh',
		headers: { Authorization: `Bearer ${token}` },
	}),
	readSession(answer) {
		const body = (answer.body ?? {}) as IDataObject;
		const token = String(body.token ?? '');
		return {
			token,
			expiresAt: expiryFromIso(body.session_expiration_time) ?? expiryFromJwt(token),
		};
	},
	refusedSecret: () => 'username or password',
});

export class ElasticCloudEnterpriseApi implements ICredentialType {
	name = 'elasticCloudEnterpriseApi';

	displayName = 'Elastic Cloud Enterprise API';

	icon = {
		light: 'file:../icons/elastic-cloud-enterprise.svg',
		dark: 'file:../icons/elastic-cloud-enterprise.dark.svg',
	} as const;

	documentationUrl = 'https://www.elastic.co/docs/deploy-manage/deploy/cloud-enterprise';

	properties: INodeProperties[] = elasticCloudEnterpriseProfile.properties;

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await startSession.call(this, credentials, eceLogin);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) {
		return withAuth(
			requestOptions,
			credentials,
			(): IDataObject =>
				credentials.authMethod === 'password'
					? bearer(credentials, requestOptions)
					: { Authorization: `ApiKey ${String(credentials.apiKey)}` },
		);
	}

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/api/v1/platform', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `${elasticCloudEnterpriseProfile.rejectedCredential.message}: ${elasticCloudEnterpriseProfile.rejectedCredential.description}`,
				},
			},
		],
	};
}
