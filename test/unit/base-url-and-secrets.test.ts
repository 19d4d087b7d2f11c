import { baseUrlProblem, displayUrl, parseBaseUrl } from '../../credentials/common/base-url';
import { scrubSecrets } from '../../credentials/common/secrets';

describe('base URL', () => {
	test('a trailing slash is tolerated', () => {
		expect(parseBaseUrl('https://utm.example.com/')).toBe('https://utm.example.com');
		expect(parseBaseUrl('  http://127.0.0.1:8080///  ')).toBe('http://127.0.0.1:8080');
		expect(parseBaseUrl('https://ece.example.com:12443/prefix/')).toBe('https://ece.example.com:12443/prefix');
	});

	test('a missing scheme is rejected, and the message shows the expected form', () => {
		expect(parseBaseUrl('utm.example.com')).toBeUndefined();
		expect(parseBaseUrl('')).toBeUndefined();
		expect(parseBaseUrl(undefined)).toBeUndefined();
		expect(parseBaseUrl('ftp://utm.example.com')).toBeUndefined();
		const problem = baseUrlProblem('UTMStack', 'utm.example.com', 'https://utmstack.example.com');
		expect(problem.message).toBe('The UTMStack base URL is "utm.example.com", which is not a web address');
		expect(problem.description).toContain('for example https://utmstack.example.com');
	});

	test('user info and query never reach an error text', () => {
		expect(displayUrl('https://admin:hunter22@utm.example.com/api/authenticate?x=1')).toBe('https://utm.example.com/api/authenticate');
	});
});

describe('secret scrubbing of vendor texts', () => {
	test('every secret field of the credential is replaced', () => {
		const credentials = { password: 'pa55-word!', apiKey: 'key-123456', internalKey: 'int-abcdef', sessionToken: 'eyJ.token.sig', username: 'admin' };
		const text = 'login pa55-word! key-123456 int-abcdef eyJ.token.sig for admin';
		expect(scrubSecrets(text, credentials)).toBe('login *** *** *** *** for admin');
	});
});
