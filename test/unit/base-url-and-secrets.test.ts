import { baseUrlProblem, displayUrl, parseBaseUrl } from '../../credentials/common/base-url';
import type { INode, INodeProperties } from 'n8n-workflow';

import { UtmStackApi } from '../../credentials/UtmStackApi.credentials';
import { loginRefusal } from '../../credentials/common/session/login-answers';
import { scrubSecrets, secretFields } from '../../credentials/common/secrets';
import type { VendorLogin } from '../../credentials/common/vendor-login';
import { utmStackProfile } from '../../credentials/vendors/utmstack';
import { answerError } from '../../nodes/common/api-error';
import { utmStack } from '../../nodes/UtmStack/transport';

/** The login the UTMStack credential hands its hooks (what preAuthentication runs with). */
const utmStackLogin = (): VendorLogin => ({
	...utmStackProfile,
	properties: new UtmStackApi().properties,
	loginRequest: () => ({ path: '/api/authenticate' }),
	readSession: () => ({ token: '' }),
	refusedSecret: () => 'username or password',
});

describe('base URL', () => {
	test('a trailing slash is tolerated', () => {
		expect(parseBaseUrl('https://utm.example.com/')).toBe('https://utm.example.com');
		expect(parseBaseUrl('  http://127.0.0.1:8080///  ')).toBe('http://127.0.0.1:8080');
		expect(parseBaseUrl('https://ece.example.com:12443/prefix/')).toBe(
			'https://ece.example.com:12443/prefix',
		);
	});

	test('a missing scheme is rejected, and the message shows the expected form', () => {
		expect(parseBaseUrl('utm.example.com')).toBeUndefined();
		expect(parseBaseUrl('')).toBeUndefined();
		expect(parseBaseUrl(undefined)).toBeUndefined();
		expect(parseBaseUrl('ftp://utm.example.com')).toBeUndefined();
		const problem = baseUrlProblem('UTMStack', 'utm.example.com', 'https://utmstack.example.com');
		expect(problem.message).toBe('The UTMStack base URL is not a web address n8n can use');
		expect(problem.description).toContain('for example https://utmstack.example.com');
		expect(baseUrlProblem('UTMStack', '  ', 'https://x').message).toBe(
			'The UTMStack base URL is empty',
		);
	});

	test('an unparsable URL, or one with user info, query or fragment, is refused and never echoed', () => {
		for (const raw of [
			'http://user:PASS@host:99999',
			'https://admin:PASS@utm.example.com',
			'https://utm.example.com/?token=PASS',
			'https://utm.example.com/#PASS',
			'http://[PASS',
		]) {
			expect(parseBaseUrl(raw)).toBeUndefined();
			const problem = baseUrlProblem('UTMStack', raw, 'https://utmstack.example.com');
			expect(`${problem.message} ${problem.description}`).not.toContain('PASS');
		}
		expect(displayUrl('http://user:PASS@host:99999')).not.toContain('PASS');
	});

	test('parsing is linear: 160,000 slashes and a letter take milliseconds, and a text over 2,048 characters is refused', () => {
		const hostile = `http://a${'/'.repeat(160_000)}b`;
		const started = process.hrtime.bigint();
		for (let i = 0; i < 20; i++) parseBaseUrl(hostile);
		parseBaseUrl(`https://utm.example.com${'/'.repeat(2000)}`);
		const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
		expect(elapsedMs).toBeLessThan(200);
		expect(parseBaseUrl(hostile)).toBeUndefined();
		expect(baseUrlProblem('UTMStack', hostile, 'https://x').message).toBe(
			'The UTMStack base URL is longer than 2048 characters',
		);
		expect(parseBaseUrl(`https://utm.example.com/x${'/'.repeat(2000)}`)).toBe(
			'https://utm.example.com/x',
		);
	});

	test('user info and query never reach an error text', () => {
		expect(displayUrl('https://admin:hunter22@utm.example.com/api/authenticate?x=1')).toBe(
			'https://utm.example.com/api/authenticate',
		);
	});
});

describe('secret scrubbing of vendor texts', () => {
	test("every password field of the credential's form is replaced, and nothing else", () => {
		const credentials = {
			password: 'pa55-word!',
			apiKey: 'key-123456',
			internalKey: 'int-abcdef',
			sessionToken: 'eyJ.token.sig',
			totpSecret: 'JBSWY3DPEHPK3PXP',
			username: 'admin',
		};
		const text = 'login pa55-word! key-123456 int-abcdef eyJ.token.sig JBSWY3DPEHPK3PXP for admin';
		expect(scrubSecrets(text, credentials, utmStackProfile.properties)).toBe(
			'login *** *** *** *** *** for admin',
		);
		expect(secretFields(utmStackProfile.properties)).toEqual(
			expect.arrayContaining([
				'password',
				'apiKey',
				'internalKey',
				'totpSecret',
				'sessionToken',
				'sessionFor',
				'sessionRefusal',
			]),
		);
	});

	test("a secret field added to a credential's form is scrubbed from login and request errors, with no list to edit", () => {
		const added: INodeProperties = {
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		};
		utmStackProfile.properties.push(added);
		try {
			const credentials = {
				baseUrl: 'https://utm.example.com',
				authMethod: 'password',
				username: 'admin',
				password: 'pa55-word!',
				clientSecret: 'cl1ent-S3cret-777',
			};
			const said = {
				statusCode: 401,
				body: { message: 'bad client secret cl1ent-S3cret-777' },
				headers: {},
			};
			const refusal = loginRefusal(
				utmStackLogin(),
				said,
				'https://utm.example.com/api/authenticate',
				credentials,
				Date.now(),
			);
			expect(`${refusal.message} ${refusal.description}`).toContain('bad client secret ***');
			expect(`${refusal.message} ${refusal.description}`).not.toContain('cl1ent-S3cret-777');
			const node = {
				id: 'n',
				name: 'UTMStack',
				type: 'n8n-nodes-secops.utmStack',
				typeVersion: 2,
				position: [0, 0],
				parameters: {},
			} as INode;
			const failed = answerError(
				node,
				{ status: 500, body: { message: 'backend echoed cl1ent-S3cret-777' }, headers: {} },
				utmStack,
				credentials,
				0,
			);
			expect(
				JSON.stringify({ message: failed.message, description: failed.description }),
			).not.toContain('cl1ent-S3cret-777');
			expect(failed.message).toContain('backend echoed ***');
		} finally {
			utmStackProfile.properties.splice(utmStackProfile.properties.indexOf(added), 1);
		}
	});
});
