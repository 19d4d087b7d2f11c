import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { N8N_CURRENT } from '../../scripts/n8n/versions';
import { leakedSecrets } from './support/secrets';
import { signedInEditor } from './support/editor-browser';
import { ARTIFACTS, startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/**
 * The credential test button in n8n's editor, in headless Chromium (Debian's package; playwright-core
 * drives it). Screenshots are kept in test-artifacts/e2e/screenshots.
 */

const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
const CREDENTIAL_ID = 'secopsUtmPasswd1';
const CREDENTIAL_TYPE = 'UTMStack API';
const runHere = versionsUnderTest().includes(N8N_CURRENT) ? describe : describe.skip;

runHere(`credential test in the editor of ${N8N_CURRENT.label}`, () => {
	let env: E2eEnvironment;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		mkdirSync(SCREENSHOTS, { recursive: true });
		env = await startEnvironment(N8N_CURRENT, 'browser');
		({ browser, page } = await signedInEditor(env));
	});

	afterAll(async () => {
		await browser?.close();
		await env?.stop();
	});

	/** Its own address opens it, however many credentials the list pages over. */
	async function openCredential(): Promise<void> {
		await page.goto(`${env.n8n.url}/home/credentials/${CREDENTIAL_ID}`);
		await page.locator('.el-dialog').first().waitFor({ timeout: 30_000 });
		expect(await page.locator('.el-dialog').first().innerText()).toContain(CREDENTIAL_TYPE);
	}

	test('opening the saved credential tests it: success, after one login', async () => {
		env.simulators.utmstack.resetStats();
		await openCredential();
		await page.getByText('Connection tested successfully').waitFor({ timeout: 30_000 });
		await page.screenshot({ path: join(SCREENSHOTS, 'utmstack-credential-test-success.png') });
		expect(env.simulators.utmstack.stats.logins).toBe(1);
	});

	test('a wrong password, saved, shows the failure in the editor after a single login attempt', async () => {
		env.simulators.utmstack.resetStats();
		const password = page.locator('.el-dialog input[type=password]').first();
		await password.fill('wrong-Browser-pass-1');
		await page.getByTestId('credential-save-button').click();
		await page.getByText('Couldn’t connect with these settings').waitFor({ timeout: 30_000 });
		// n8n folds the platform's message behind "More details".
		await page.getByText('More details').click();
		await page
			.getByText('UTMStack rejected the login: wrong username or password')
			.waitFor({ timeout: 10_000 });
		await page.screenshot({ path: join(SCREENSHOTS, 'utmstack-credential-test-failure.png') });
		expect(env.simulators.utmstack.stats.logins).toBe(1);
		expect(env.simulators.utmstack.stats.failedLogins).toBe(1);
		const pageText = await page.locator('body').innerText();
		expect(leakedSecrets(pageText, Object.values(env.simulators))).toEqual([]);
	});
});
