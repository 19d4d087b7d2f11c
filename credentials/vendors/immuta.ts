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
	logsIn: () => true,
	errorText: immutaErrorText,
	rejectedCredential: {
		message: 'Immuta did not accept the session token',
		description: 'Immuta answered 401 even with a fresh token: check that the API key or user is still valid in Immuta.',
	},
};
