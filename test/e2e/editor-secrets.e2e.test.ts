import { createHash } from 'node:crypto';

import { OWNER } from '../../scripts/n8n/instance';
import { PROBE_NODE_NAME, probeWorkflow } from './support/probe-workflows';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/**
 * What the editor receives when a user opens a used or a refused credential
 * (`GET /rest/credentials/<id>?includeData=true`): no session field in clear and nothing from which the
 * password could be tested offline. Saving the credential back as the editor does keeps the session
 * and the refusal (n8n restores blanked fields from the stored ones).
 */

const USED = 'secopsUtmSealOk1';
const REFUSED = 'secopsUtmSealNo1';
const WRONG_PASSWORD = 'wrong-Password-seal-e2e';
const SHOWN_SESSION_FIELDS = ['sessionExpiresAt', 'sessionIssuedAt'];

/** The fingerprint version 0.1.0 stored (SHA-256 of the sorted settings), for any data n8n may hand the hooks. */
function fingerprintOf010(data: Record<string, unknown>): string {
	const identity = Object.keys(data)
		.filter((field) => !field.startsWith('session') && field !== 'allowUnauthorizedCerts')
		.filter((field) => data[field] !== '' && data[field] !== undefined && data[field] !== null)
		.sort()
		.map((field) => [field, data[field]]);
	return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

describe.each(versionsUnderTest())(
	'what the editor is shown of a credential in $label',
	(version) => {
		let env: E2eEnvironment;
		let data: Record<string, unknown>;

		beforeAll(async () => {
			env = await startEnvironment(version, 'editor-secrets', { startServer: false });
			const utm = env.credential('secopsUtmPasswd1');
			data = utm.data;
			await env.n8n.importCredentials([
				{ id: USED, name: 'UTMStack (used)', type: utm.type, data },
				{
					id: REFUSED,
					name: 'UTMStack (refused)',
					type: utm.type,
					data: { ...data, password: WRONG_PASSWORD },
				},
			]);
			await env.n8n.importWorkflows([
				probeWorkflow('probe-seal-used', { id: USED, name: 'UTMStack (used)', type: utm.type }),
				probeWorkflow('probe-seal-refused', {
					id: REFUSED,
					name: 'UTMStack (refused)',
					type: utm.type,
				}),
			]);
		});

		afterAll(async () => {
			await env?.stop();
		});

		const loaded: Record<string, Record<string, unknown>> = {};

		test('a used credential and a refused one: one login attempt each, stored in n8n', async () => {
			const utm = env.simulators.utmstack;
			utm.resetStats();
			const used = await env.n8n.execute('probe-seal-used');
			expect(used.output(PROBE_NODE_NAME).length).toBe(1);
			const refused = await env.n8n.execute('probe-seal-refused');
			expect(refused.run).toBeUndefined();
			expect(`${refused.stdout}\n${refused.stderr}`).toContain(
				'UTMStack rejected the login: wrong username or password',
			);
			expect(utm.stats.logins).toBe(2);
			expect(utm.stats.failedLogins).toBe(1);
		});

		test('the editor gets every session field that could carry a seal or a refusal blanked, and no fingerprint of the password', async () => {
			await env.n8n.start();
			await env.rest.ownerLogin(OWNER);
			const guesses = [String(data.password), WRONG_PASSWORD, 'password', 'admin', 'Utmstack123'];
			for (const id of [USED, REFUSED]) {
				const answer = await env.rest.call<{ data?: Record<string, unknown> }>(
					'GET',
					`/credentials/${id}?includeData=true`,
				);
				expect(answer.status).toBe(200);
				const shown = answer.data.data ?? {};
				loaded[id] = shown;
				// n8n's markers: __n8n_BLANK_VALUE_… for a secret with a value, __n8n_EMPTY_VALUE_… for an empty one
				const inClear = Object.entries(shown).filter(
					([field, value]) =>
						field.startsWith('session') &&
						value !== '' &&
						!/^__n8n_(BLANK|EMPTY)_VALUE/.test(String(value)),
				);
				expect(
					inClear.map(([field]) => field).filter((field) => !SHOWN_SESSION_FIELDS.includes(field)),
				).toEqual([]);
				const text = JSON.stringify(answer.data);
				expect(text).not.toMatch(/[0-9a-f]{64}/);
				expect(text).not.toContain('s1$');
				expect(text).not.toContain(WRONG_PASSWORD);
				expect(text).not.toContain(String(data.password));
				for (const guess of guesses) {
					for (const extra of [{}, { allowedHttpRequestDomains: 'all' }]) {
						expect(text).not.toContain(fingerprintOf010({ ...data, ...extra, password: guess }));
					}
				}
			}
			expect(loaded[USED].sessionFor).toMatch(/^__n8n_BLANK_VALUE/);
			expect(loaded[REFUSED].sessionRefusal).toMatch(/^__n8n_BLANK_VALUE/);
		});

		test('saved back as the editor loaded it: the token is reused (no login) and the refusal holds (no attempt)', async () => {
			for (const id of [USED, REFUSED]) {
				const saved = await env.rest.call('PATCH', `/credentials/${id}`, {
					id,
					name: id === USED ? 'UTMStack (used)' : 'UTMStack (refused)',
					type: 'utmStackApi',
					data: loaded[id],
				});
				expect(saved.status).toBe(200);
			}
			await env.n8n.stop();
			const utm = env.simulators.utmstack;
			utm.resetStats();
			const used = await env.n8n.execute('probe-seal-used');
			expect(used.output(PROBE_NODE_NAME).length).toBe(1);
			expect(utm.stats.logins).toBe(0);
			expect(utm.stats.unauthorized).toBe(0);
			const refused = await env.n8n.execute('probe-seal-refused');
			expect(refused.run).toBeUndefined();
			expect(`${refused.stdout}\n${refused.stderr}`).toContain('no new login was attempted');
			expect(utm.stats.logins).toBe(0);
		});
	},
);
