import {
	expiryFromEpochSeconds,
	expiryFromIso,
	expiryFromJwt,
} from '../../credentials/common/expiry';

function jwt(claims: object): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'HS512' })}.${part(claims)}.signature`;
}

describe('token expiry as vendors write it', () => {
	test('JWT exp claim in epoch seconds', () => {
		expect(expiryFromJwt(jwt({ sub: 'admin', exp: 1_900_000_000 }))?.toISOString()).toBe(
			'2030-03-17T17:46:40.000Z',
		);
	});

	test('JWT without exp, or not a JWT, has no known expiry', () => {
		expect(expiryFromJwt(jwt({ sub: 'admin' }))).toBeUndefined();
		expect(expiryFromJwt('opaque-session-token')).toBeUndefined();
		expect(expiryFromJwt('a.%%%.c')).toBeUndefined();
	});

	test('epoch seconds as number or string (Stellar Cyber exp)', () => {
		expect(expiryFromEpochSeconds(1_900_000_000)?.getTime()).toBe(1_900_000_000_000);
		expect(expiryFromEpochSeconds('1900000000')?.getTime()).toBe(1_900_000_000_000);
		expect(expiryFromEpochSeconds(0)).toBeUndefined();
		expect(expiryFromEpochSeconds('soon')).toBeUndefined();
	});

	test('ISO timestamps (Immuta tokenExpiration, ECE session_expiration_time)', () => {
		expect(expiryFromIso('2026-11-22T13:00:00.000Z')?.getTime()).toBe(Date.UTC(2026, 10, 22, 13));
		expect(expiryFromIso('not a date')).toBeUndefined();
		expect(expiryFromIso(undefined)).toBeUndefined();
	});
});
