import { sessionIsStale, storedSession } from '../../credentials/common/session-state';

const MINUTE = 60_000;

describe('when a stored session must be renewed before use', () => {
	const issued = new Date('2026-11-22T12:00:00Z');

	test('a 10-minute token is renewed in its last minute, not before', () => {
		const session = storedSession('token', issued, new Date(issued.getTime() + 10 * MINUTE));
		expect(sessionIsStale(session, issued.getTime() + 8 * MINUTE)).toBe(false);
		expect(sessionIsStale(session, issued.getTime() + 9 * MINUTE - 1)).toBe(false);
		expect(sessionIsStale(session, issued.getTime() + 9 * MINUTE)).toBe(true);
		expect(sessionIsStale(session, issued.getTime() + 11 * MINUTE)).toBe(true);
	});

	test('a short-lived token is renewed in the last tenth of its life, so it is still used', () => {
		const session = storedSession('token', issued, new Date(issued.getTime() + 2_000));
		expect(sessionIsStale(session, issued.getTime() + 1_700)).toBe(false);
		expect(sessionIsStale(session, issued.getTime() + 1_800)).toBe(true);
	});

	test('unknown issue time falls back to the one-minute margin', () => {
		const expiresAt = new Date(issued.getTime() + 10 * MINUTE).toISOString();
		const session = { sessionToken: 'token', sessionExpiresAt: expiresAt, sessionIssuedAt: '' };
		expect(sessionIsStale(session, issued.getTime() + 9 * MINUTE - 1)).toBe(false);
		expect(sessionIsStale(session, issued.getTime() + 9 * MINUTE)).toBe(true);
	});

	test('no token, or no known expiry, is left to the login and 401 paths', () => {
		expect(sessionIsStale(storedSession('', issued, new Date(issued.getTime() - 1)), issued.getTime())).toBe(false);
		expect(sessionIsStale(storedSession('token', issued, undefined), issued.getTime() + 365 * 24 * 60 * MINUTE)).toBe(false);
	});
});
