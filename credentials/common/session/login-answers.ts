import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { displayUrl } from './base-url';
import { LoginError } from './login-error';
import { scrubSecrets } from './secrets';
import type { LoginAnswer, VendorLogin } from './vendor-login';

export const NOT_TRIED_AGAIN =
	'n8n does not try it again (in any execution, worker or restart), so the account is not locked: edit the credential to try again.';

/** Turns a non-2xx login answer into one clear error in the user's words, without any secret. */
export function loginRefusal(
	vendor: VendorLogin,
	answer: LoginAnswer,
	url: string,
	credentials: ICredentialDataDecryptedObject,
): LoginError {
	const { platform } = vendor;
	const status = answer.statusCode;
	const vendorText = vendor.errorText(answer);
	const said = vendorText ? ` ${platform} said: "${scrubSecrets(vendorText, credentials, vendor.properties)}".` : '';

	const specific = vendor.explainStatus?.[status];
	if (specific) return new LoginError(specific.message, `${specific.description}${said} ${NOT_TRIED_AGAIN}`, true);

	if (status === 401 || status === 403) {
		const secret = vendor.refusedSecret(credentials);
		return new LoginError(
			`${platform} rejected the login: wrong ${secret}`,
			`Check the ${secret} in the credential (HTTP ${status}).${said} ${NOT_TRIED_AGAIN}`,
			true,
		);
	}
	if (status === 404 || status === 405) {
		return new LoginError(
			`${platform} has no login endpoint at ${displayUrl(url)}`,
			`Check the base URL: it should be the address of ${platform} itself, for example ${vendor.exampleUrl} (HTTP ${status}).${said}`,
		);
	}
	if (status === 429) {
		return new LoginError(
			`${platform} is refusing logins for now: too many attempts`,
			`Wait before trying again (HTTP 429).${said}`,
			true,
			true,
		);
	}
	if (status >= 500) {
		return new LoginError(
			`${platform} could not process the login (HTTP ${status})`,
			`The server failed while logging in; try again later or ask its administrator.${said}`,
			false,
			true,
		);
	}
	return new LoginError(`${platform} refused the login (HTTP ${status})`, `Check the credential.${said}`, true);
}
