import { bodyText, headerText } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

/** UTMStack puts its error text in this header and often sends no body at all. */
function utmStackErrorText(answer: Pick<LoginAnswer, 'body' | 'headers'>): string | undefined {
	return headerText(answer.headers, 'X-UtmStack-error') ?? bodyText(answer.body, 'message', 'detail', 'title');
}

/** UTMStack as the credential and the node both know it. */
export const utmStackProfile: VendorProfile = {
	credentialType: 'utmStackApi',
	platform: 'UTMStack',
	exampleUrl: 'https://utmstack.example.com',
	logsIn: (credentials) => credentials.authMethod === 'password',
	errorText: utmStackErrorText,
	// UtmIncidentResource catches ResponseStatusException(NOT_FOUND) from wrapOrNotFound and answers 500 with it in
	// X-UtmStack-error; UtmIncidentService says "Incident not found"; a note on a missing incident breaks the
	// note's foreign key (docs/provenance/utmstack.md M9).
	isNotFound: (answer) => answer.status === 500 && /404 NOT_FOUND|Incident not found|fk_utm_incident_note_incident_id/i.test(utmStackErrorText(answer) ?? ''),
	rejectedCredential: {
		message: 'UTMStack did not accept the credential',
		description:
			'UTMStack answered 401: check the Internal Key or API Key (or the username and password) in the credential, and that the key has not expired or been limited to other IP addresses.',
	},
};
