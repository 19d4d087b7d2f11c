import type { INodeProperties } from 'n8n-workflow';

import {
	baseUrlProperty,
	forMethod,
	ignoreSslProperty,
	secretProperty,
	textProperty,
} from '../common/properties';
import { sessionProperties } from '../common/session/state';
import { bodyObject, headerText, textOf } from '../common/vendor-text';
import type { LoginAnswer } from '../common/vendor-login';
import type { VendorProfile } from './vendor-profile';

/**
 * UTMStack's error shapes (docs/provenance/utmstack.md, "Errors"): its own resources answer with no body and the text in
 * X-UtmStack-error (UtilResponse, HeaderUtil.createFailureAlert); a request that fails bean validation gets a JHipster
 * problem (application/problem+json) whose `message` is only a translation key ("error.validation") and whose
 * `fieldErrors` name each field and the reason; any other problem has a `title`. Spring's own body says only the status's reason phrase.
 */
export function utmStackErrorText(
	answer: Pick<LoginAnswer, 'body' | 'headers'>,
): string | undefined {
	const header = headerText(answer.headers, 'X-UtmStack-error');
	if (header) return header;
	const body = bodyObject(answer.body);
	if (!body) return undefined;
	const fields = Array.isArray(body.fieldErrors)
		? body.fieldErrors
				.map((entry) => entry as Record<string, unknown> | null)
				.filter((entry) => entry && textOf(entry.message))
				.map(
					(entry) =>
						`${textOf(entry?.field) ?? textOf(entry?.objectName) ?? 'request'}: ${textOf(entry?.message)}`,
				)
		: [];
	if (fields.length) return fields.join('; ');
	const message = textOf(body.message);
	const isKey = message !== undefined && /^error\.[\w.]+$/.test(message);
	// Spring's own error body ({timestamp, status, error, path}) holds only the status's reason phrase: not read
	return (isKey ? undefined : message) ?? textOf(body.detail) ?? textOf(body.title);
}

const METHOD = 'authMethod';

/** The credential's form: what n8n shows and stores (every `password` field is a secret, see secrets.ts). */
const properties: INodeProperties[] = [
	baseUrlProperty('UTMStack', 'https://utmstack.example.com'),
	{
		displayName: 'Authentication',
		name: METHOD,
		type: 'options',
		// Stays 'password': n8n saves a credential without the values left at their default (the editor's
		// saveCredential, getNodeParameters(..., returnDefaults false) in 1.123 and 2.41) and fills them from the
		// current default when it runs one, so a new default would switch every credential saved with this one.
		default: 'password',
		description:
			'For automation on a default UTMStack install, choose API Key: a default install asks every password login for a second factor (then fill in Two-Factor Secret). Username and Password stays the default so credentials saved with it keep working.',
		options: [
			{
				name: 'Username and Password',
				value: 'password',
				description: 'Log in and renew the session token when it expires',
			},
			{
				name: 'Internal Key',
				value: 'internalKey',
				description: 'Send the Utm-Internal-Key header (acts as the first administrator)',
			},
			{ name: 'API Key', value: 'apiKey', description: 'Send a per-user Utm-Api-Key header' },
		],
	},
	forMethod(
		textProperty(
			'Username',
			'username',
			'',
			'The login of a UTMStack user, as the web console asks for it (an account used only by n8n is best)',
		),
		METHOD,
		['password'],
	),
	forMethod(secretProperty('Password', 'password', "That user's password"), METHOD, ['password']),
	forMethod(
		{
			...secretProperty(
				'Two-Factor Secret',
				'totpSecret',
				'For an account with two-factor login by authenticator app: the secret (base32) UTMStack showed when it was set up. n8n then answers the code itself. Leave empty for an account without two-factor login; codes sent by email cannot be answered.',
			),
			required: false,
		},
		METHOD,
		['password'],
	),
	forMethod(
		secretProperty('Internal Key', 'internalKey', 'The INTERNAL_KEY of the UTMStack backend'),
		METHOD,
		['internalKey'],
	),
	forMethod(
		secretProperty('API Key', 'apiKey', 'A UTMStack API key (Settings > API Keys)'),
		METHOD,
		['apiKey'],
	),
	ignoreSslProperty,
	...sessionProperties,
];

/** UTMStack as the credential and the node both know it. */
export const utmStackProfile: VendorProfile = {
	properties,
	credentialType: 'utmStackApi',
	platform: 'UTMStack',
	exampleUrl: 'https://utmstack.example.com',
	logsIn: (credentials) => credentials.authMethod === 'password',
	errorText: utmStackErrorText,
	// UtmIncidentResource catches ResponseStatusException(NOT_FOUND) from wrapOrNotFound and answers 500 with it in
	// X-UtmStack-error; UtmIncidentService says "Incident not found"; a note on a missing incident breaks the
	// note's foreign key (docs/provenance/utmstack.md M9).
	isNotFound: (answer) =>
		answer.status === 500 &&
		/404 NOT_FOUND|Incident not found|fk_utm_incident_note_incident_id/i.test(
			utmStackErrorText(answer) ?? '',
		),
	rejectedCredential: {
		message: 'UTMStack did not accept the credential',
		description:
			'UTMStack answered 401: check the Internal Key or API Key (or the username and password) in the credential, and that the key has not expired or been limited to other IP addresses.',
	},
};
