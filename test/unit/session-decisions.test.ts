import { UNTIL_A_PERSON_ACTS } from '../../credentials/common/login-error';
import { boundedWaitMs, retryAfterSeconds } from '../../credentials/common/retry-after';
import { expiryOnN8nClock } from '../../credentials/common/session/clock';
import {
	isStale,
	preAuthStep,
	REFUSED_MARK,
	storedRefusalError,
} from '../../credentials/common/session/decide';
import { loginRefusal } from '../../credentials/common/session/login-answers';
import type { SessionState } from '../../credentials/common/session/state';
import { vendorLogin, type LoginAnswer } from '../../credentials/common/vendor-login';
import { utmStackProfile } from '../../credentials/vendors/utmstack';

/** The session's decisions are pure functions of (state, answer, n8n's clock): one row each. */

const MINUTE = 60_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');

const state = (patch: Partial<SessionState> = {}): SessionState => ({
	key: 'settings',
	seal: 's1$salt$hash',
	token: 'tok',
	sealFits: true,
	sealIsLegacy: false,
	receivedAtMs: NOW - MINUTE,
	expiresAtMs: NOW + 9 * MINUTE,
	refusal: undefined,
	refusalSealIsLegacy: false,
	renewal: undefined,
	...patch,
});

const refusal = {
	for: 's1$x$y',
	at: new Date(NOW - 5 * MINUTE).toISOString(),
	message: 'UTMStack rejected the login: wrong username or password',
	description: 'Check the username or password.',
};

describe('when a token is renewed before use (n8n clock only)', () => {
	test.each([
		[
			'a 10-minute token, 8 minutes in',
			{ receivedAtMs: NOW - 8 * MINUTE, expiresAtMs: NOW + 2 * MINUTE },
			false,
		],
		[
			'a 10-minute token, in its last minute',
			{ receivedAtMs: NOW - 9 * MINUTE, expiresAtMs: NOW + MINUTE },
			true,
		],
		[
			'a 10-minute token, past its end',
			{ receivedAtMs: NOW - 11 * MINUTE, expiresAtMs: NOW - MINUTE },
			true,
		],
		[
			'a 2-second token, 1.7 s in (the last tenth is its margin)',
			{ receivedAtMs: NOW - 1_700, expiresAtMs: NOW + 300 },
			false,
		],
		['a 2-second token, 1.8 s in', { receivedAtMs: NOW - 1_800, expiresAtMs: NOW + 200 }, true],
		[
			'no known time of receipt: the one-minute margin',
			{ receivedAtMs: undefined, expiresAtMs: NOW + MINUTE - 1 },
			true,
		],
		['no known expiry: used until the platform refuses it', { expiresAtMs: undefined }, false],
		['no token', { token: '' }, false],
		['a refusal mark is no token', { token: REFUSED_MARK }, false],
	])('%s', (_label, patch, stale) => {
		expect(isStale(state(patch as Partial<SessionState>), NOW)).toBe(stale);
	});
});

