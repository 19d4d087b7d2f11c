import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { displayUrl } from '../base-url';
import { LoginError, UNTIL_A_PERSON_ACTS, type LoginHold } from '../login-error';
import { boundedWaitMs } from '../retry-after';
import { scrubSecrets } from '../secrets';
import type { LoginAnswer, VendorLogin } from '../vendor-login';

/**
 * Every login answer by what it proves about the secret. The one table (README "When a login is refused" and
 * docs/provenance/sessions.md carry it with sources):
 *
 * | answer                                                     | proves                         | hold                                  |
 * | 401, 403 from the login endpoint                           | the secret is wrong            | until a field changes or a Test       |
 * | a 2xx that refuses (two-factor n8n cannot answer, enrol    | a person must act              | until a field changes or a Test       |
 * |   first, Immuta authenticated=false), a refused 2nd factor |                                |                                       |
 * | a platform's documented block (UTMStack 423)               | nothing: the address is blocked| the platform's window (UTMStack 10 min)|
 * | 429, 5xx, any other status, a redirect, a 2xx with no      | nothing about the secret       | Retry-After (bounded, <= 15 min),     |
 * |   token (a proxy page), no answer (timeout, refused conn.) |                                |   else 60 s; then one attempt         |
 *
 * An answer this table does not name proves nothing: it gets the bounded hold, never "for good".
 */

export const NOT_TRIED_AGAIN =
	'n8n does not try it again (in any execution, worker or restart), so the account is not locked: correct the credential, or fix the cause on the platform and press "Test" in the credential to try once more.';

/** A bounded hold from the answer's Retry-After, or the default wait. */
export function waitHold(
	answer: Pick<LoginAnswer, 'headers'> | undefined,
	nowMs: number,
): LoginHold {
	return { forMs: boundedWaitMs(answer?.headers, nowMs) };
}

/** Turns a non-2xx login answer into one clear error in the user's words, without any secret, with its hold. */
export function loginRefusal(
	vendor: VendorLogin,
	answer: LoginAnswer,
	url: string,
	credentials: ICredentialDataDecryptedObject,
	nowMs: number,
): LoginError {
	const { platform } = vendor;
	const status = answer.statusCode;
	const vendorText = vendor.errorText(answer);
	const said = vendorText
		? ` ${platform} said: "${scrubSecrets(vendorText, credentials, vendor.properties)}".`
		: '';

	const specific = vendor.explainStatus?.[status];
	if (specific) {
		const note = specific.hold === UNTIL_A_PERSON_ACTS ? ` ${NOT_TRIED_AGAIN}` : '';
		return new LoginError(specific.message, `${specific.description}${said}${note}`, specific.hold);
	}

	if (status === 401 || status === 403) {
		const secret = vendor.refusedSecret(credentials);
		return new LoginError(
			`${platform} rejected the login: wrong ${secret}`,
			`Check the ${secret} in the credential (HTTP ${status}).${said} ${NOT_TRIED_AGAIN}`,
			UNTIL_A_PERSON_ACTS,
		);
	}
	const hold = waitHold(answer, nowMs);
	if (status === 404 || status === 405) {
		return new LoginError(
			`${platform} has no login endpoint at ${displayUrl(url)}`,
			`Check the base URL: it should be the address of ${platform} itself, for example ${vendor.exampleUrl} (HTTP ${status}).${said}`,
			hold,
		);
	}
	if (status === 429) {
		return new LoginError(
			`${platform} is refusing logins for now: too many attempts`,
			`Wait before trying again (HTTP 429).${said}`,
			hold,
		);
	}
	if (status >= 500) {
		return new LoginError(
			`${platform} could not process the login (HTTP ${status})`,
			`The server failed while logging in; try again later or ask its administrator.${said}`,
			hold,
		);
	}
	// 400, 408, 422 ... from the platform or from a proxy or firewall in front of it: nothing proves the secret wrong.
	return new LoginError(
		`${platform} refused the login (HTTP ${status})`,
		`Check the credential and the base URL; n8n tries once more later.${said}`,
		hold,
	);
}
