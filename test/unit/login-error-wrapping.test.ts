import type { INode } from 'n8n-workflow';

import { LoginError, UNTIL_A_PERSON_ACTS } from '../../credentials/common/login-error';
import { sealFor } from '../../credentials/common/session/seal';
import { refusalFields } from '../../credentials/common/session/state';
import { requestFailedError } from '../../nodes/common/api-error';
import { utmStack } from '../../nodes/UtmStack/transport';

/**
 * A login refused in the credential's hook reaches the node wrapped by n8n: under `cause` (2.x) or under
 * `errorResponse` (1.x, as when the node runs as an AI agent's tool). Either way the node shows the
 * refusal itself, never "Could not reach".
 */
const node: INode = {
	id: 'n1',
	name: 'UTMStack',
	type: 'n8n-nodes-secops.utmStackTool',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const refusal = new LoginError(
	'UTMStack rejected the login: wrong username or password',
	'Check the username or password in the credential (HTTP 401).',
	UNTIL_A_PERSON_ACTS,
);

describe.each([
	['2.x, under cause', { message: 'outer', cause: { message: 'middle', cause: refusal } }],
	[
		'1.x, under errorResponse',
		{
			message: 'UTMStack rejected the login: wrong username or password',
			errorResponse: { message: 'middle', errorResponse: refusal },
		},
	],
	[
		'copied across module contexts (matched by name)',
		{
			message: 'outer',
			errorResponse: {
				name: 'LoginError',
				message: refusal.message,
				description: refusal.description,
			},
		},
	],
])('a refused login wrapped by n8n %s', (_label, wrapped) => {
	test('is reported as the refusal, with its description', () => {
		const error = requestFailedError(node, wrapped, utmStack, {}, 0);
		expect(error.message).toBe(refusal.message);
		expect(error.description).toBe(refusal.description);
	});
});

test('a request that got no answer still says the platform could not be reached', () => {
	const error = requestFailedError(
		node,
		{ message: 'outer', cause: { message: 'socket hang up' } },
		utmStack,
		{},
		0,
	);
	expect(error.message).toBe('Could not reach UTMStack: socket hang up');
});

describe('a refused login n8n 1.x reported as its own error, without the original', () => {
	const credentials = {
		baseUrl: 'https://utmstack.example.test',
		authMethod: 'password',
		username: 'soc-bot',
		password: 'Not-the-password-1',
	};
	const copied = {
		name: 'NodeApiError',
		message: refusal.message,
		description: refusal.description,
	};
	const stored = () =>
		refusalFields({
			for: sealFor(credentials),
			at: new Date().toISOString(),
			message: refusal.message,
			description: refusal.description,
		});

	test('is reported as the refusal when the credential saved it', () => {
		const saved = { ...credentials, ...stored() };
		const error = requestFailedError(node, copied, utmStack, saved, 0);
		expect(error.message).toBe(refusal.message);
		expect(error.description).toBe(refusal.description);
	});

	test('a refusal saved for other settings (another user) does not count', () => {
		const saved = { ...credentials, ...stored(), username: 'someone-else' };
		expect(requestFailedError(node, copied, utmStack, saved, 0).message).toBe(
			`Could not reach UTMStack: ${refusal.message}`,
		);
	});
});
