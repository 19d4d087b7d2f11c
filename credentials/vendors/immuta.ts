import { bodyText } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

function immutaErrorText(answer: Pick<LoginAnswer, 'body'>): string | undefined {
	return bodyText(answer.body, 'message', 'error');
}

/** Immuta as the credential and the node both know it. */
export const immutaProfile: VendorProfile = {
	credentialType: 'immutaApi',
	platform: 'Immuta',
	exampleUrl: 'https://immuta.example.com',
	// "API Key (Direct)" sends the key itself (Immuta SaaS and its V2 API): no exchange, no token.
	logsIn: (credentials) => credentials.authMethod !== 'apiKeyDirect',
	errorText: immutaErrorText,
	rejectedCredential: {
		message: 'Immuta did not accept the credential',
		description: 'Immuta answered 401 (with a fresh session token, or to the API key sent directly): check that the API key or user is still valid in Immuta.',
	},
};
