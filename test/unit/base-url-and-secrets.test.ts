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
		expect(problem.message).toBe('The UTMStack base URL is not a web address n8n can use');
		expect(problem.description).toContain('for example https://utmstack.example.com');
		expect(baseUrlProblem('UTMStack', '  ', 'https://x').message).toBe('The UTMStack base URL is empty');
	});

	test('an unparsable URL, or one with user info, query or fragment, is refused and never echoed', () => {
		for (const raw of ['http://user:PASS@host:99999', 'https://admin:PASS@utm.example.com', 'https://utm.example.com/?token=PASS', 'https://utm.example.com/#PASS', 'http://[PASS']) {
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
		expect(baseUrlProblem('UTMStack', hostile, 'https://x').message).toBe('The UTMStack base URL is longer than 2048 characters');
		expect(parseBaseUrl(`https://utm.example.com/x${'/'.repeat(2000)}`)).toBe('https://utm.example.com/x');
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
