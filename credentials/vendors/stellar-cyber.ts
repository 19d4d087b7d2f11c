import { bodyText } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

function stellarCyberErrorText(answer: Pick<LoginAnswer, 'body'>): string | undefined {
	if (typeof answer.body === 'string' && answer.body.trim() !== '') return answer.body.trim().slice(0, 300);
	return bodyText(answer.body, 'error', 'message', 'detail');
}

/** Stellar Cyber as the credential and the node both know it. */
export const stellarCyberProfile: VendorProfile = {
	credentialType: 'stellarCyberApi',
	platform: 'Stellar Cyber',
	exampleUrl: 'https://stellar.example.com',
	logsIn: () => true,
	errorText: stellarCyberErrorText,
	rejectedCredential: {
		message: 'Stellar Cyber did not accept the access token',
		description:
			'Stellar Cyber answered 401 even with a fresh access token: check that the API key is still valid and allowed to use the public API.',
	},
};
