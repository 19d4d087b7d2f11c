import { base32Key, totpCode } from '../../credentials/common/totp';

/** RFC 6238 appendix B (SHA-1 key "12345678901234567890"), and the base32 form authenticator apps show. */
describe('TOTP codes', () => {
	const rfcKey = Buffer.from('12345678901234567890', 'ascii');

	test.each([
		[59, '94287082'],
		[1111111109, '07081804'],
		[1111111111, '14050471'],
		[1234567890, '89005924'],
		[2000000000, '69279037'],
		[20000000000, '65353130'],
	])('at %i s the 8-digit code is %s', (seconds, code) => {
		expect(totpCode(rfcKey, seconds * 1000, 8)).toBe(code);
	});

	test('6 digits are the last 6 of the same value; the step is 30 s', () => {
		expect(totpCode(rfcKey, 59_000)).toBe('287082');
		expect(totpCode(rfcKey, 30_000)).toBe(totpCode(rfcKey, 59_999));
		expect(totpCode(rfcKey, 60_000)).not.toBe(totpCode(rfcKey, 59_999));
	});

	test('base32 as apps show it (lower case, spaces, padding) decodes to the key; anything else is refused', () => {
		expect(base32Key('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toEqual(rfcKey);
		expect(base32Key('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(rfcKey);
		expect(base32Key('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====')).toEqual(rfcKey);
		expect(base32Key('not base32!')).toBeUndefined();
		expect(base32Key('')).toBeUndefined();
		expect(base32Key('ABC1')).toBeUndefined();
	});
});
