import { N8N_LEGACY } from '../../scripts/n8n/versions';
import { leakedSecrets } from './support/secrets';
import { startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/**
 * The credential test button as n8n's editor runs it: REST API, logged in as the owner, for every auth
 * method of every vendor, with the secret the user typed right and wrong.
 */

const WRONG_SECRET = 'wrong-Secret-0000-e2e';

const REFUSED_LOGIN: Record<string, string> = {
	secopsUtmPasswd1: 'UTMStack rejected the login: wrong username or password',
	secopsUtmTotp1: 'UTMStack rejected the login: wrong username or password',
	secopsStlScoped1: 'Stellar Cyber rejected the login: wrong API key',
	secopsStlLegacy1: 'Stellar Cyber rejected the login: wrong email or API key',
	secopsImmApiKey1: 'Immuta rejected the login: wrong API key',
	secopsImmPasswd1: 'Immuta rejected the login: wrong username or password',
	secopsEcePasswd1: 'Elastic Cloud Enterprise rejected the login: wrong username or password',
};

const REFUSED_KEY: Record<string, RegExp> = {
	secopsUtmIntKey1: /^UTMStack did not accept the credential: .*Internal Key or API Key/,
	secopsUtmApiKey1: /^UTMStack did not accept the credential: .*Internal Key or API Key/,
	secopsEceApiKey1: /^Elastic Cloud Enterprise did not accept the credential: .*API key/,
	secopsImmDirect1: /^Immuta did not accept the credential: .*API key/,
};

/**
 * n8n 1.123's credential tester loses the HTTP answer of a failed test request, so the test's
 * responseCode rules never apply there and it shows its own text for a refused static key.
 */
const LEGACY_REFUSED_KEY = /^Authorization failed - please check your credentials$/;

describe.each(versionsUnderTest())('credential test in $label', (version) => {
	let env: E2eEnvironment;
	const messages: string[] = [];

	beforeAll(async () => {
		env = await startEnvironment(version, 'credential-test');
	});

	afterAll(async () => {
		await env?.stop();
	});

	const ids = [...Object.keys(REFUSED_LOGIN), ...Object.keys(REFUSED_KEY)].sort();

	test.each(ids)('%s: the right secret passes, after one login at most', async (id) => {
		const credential = env.credential(id);
		const simulator = env.simulators[credential.vendor];
		simulator.resetStats();
		const result = await env.rest.testCredential({
			id,
			name: credential.name,
			type: credential.type,
			data: credential.data,
		});
		messages.push(result.message);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		// a two-factor account's login is two steps: the password, then the code n8n computed
		expect(simulator.stats.logins).toBe(
			credential.logsIn ? (credential.data.totpSecret ? 2 : 1) : 0,
		);
		expect(simulator.stats.unauthorized).toBe(0);
	});

	test('a two-factor account with a wrong authenticator secret: UTMStack refuses the code, which is sent once', async () => {
		const credential = env.credential('secopsUtmTotp1');
		const simulator = env.simulators.utmstack;
		simulator.resetStats();
		const data = { ...credential.data, totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' };
		const result = await env.rest.testCredential({
			id: credential.id,
			name: credential.name,
			type: credential.type,
			data,
		});
		messages.push(result.message);
		expect(result).toMatchObject({
			status: 'Error',
			message: 'UTMStack refused the two-factor code',
		});
		expect(simulator.stats.byEndpoint['POST /api/tfa/verify-code']).toBe(1);
		expect(simulator.stats.byEndpoint['POST /api/authenticate']).toBe(1);
	});

	test.each(ids)(
		'%s: a wrong secret fails with a clear message, after a single attempt',
		async (id) => {
			const credential = env.credential(id);
			const simulator = env.simulators[credential.vendor];
			simulator.resetStats();
			const data = { ...credential.data, [credential.secretField]: WRONG_SECRET };
			const result = await env.rest.testCredential({
				id,
				name: credential.name,
				type: credential.type,
				data,
			});
			messages.push(result.message);
			expect(result.status).toBe('Error');
			if (credential.logsIn) {
				expect(result.message).toBe(REFUSED_LOGIN[id]);
				expect(simulator.stats.failedLogins).toBe(1);
				expect(simulator.stats.requests).toBe(1);
			} else {
				expect(result.message).toMatch(
					version.label === N8N_LEGACY.label ? LEGACY_REFUSED_KEY : REFUSED_KEY[id],
				);
				expect(simulator.stats.logins + simulator.stats.failedLogins).toBe(0);
				// n8n repeats a request answered 401 once after its (here empty) preAuthentication step.
				expect(simulator.stats.requests).toBeLessThanOrEqual(2);
			}
		},
	);

	test('a UTMStack credential saved with the default method, as the editor saves it (no authMethod: values left at their default are not stored), runs as Username and Password: why the default stays', async () => {
		const credential = env.credential('secopsUtmPasswd1');
		const { authMethod, ...asSaved } = credential.data;
		expect(authMethod).toBe('password');
		const simulator = env.simulators.utmstack;
		simulator.resetStats();
		const result = await env.rest.testCredential({
			id: credential.id,
			name: credential.name,
			type: credential.type,
			data: asSaved,
		});
		messages.push(result.message);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		// n8n filled the missing method from the credential type's current default: a password login
		expect(simulator.stats.byEndpoint['POST /api/authenticate']).toBe(1);
	});

	test('the editor never receives a stored session token (GET /rest/credentials/<id>?includeData=true)', async () => {
		const credential = env.credential('secopsUtmPasswd1');
		const token = 'eyJhbGciOiJIUzUxMiJ9.e2e-stored-session-token.c2lnbmF0dXJl';
		await env.n8n.importCredentials([
			{
				id: 'secopsUtmStored1',
				name: 'UTMStack stored session',
				type: credential.type,
				data: {
					...credential.data,
					sessionToken: token,
					sessionExpiresAt: '2099-01-01T00:00:00.000Z',
				},
			},
		]);
		const answer = await env.rest.call<{ data?: Record<string, unknown> }>(
			'GET',
			'/credentials/secopsUtmStored1?includeData=true',
		);
		expect(answer.status).toBe(200);
		const shown = JSON.stringify(answer.data);
		expect(shown).toContain('sessionExpiresAt');
		expect(shown).not.toContain('e2e-stored-session-token');
		expect(shown).not.toContain(String(credential.data.password));
	});

	test('no secret or token in any message or in n8n log', () => {
		expect(messages.length).toBe(ids.length * 2 + 2);
		const everything = `${messages.join('\n')}\n${env.n8n.log()}`;
		expect(leakedSecrets(everything, Object.values(env.simulators))).toEqual([]);
	});
});
