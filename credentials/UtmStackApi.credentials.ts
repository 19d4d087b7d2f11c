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
import { expiryFromJwt } from './common/expiry';
import { LoginError, UNTIL_A_PERSON_ACTS } from './common/login-error';
import { base32Key, totpCode } from './common/totp';
import { startSession } from './common/session/owner';
import { headerText } from './common/vendor-text';
import { vendorLogin } from './common/vendor-login';
import { utmStackProfile } from './vendors/utmstack';

const utmStackLogin = vendorLogin(utmStackProfile, {
	loginRequest(credentials) {
		// A secret that cannot give a code is said before the password is sent.
		if (
			String(credentials.totpSecret ?? '').trim() !== '' &&
			!base32Key(String(credentials.totpSecret))
		) {
			throw new LoginError(
				'The "Two-Factor Secret" is not an authenticator secret',
				'Enter the base32 text UTMStack showed when two-factor login was set up (letters A-Z and digits 2-7).',
			);
		}
		return {
			path: '/api/authenticate',
			body: { username: credentials.username, password: credentials.password, rememberMe: false },
		};
	},
	secondStep(answer, credentials, nowMs) {
		const body = (answer.body ?? {}) as IDataObject;
		// Older UTMStack answers {id_token, authenticated}; since 2025 {success, token, tfaConfigured, forceTfa, method, ...}.
		// The states of UserJWTController.authorize (docs/provenance/utmstack.md): no second factor asked
		// (APP_TFA_ENABLED=false), a code by authenticator app (TOTP) or by email, or none set up yet (enrollment).
		const legacyTfa = body.authenticated === false;
		if (!legacyTfa && body.tfaConfigured !== true && body.forceTfa !== true) return undefined;
		if (!legacyTfa && body.forceTfa === true && body.tfaConfigured !== true) {
			throw new LoginError(
				'The UTMStack account has to set up two-factor login first',
				'UTMStack asks every password login for a second factor (its default) and this account has none set up yet, so no code can be answered. Sign in once in the UTMStack web console and set up an authenticator app, then put its secret in "Two-Factor Secret"; or choose "API Key" (a per-user key, the way in for automation on a default install).',
				UNTIL_A_PERSON_ACTS,
			);
		}
		const method = String(body.method ?? (legacyTfa ? 'EMAIL' : '')).toUpperCase();
		const secret = String(credentials.totpSecret ?? '').trim();
		if (method !== 'TOTP') {
			throw new LoginError(
				'The UTMStack account asks for a two-factor code sent by email',
				'n8n cannot read an emailed code. Choose "API Key" or "Internal Key" as the authentication method, or an account whose two-factor login uses an authenticator app (then put its secret in "Two-Factor Secret").',
				UNTIL_A_PERSON_ACTS,
			);
		}
		if (secret === '') {
			throw new LoginError(
				'The UTMStack account has two-factor login turned on',
				'Put the account\'s authenticator secret in "Two-Factor Secret" so n8n can answer the code, or choose "API Key" or "Internal Key" as the authentication method.',
				UNTIL_A_PERSON_ACTS,
			);
		}
		const key = base32Key(secret) ?? Buffer.alloc(0);
		const temporary = String(
			body.token ??
				body.id_token ??
				headerText(answer.headers, 'Authorization')?.replace(/^Bearer\s+/i, '') ??
				'',
		);
		return {
			path: '/api/tfa/verify-code',
			body: totpCode(key, nowMs),
			headers: { Authorization: `Bearer ${temporary}`, 'Content-Type': 'text/plain' },
		};
	},
	secondStepRefused: (answer) =>
		new LoginError(
			'UTMStack refused the two-factor code',
			`${utmStackProfile.errorText(answer) ?? `HTTP ${answer.statusCode}`}. Check "Two-Factor Secret" (the one set up for this account) and that the n8n server's clock is right; n8n does not try again with this secret.`,
			UNTIL_A_PERSON_ACTS,
		),
	readSession(answer) {
		const body = (answer.body ?? {}) as IDataObject;
		const headerToken = headerText(answer.headers, 'Authorization')?.replace(/^Bearer\s+/i, '');
		const token = String(body.token ?? body.id_token ?? headerToken ?? '');
		return { token, expiresAt: expiryFromJwt(token) };
	},
	refusedSecret: () => 'username or password',
	explainStatus: {
		// LoginAttemptService: 10 failed logins from one client address block it until 10 minutes after the last one
		// (expireAfterWrite; an attempt while blocked is not counted). It proves nothing about this secret.
		423: {
			message: 'UTMStack is refusing logins from this n8n server',
			description:
				'UTMStack blocks a client address after 10 failed logins and lifts the block 10 minutes after the last one (HTTP 423). It applies to every account logging in from this n8n server, whatever its password; n8n tries once more when the 10 minutes have passed.',
			hold: { forMs: 10 * 60_000 },
		},
	},
});

export class UtmStackApi implements ICredentialType {
	name = 'utmStackApi';

	displayName = 'UTMStack API';

	icon = { light: 'file:../icons/utmstack.svg', dark: 'file:../icons/utmstack.dark.svg' } as const;

	documentationUrl = 'https://docs.utmstack.com';

	properties: INodeProperties[] = utmStackProfile.properties;

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await startSession.call(this, credentials, utmStackLogin);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) {
		return withAuth(
			requestOptions,
			credentials,
			(): IDataObject =>
				credentials.authMethod === 'internalKey'
					? { 'Utm-Internal-Key': credentials.internalKey }
					: credentials.authMethod === 'apiKey'
						? { 'Utm-Api-Key': credentials.apiKey }
						: bearer(credentials, requestOptions),
		);
	}

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/api/account', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `${utmStackProfile.rejectedCredential.message}: ${utmStackProfile.rejectedCredential.description}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'UTMStack accepted the credential, but this user may not read its own account (HTTP 403)',
				},
			},
		],
	};
}
