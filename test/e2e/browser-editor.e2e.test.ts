import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { exampleWorkflows } from '../../scripts/n8n/example-workflows';
import { OWNER } from '../../scripts/n8n/instance';
import { N8N_CURRENT } from '../../scripts/n8n/versions';
import { chainWorkflow, secopsType } from '../../scripts/n8n/workflow-builder';
import { SAVED_NODES, savedReleaseWorkflow } from './fixtures/saved-release';
import { signedInEditor } from './support/editor-browser';
import { leakedSecrets } from './support/secrets';
import { ARTIFACTS, startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/**
 * Our nodes in n8n's editor, in headless Chromium: what node search shows, a record id picked "From List",
 * and the example workflows. The screenshots (test-artifacts/e2e/screenshots) are the README's.
 */

const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
const runHere = versionsUnderTest().includes(N8N_CURRENT) ? describe : describe.skip;

/** What n8n shows for an app in node search: it merges a node with its trigger and shows the trigger's description. */
const SEARCH_ENTRIES = [
	{
		typed: 'UTMStack',
		name: 'UTMStack',
		says: 'Search and handle UTMStack alerts, logs and incidents, or start a workflow when new alerts are raised',
	},
	{
		typed: 'Stellar',
		name: 'Stellar Cyber',
		says: 'Search and handle Stellar Cyber cases and alerts, or start a workflow when a case opens or changes',
	},
	{
		typed: 'Elastic Cloud',
		name: 'Elastic Cloud Enterprise',
		says: "Manage Elastic Cloud Enterprise deployments and allocators, or start a workflow when a deployment's health changes",
	},
];

/** Each node's main operation, opened in the editor for the README's screenshots, with a label the form must show. */
const MAIN_OPERATIONS = [
	{
		workflow: 'screenUtm',
		title: 'Search Alerts',
		node: 'utmStack',
		version: 4,
		credential: 'secopsUtmPasswd1',
		parameters: { resource: 'alert', operation: 'search' },
		shows: 'Sort By',
		file: 'node-utmstack-alert-search.png',
		credentialFile: 'credential-utmstack.png',
	},
	{
		workflow: 'screenStl',
		title: 'Get Many Cases',
		node: 'stellarCyber',
		version: 2,
		credential: 'secopsStlScoped1',
		parameters: { resource: 'case', operation: 'getMany', limit: 50, filters: {} },
		shows: 'Sort By',
		file: 'node-stellar-cyber-cases.png',
		credentialFile: 'credential-stellar-cyber.png',
	},
	{
		workflow: 'screenImm',
		title: 'Disable User',
		node: 'immuta',
		version: 2,
		credential: 'secopsImmApiKey1',
		parameters: { resource: 'user', operation: 'disable' },
		shows: 'Identity Manager',
		file: 'node-immuta-disable-user.png',
		credentialFile: 'credential-immuta.png',
	},
	{
		workflow: 'screenEce',
		title: 'Restart Elasticsearch',
		node: 'elasticCloudEnterprise',
		version: 3,
		credential: 'secopsEceApiKey1',
		parameters: { resource: 'deployment', operation: 'restartElasticsearch' },
		shows: 'Wait for Completion',
		file: 'node-ece-restart.png',
		credentialFile: 'credential-ece.png',
	},
];

runHere(`our nodes in the editor of ${N8N_CURRENT.label}`, () => {
	let env: E2eEnvironment;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		mkdirSync(SCREENSHOTS, { recursive: true });
		env = await startEnvironment(N8N_CURRENT, 'browser-editor', { startServer: false });
		const stellar = env.credential('secopsStlScoped1');
		await env.n8n.importWorkflows([
			...exampleWorkflows(),
			savedReleaseWorkflow((id) => env.credential(id)),
			...MAIN_OPERATIONS.map((screen) =>
				chainWorkflow(screen.workflow, screen.title, [
					{
						name: screen.title,
						type: secopsType(screen.node),
						typeVersion: screen.version,
						parameters: screen.parameters,
						credentials: {
							[env.credential(screen.credential).type]: {
								id: screen.credential,
								name: env.credential(screen.credential).name,
							},
						},
					},
				]),
			),
			chainWorkflow('editorLocator', 'Pick a case', [
				{
					name: 'Get Case',
					type: secopsType('stellarCyber'),
					typeVersion: 2,
					parameters: {
						resource: 'case',
						operation: 'get',
						caseId: { __rl: true, mode: 'list', value: '' },
					},
					credentials: { [stellar.type]: { id: stellar.id, name: stellar.name } },
				},
			]),
		]);
		await env.n8n.start();
		await env.rest.ownerLogin(OWNER);
		({ browser, page } = await signedInEditor(env));
	});

	afterAll(async () => {
		await browser?.close();
		await env?.stop();
	});

	test('the example workflows open with their nodes', async () => {
		for (const workflow of exampleWorkflows()) {
			await page.goto(`${env.n8n.url}/workflow/${workflow.id}`);
			for (const node of workflow.nodes as Array<{
				name: string;
				type: string;
				parameters: { content?: string };
			}>) {
				// a sticky note shows its text (its heading first), not its name
				const shown =
					node.type === 'n8n-nodes-base.stickyNote'
						? String(node.parameters.content)
								.split('\n')[0]
								.replace(/^#+\s*/, '')
						: node.name;
				await page.getByText(shown, { exact: true }).first().waitFor({ timeout: 30_000 });
			}
		}
		await page.goto(`${env.n8n.url}/workflow/secopsExampleStl`);
		await page.getByText('Comment on Case', { exact: true }).first().waitFor({ timeout: 30_000 });
		// the canvas fades its nodes in
		await page.waitForTimeout(1500);
		await page.screenshot({ path: join(SCREENSHOTS, 'example-stellar-escalation.png') });
	});

	test('node search, adding a step to a workflow: each platform with what its nodes do, not only its trigger', async () => {
		await page.goto(`${env.n8n.url}/workflow/secopsExampleUtm`);
		await page.getByText('Note on Incident', { exact: true }).first().waitFor({ timeout: 30_000 });
		await page
			.getByText('Got it')
			.click({ timeout: 3000 })
			.catch(() => undefined);
		for (const entry of SEARCH_ENTRIES) {
			await page.keyboard.press('n');
			await page.getByText('What happens next?').waitFor({ timeout: 15_000 });
			await page.keyboard.type(entry.typed);
			await page.getByText(entry.says, { exact: true }).waitFor({ timeout: 15_000 });
			const shown = await page.locator('body').innerText();
			expect(shown).toContain(entry.name);
			expect(shown).not.toMatch(new RegExp(`Starts the workflow when ${entry.name}`));
			if (entry.typed === 'UTMStack')
				await page.screenshot({ path: join(SCREENSHOTS, 'node-search-utmstack.png') });
			await page.keyboard.press('Escape');
			await page.getByText('What happens next?').waitFor({ state: 'hidden', timeout: 15_000 });
		}
	});

	test("each node's main operation and its credential's form, as the README shows them", async () => {
		for (const screen of MAIN_OPERATIONS) {
			await page.goto(`${env.n8n.url}/workflow/${screen.workflow}/${screen.workflow}-node-1`);
			await page.getByText(screen.shows, { exact: true }).first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1000);
			expect(
				leakedSecrets(await page.locator('body').innerText(), Object.values(env.simulators)),
			).toEqual([]);
			await page.screenshot({ path: join(SCREENSHOTS, screen.file) });
			// what marks a parameter in need (the saved-release test below counts none): the ECE restart's empty deployment
			if (screen.node === 'elasticCloudEnterprise')
				expect(await page.getByTestId('parameter-issues').count()).toBeGreaterThan(0);
			// the credential's form, opened from the node as a person does (the pencil beside the credential)
			await page.getByTestId('credential-edit-button').first().click({ timeout: 15_000 });
			const dialog = page.getByTestId('credential-edit-dialog');
			await dialog.waitFor({ timeout: 30_000 });
			await dialog
				.getByText('Authentication', { exact: true })
				.first()
				.waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1000);
			expect(
				leakedSecrets(await page.locator('body').innerText(), Object.values(env.simulators)),
			).toEqual([]);
			await page.screenshot({ path: join(SCREENSHOTS, screen.credentialFile) });
			await page.keyboard.press('Escape');
			await dialog.waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
		}
	});

	test('a workflow saved with the previous release opens with every node as it was, no parameter marked', async () => {
		for (const [index, saved] of SAVED_NODES.entries()) {
			await page.goto(`${env.n8n.url}/workflow/savedRelease/savedRelease-node-${index + 1}`);
			await page.getByText(saved.name, { exact: true }).first().waitFor({ timeout: 30_000 });
			await page.getByText('Limit', { exact: true }).first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1500);
			expect({
				node: saved.name,
				issues: await page.getByTestId('parameter-issues').count(),
			}).toEqual({
				node: saved.name,
				issues: 0,
			});
		}
	});

	test('a Stellar Cyber case picked "From List": the newest cases, searchable, loaded with the saved credential', async () => {
		env.simulators.stellarcyber.resetStats();
		await page.goto(`${env.n8n.url}/workflow/editorLocator/editorLocator-node-1`);
		await page.getByTestId('rlc-input').first().click({ timeout: 30_000 });
		await page.getByTestId('rlc-item').first().waitFor({ timeout: 30_000 });
		const items = await page.getByTestId('rlc-item').allInnerTexts();
		expect(items.length).toBeGreaterThan(5);
		for (const item of items) expect(item).toMatch(/^#\d+ .+ \(/);
		await page.screenshot({ path: join(SCREENSHOTS, 'locator-stellar-case.png') });

		const word = (items[0].match(/^#\d+ (\S+)/) as RegExpMatchArray)[1];
		await page
			.locator('[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]')
			.first()
			.fill(word);
		await page.waitForTimeout(1500);
		const filtered = await page.getByTestId('rlc-item').allInnerTexts();
		expect(filtered.length).toBeGreaterThan(0);
		for (const item of filtered) expect(item.toLowerCase()).toContain(word.toLowerCase());
		await page.getByTestId('rlc-item').first().click();
		await page.getByTestId('node-execute-button').first().click();
		await page
			.getByText(/created_at_iso/)
			.first()
			.waitFor({ timeout: 30_000 });
		const caseReads = env.simulators.stellarcyber.requestLog.filter((entry) =>
			/^\/connect\/api\/v1\/cases\/[0-9a-f]{24}$/.test(entry.path),
		);
		expect(caseReads).toHaveLength(1);
		expect(
			leakedSecrets(await page.locator('body').innerText(), Object.values(env.simulators)),
		).toEqual([]);
	});
});
