import { headerText } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

/** ECE answers errors as {errors: [{code, message}]} and repeats the codes in x-cloud-error-codes. */
function eceErrorText(answer: Pick<LoginAnswer, 'body' | 'headers'>): string | undefined {
	const errors = (answer.body as { errors?: Array<{ message?: unknown; code?: unknown }> } | undefined)?.errors;
	if (Array.isArray(errors)) {
		const messages = errors.map((error) => error?.message).filter((text): text is string => typeof text === 'string' && text !== '');
		if (messages.length) return messages.join('; ');
	}
	return headerText(answer.headers, 'x-cloud-error-codes');
}

/** Elastic Cloud Enterprise as the credential and the node both know it. */
export const elasticCloudEnterpriseProfile: VendorProfile = {
	credentialType: 'elasticCloudEnterpriseApi',
	platform: 'Elastic Cloud Enterprise',
	exampleUrl: 'https://coordinator.example.com:12443',
	logsIn: (credentials) => credentials.authMethod === 'password',
	errorText: eceErrorText,
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
