import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import { parseBaseUrl } from '../../credentials/common/base-url';
import { sealMatches } from '../../credentials/common/session/seal';
import { sessionProperties } from '../../credentials/common/session/state';
import { N8nHarness } from '../helpers/n8n-harness';
import { ProbeNode } from '../helpers/probe-node';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { UTMSTACK } from '../simulators/fixtures';
import { startSimulator, type RunningSimulator } from '../simulators';

/**
 * What a credential stores to tell whom its token or refusal is for can no longer be used to test a
 * password offline, and credentials stored by the version before (a plain SHA-256 of the settings) keep
 * their token and their refusal through the upgrade, with no login that would not have happened anyway.
 */

let utm: RunningSimulator;

beforeAll(async () => {
	utm = await startSimulator('utmstack', { alertCount: 5 });
});

afterAll(async () => {
	await utm.close();
});

beforeEach(() => {
	utm.resetStats();
	utm.control('/__sim/unlock');
});

/** The fingerprint version 0.1.0 stored: SHA-256 of every non-session setting, sorted, as JSON. */
function fingerprintOf010(credentials: ICredentialDataDecryptedObject): string {
	const identity = Object.keys(credentials)
		.filter((field) => !field.startsWith('session') && field !== 'allowUnauthorizedCerts')
		.filter(
			(field) =>
				credentials[field] !== '' &&
				credentials[field] !== undefined &&
				credentials[field] !== null,
		)
		.sort()
		.map((field) => [
			field,
			field === 'baseUrl' ? (parseBaseUrl(credentials.baseUrl) ?? '') : credentials[field],
		]);
	return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

let processCount = 0;

/** One `n8n execute`-like process over the stored credential: fresh module state, its result written back. */
async function inProcess(stored: ICredentialDataDecryptedObject) {
	let types = ALL_CREDENTIAL_TYPES;
	let node: INodeType = new ProbeNode();
	jest.isolateModules(() => {
		types = (require('../helpers/vendors') as typeof import('../helpers/vendors'))
			.ALL_CREDENTIAL_TYPES;
		node = new (
			require('../helpers/probe-node') as typeof import('../helpers/probe-node')
		).ProbeNode();
	});
	const harness = new N8nHarness(types);
	const id = `seal-${++processCount}`;
	harness.addCredential(id, 'utmStackApi', stored);
	try {
		await harness.runNode(
			node,
			{ credentialType: 'utmStackApi', path: '/api/account', helper: 'current' } as never,
			[{ json: {} }],
			{ utmStackApi: id },
		);
		return { error: undefined, stored: harness.stored(id) };
	} catch (error) {
		return {
			error: error as { message: string; description?: string },
			stored: harness.stored(id),
		};
	}
}

const settings = (password: string): ICredentialDataDecryptedObject => ({
	baseUrl: utm.url,
	authMethod: 'password',
	username: UTMSTACK.username,
	password,
});

describe('the stored seal', () => {
	test('is not a fast hash of the settings: neither the true password nor a guess reproduces it', async () => {
		const run = await inProcess(settings(UTMSTACK.password));
		expect(run.error).toBeUndefined();
		const seal = String(run.stored.sessionFor);
		expect(seal).toMatch(/^s1\$[\w-]{22}\$[\w-]{43}$/);
		const stored = JSON.stringify(run.stored);
		for (const guess of [UTMSTACK.password, 'password', 'Admin123!', 'utmstack']) {
			const withGuess = { ...run.stored, password: guess };
			expect(stored).not.toContain(fingerprintOf010(withGuess));
			expect(stored).not.toContain(createHash('sha256').update(guess).digest('hex'));
			// only scrypt with the stored salt over the exact settings matches
			expect(sealMatches(seal, withGuess)).toBe(guess === UTMSTACK.password);
		}
	});

	test('a refusal is sealed the same way, and every field that can hold a seal is blanked in the editor', async () => {
		const run = await inProcess(settings('wrong-password-seal-1'));
		expect(run.error?.message).toBe('UTMStack rejected the login: wrong username or password');
		const record = JSON.parse(String(run.stored.sessionRefusal)) as { for: string };
		expect(record.for).toMatch(/^s1\$/);
		expect(JSON.stringify(run.stored)).not.toContain(fingerprintOf010(run.stored));
		const shownInClear = sessionProperties
			.filter((field) => field.typeOptions?.password !== true)
			.map((field) => field.name);
		expect(shownInClear.sort()).toEqual(['sessionExpiresAt', 'sessionIssuedAt']);
	});

	test("two processes seal the same settings with different salts, and each accepts the other's seal", async () => {
		const first = await inProcess(settings(UTMSTACK.password));
		const second = await inProcess({ ...first.stored, sessionToken: '' });
		expect(second.stored.sessionFor).not.toBe(first.stored.sessionFor);
		expect(utm.stats.logins).toBe(2);
		utm.resetStats();
		const third = await inProcess(second.stored);
		expect(third.error).toBeUndefined();
		expect(utm.stats.logins).toBe(0);
	});
});

describe('credentials stored by version 0.1.0 (a SHA-256 fingerprint) after the upgrade', () => {
	test('their token is still used, with no login, and is stored again under a seal', async () => {
		const fresh = await inProcess(settings(UTMSTACK.password));
		const token = String(fresh.stored.sessionToken);
		const stored010 = { ...fresh.stored, sessionFor: fingerprintOf010(fresh.stored) };
		expect(sealMatches(stored010.sessionFor, stored010)).toBe(true);
		utm.resetStats();
		const upgraded = await inProcess(stored010);
		expect(upgraded.error).toBeUndefined();
		expect(utm.stats.logins).toBe(0);
		expect(utm.stats.unauthorized).toBe(0);
		expect(upgraded.stored.sessionToken).toBe(token);
		expect(upgraded.stored.sessionExpiresAt).toBe(fresh.stored.sessionExpiresAt);
		expect(String(upgraded.stored.sessionFor)).toMatch(/^s1\$/);
		expect(JSON.stringify(upgraded.stored)).not.toContain(stored010.sessionFor);
		// and the next process takes the sealed token as it is
		const next = await inProcess(upgraded.stored);
		expect(next.error).toBeUndefined();
		expect(utm.stats.logins).toBe(0);
		expect(next.stored.sessionFor).toBe(upgraded.stored.sessionFor);
	});

	test('their refusal still holds (no login attempt), is stored again under a seal, and an edit lifts it', async () => {
		const refused = await inProcess(settings('wrong-password-seal-2'));
		expect(utm.stats.failedLogins).toBe(1);
		const record = JSON.parse(String(refused.stored.sessionRefusal)) as Record<string, string>;
		const stored010 = {
			...refused.stored,
			sessionRefusal: JSON.stringify({ ...record, for: fingerprintOf010(refused.stored) }),
		};
		utm.resetStats();
		const upgraded = await inProcess(stored010);
		expect(upgraded.error?.message).toBe('UTMStack rejected the login: wrong username or password');
		expect(upgraded.error?.description).toMatch(/no new login was attempted since/);
		expect(utm.stats.requests).toBe(0);
		const resealed = JSON.parse(String(upgraded.stored.sessionRefusal)) as Record<string, string>;
		expect(resealed.for).toMatch(/^s1\$/);
		expect(resealed.at).toBe(record.at);
		const again = await inProcess(upgraded.stored);
		expect(again.error?.description).toMatch(/no new login was attempted since/);
		expect(utm.stats.requests).toBe(0);
		const corrected = await inProcess({ ...upgraded.stored, password: UTMSTACK.password });
		expect(corrected.error).toBeUndefined();
		expect(utm.stats.logins).toBe(1);
	});

	test('a token stored for other settings (the password was edited since) is not used: one login', async () => {
		const fresh = await inProcess(settings(UTMSTACK.password));
		const stored010 = {
			...fresh.stored,
			sessionFor: fingerprintOf010({ ...fresh.stored, password: 'the-old-password' }),
		};
		utm.resetStats();
		const upgraded = await inProcess(stored010);
		expect(upgraded.error).toBeUndefined();
		expect(utm.stats.logins).toBe(1);
		expect(upgraded.stored.sessionToken).not.toBe(fresh.stored.sessionToken);
	});
});