describe("a token's life on n8n's clock", () => {
	const jwt = (claims: object) =>
		`h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
	const received = NOW;
	test.each([
		// iat and Date are cut to the second: taken at its end, so a lifetime is at most a second short, never long
		[
			'platform clock right, JWT iat',
			jwt({ iat: NOW / 1000, exp: NOW / 1000 + 600 }),
			new Date(NOW + 600_000),
			{},
			NOW + 600_000 - 1000,
		],
		[
			'platform clock 15 minutes slow, JWT iat: still 10 minutes',
			jwt({ iat: (NOW - 15 * MINUTE) / 1000, exp: (NOW - 5 * MINUTE) / 1000 }),
			new Date(NOW - 5 * MINUTE),
			{},
			NOW + 10 * MINUTE - 1000,
		],
		[
			'platform clock 15 minutes fast, JWT iat: still 10 minutes',
			jwt({ iat: (NOW + 15 * MINUTE) / 1000, exp: (NOW + 25 * MINUTE) / 1000 }),
			new Date(NOW + 25 * MINUTE),
			{},
			NOW + 10 * MINUTE - 1000,
		],
		[
			"no iat: the answer's Date",
			'opaque',
			new Date(NOW - 5 * MINUTE),
			{ date: new Date(NOW - 15 * MINUTE).toUTCString() },
			NOW + 10 * MINUTE - 1000,
		],
		[
			"no platform time at all: compared with n8n's clock",
			'opaque',
			new Date(NOW + 10 * MINUTE),
			{},
			NOW + 10 * MINUTE,
		],
		[
			"dead on arrival by the platform's own clock: used until refused",
			'opaque',
			new Date(NOW - MINUTE),
			{ date: new Date(NOW).toUTCString() },
			undefined,
		],
		['no stated expiry', 'opaque', undefined, {}, undefined],
		[
			'a Date header that is not a date is not read',
			'opaque',
			new Date(NOW + 10 * MINUTE),
			{ date: '-5' },
			NOW + 10 * MINUTE,
		],
	])('%s', (_label, token, expiresAt, headers, expected) => {
		expect(expiryOnN8nClock(token, expiresAt, headers, received)).toBe(expected);
	});
});

describe('Retry-After, read safely and bounded', () => {
	test.each([
		['absent', undefined, 60_000],
		['seconds', '120', 120_000],
		['zero', '0', 0],
		['a day (a maintenance page)', '86400', 15 * MINUTE],
		['too large for a date', '9'.repeat(400), 15 * MINUTE],
		['negative', '-5', 60_000],
		['not a number', '1e3', 60_000],
		['an HTTP date five minutes ahead', new Date(NOW + 5 * MINUTE).toUTCString(), 5 * MINUTE],
		['an HTTP date in the past', new Date(NOW - 5 * MINUTE).toUTCString(), 0],
		['an HTTP date far ahead', 'Fri, 31 Dec 9999 23:59:59 GMT', 15 * MINUTE],
		['a date no one can read', 'Fri, 31 Dec 275760 00:00:00 GMT', 60_000],
	])('%s', (_label, value, ms) => {
		expect(boundedWaitMs(value === undefined ? {} : { 'retry-after': value }, NOW)).toBe(ms);
	});
	test('a bare number that Date.parse would take as a year is not a date', () => {
		expect(retryAfterSeconds({ 'retry-after': '-5' }, NOW)).toBeUndefined();
	});
});

describe('every login answer, by what it proves about the secret', () => {
	const login = vendorLogin(utmStackProfile, {
		loginRequest: () => ({ path: '/api/authenticate' }),
		readSession: () => ({ token: '' }),
		refusedSecret: () => 'username or password',
	});
	const withUtmStack423 = {
		...login,
		explainStatus: {
			423: {
				message: 'blocked',
				description: 'UTMStack blocks the address.',
				hold: { forMs: 10 * MINUTE },
			},
		},
	};
	const answer = (statusCode: number, headers: Record<string, unknown> = {}): LoginAnswer => ({
		statusCode,
		body: null,
		headers,
	});
	test.each([
		['401: the secret is wrong', login, answer(401), UNTIL_A_PERSON_ACTS],
		['403: the secret is wrong', login, answer(403), UNTIL_A_PERSON_ACTS],
		[
			'423 on UTMStack: its own window, 10 minutes',
			withUtmStack423,
			answer(423),
			{ forMs: 10 * MINUTE },
		],
		['429 with Retry-After 30', login, answer(429, { 'retry-after': '30' }), { forMs: 30_000 }],
		['429 without Retry-After', login, answer(429), { forMs: 60_000 }],
		[
			'503 asking for a day',
			login,
			answer(503, { 'retry-after': '86400' }),
			{ forMs: 15 * MINUTE },
		],
		['500', login, answer(500), { forMs: 60_000 }],
		['400 from a proxy in front', login, answer(400), { forMs: 60_000 }],
		['408 from a proxy', login, answer(408), { forMs: 60_000 }],
		['422', login, answer(422), { forMs: 60_000 }],
		['423 on a platform that does not document it', login, answer(423), { forMs: 60_000 }],
		['404: no login endpoint here', login, answer(404), { forMs: 60_000 }],
		['an unknown status (418)', login, answer(418), { forMs: 60_000 }],
	])('%s', (_label, vendor, said, hold) => {
		expect(
			loginRefusal(vendor, said, 'https://utm.example.test/api/authenticate', {}, NOW).hold,
		).toEqual(hold);
	});
});

describe('what preAuthentication does', () => {
	const bounded = {
		at: new Date(NOW - MINUTE).toISOString(),
		message: 'UTMStack is refusing logins from this n8n server',
		description: 'blocked.',
		untilMs: NOW + 9 * MINUTE,
	};
	test.each([
		['no session: log in', state({ token: '' }), undefined, 'log in'],
		['a refused token (n8n after a 401): log in', state(), undefined, 'log in'],
		[
			'a stored refusal, marked: refuse without a login',
			state({ token: REFUSED_MARK, refusal, renewal: { replaces: REFUSED_MARK, refused: false } }),
			undefined,
			'refuse',
		],
		[
			'a stored refusal, n8n runs the hook on an empty token: store it marked',
			state({ token: '', refusal }),
			undefined,
			'store refusal',
		],
		[
			'a stored refusal sealed by an earlier version: store it sealed anew',
			state({
				token: REFUSED_MARK,
				refusal,
				refusalSealIsLegacy: true,
				renewal: { replaces: '', refused: false },
			}),
			undefined,
			'store refusal',
		],
		[
			"a stored refusal, the credential's Test (the mark, no node's note): a deliberate login",
			state({ token: REFUSED_MARK, refusal }),
			undefined,
			'log in (deliberate)',
		],
		[
			'a bounded hold in this process: refuse without a login',
			state({ token: '' }),
			bounded,
			'refuse',
		],
		[
			'a bounded hold that has passed: one login',
			state({ token: '' }),
			{ ...bounded, untilMs: NOW },
			'log in',
		],
		[
			"an earlier version's refusal that may pass, still on",
			state({ token: '', refusal: { ...refusal, retryAt: new Date(NOW + MINUTE).toISOString() } }),
			undefined,
			'refuse',
		],
		[
			"an earlier version's refusal with a wild retry time: bounded by 15 minutes from its time",
			state({
				token: '',
				refusal: { ...refusal, retryAt: new Date(NOW + 24 * 60 * MINUTE).toISOString() },
			}),
			undefined,
			'refuse',
		],
		[
			"an earlier version's refusal 20 minutes old asking for a day: passed",
			state({
				token: '',
				refusal: {
					...refusal,
					at: new Date(NOW - 20 * MINUTE).toISOString(),
					retryAt: new Date(NOW + 24 * 60 * MINUTE).toISOString(),
				},
			}),
			undefined,
			'log in',
		],
		[
			'a live token sealed by an earlier version, replaced by a node: sealed anew',
			state({ token: '', sealIsLegacy: true, renewal: { replaces: 'tok', refused: false } }),
			undefined,
			'reseal token',
		],
		[
			'a live token sealed by an earlier version, refused by the platform: log in',
			state({ token: '', sealIsLegacy: true, renewal: { replaces: 'tok', refused: true } }),
			undefined,
			'log in',
		],
	])('%s', (_label, given, hold, expected) => {
		const step = preAuthStep(given, NOW, hold);
		expect(step.kind === 'log in' && step.deliberate ? 'log in (deliberate)' : step.kind).toBe(
			expected,
		);
	});

	test('a held refusal tells when n8n tries again, and that no login was attempted', () => {
		const step = preAuthStep(state({ token: '' }), NOW, bounded);
		expect(step.kind === 'refuse' && step.error.description).toContain(
			`No new login was attempted: n8n tries once more after ${new Date(bounded.untilMs).toISOString()}`,
		);
		const held = storedRefusalError(state({ token: REFUSED_MARK, refusal }), NOW);
		expect(held?.description).toMatch(
			/^Refused at .*no new login was attempted since, so the account is not locked/,
		);
	});
});
