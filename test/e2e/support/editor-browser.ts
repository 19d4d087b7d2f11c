import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import { OWNER } from '../../../scripts/n8n/instance';
import type { E2eEnvironment } from './environment';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium (Debian's package, driven by playwright-core) signed in to the environment's n8n editor as the owner. */
export async function signedInEditor(
	env: E2eEnvironment,
): Promise<{ browser: Browser; page: Page }> {
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		// Without the background-networking flags Chromium keeps dialing Google on this closed network.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await page.goto(`${env.n8n.url}/signin`);
	await page
		.locator('[data-test-id="emailOrLdapLoginId"] input, input[data-test-id="emailOrLdapLoginId"]')
		.first()
		.fill(OWNER.email);
	await page
		.locator('[data-test-id="password"] input, input[data-test-id="password"]')
		.first()
		.fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
	return { browser, page };
}
