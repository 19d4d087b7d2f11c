import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { IDataObject } from 'n8n-workflow';

import { installTarballLikeN8n, packRepository } from '../../scripts/n8n/community-install';
import { OWNER, finishedRun } from '../../scripts/n8n/instance';
import {
	chainWorkflow,
	pollEvery,
	triggerWorkflow,
	type ChainNode,
	type WorkflowJson,
} from '../../scripts/n8n/workflow-builder';
import {
	PLATFORM_PACKAGES,
	moveExpression,
	type PlatformPackage,
} from '../../scripts/packages/platform-packages';
import { PACKAGES_ARTIFACTS } from '../../scripts/packages/verify-packages';
import { platformOf } from '../platforms';
import { ARTIFACTS, REPO_ROOT, startEnvironment, type E2eEnvironment } from './support/environment';
import { listedTypes } from './support/n8n-types';
import { leakedSecrets } from './support/secrets';
import { eventually, Sink } from './support/sink';
import { versionsUnderTest } from './support/versions';

/**
 * The four packages of one platform each (npm run packages:verify built and packed them), installed through
 * n8n's community-package path into one real n8n per version (one start shared by the four; none of them is
 * the combined package): each one's credential test, one operation and its trigger in an active workflow.
 * Then the move from n8n-nodes-secops: both kinds installed at once, and the documented rename of saved
 * workflows' node types, with the credentials they were saved with.
 */

const run = promisify(execFile);
const POLL_EVERY_SECONDS = 10;

function tarballOf(pkg: PlatformPackage): string {
	const found = existsSync(PACKAGES_ARTIFACTS)
		? readdirSync(PACKAGES_ARTIFACTS).find(
				(file) => file.startsWith(`${pkg.name}-`) && file.endsWith('.tgz'),
			)
		: undefined;
	if (!found)
		throw new Error(
			`no tarball of ${pkg.name} in ${PACKAGES_ARTIFACTS}: run \`npm run packages:verify\` first`,
		);
	return join(PACKAGES_ARTIFACTS, found);
}

const platformOfPackage = (pkg: PlatformPackage) => platformOf(pkg.vendor);
const readerName = (pkg: PlatformPackage) => `${pkg.title} read`;

function readerNode(env: E2eEnvironment, pkg: PlatformPackage, prefix: string): ChainNode {
	const platform = platformOfPackage(pkg);
	const credential = env.credential(
		platform.signIns.find((signIn) => signIn.logsIn)?.id ?? platform.keySignIn,
	);
	return {
		name: readerName(pkg),
		type: `${prefix}.${platform.node}`,
		parameters: platform.probe.parameters,
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		executeOnce: true,
	};
}

/** Manual Trigger -> one read of each platform, with the node types of the given package prefix (or each package's own). */
function readersWorkflow(
	env: E2eEnvironment,
	id: string,
	prefixOf: (pkg: PlatformPackage) => string,
): WorkflowJson {
	return chainWorkflow(
		id,
		`Reads ${id}`,
		PLATFORM_PACKAGES.map((pkg) => readerNode(env, pkg, prefixOf(pkg))),
	);
}

function triggerWorkflowOf(
	env: E2eEnvironment,
	pkg: PlatformPackage,
	sink: Sink,
): WorkflowJson | undefined {
	const trigger = platformOfPackage(pkg).trigger;
	if (!trigger) return undefined;
	const credential = env.credential(trigger.signIn);
	const node: ChainNode = {
		name: 'Trigger',
		type: `${pkg.name}.${trigger.node}`,
		parameters: { pollTimes: pollEvery(POLL_EVERY_SECONDS), ...trigger.parameters },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
	const deliver: ChainNode = {
		name: 'Deliver',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sink.url}/${pkg.name}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
			options: {},
		},
	};
	return triggerWorkflow(`trigger-${pkg.vendor}`, `${pkg.title} trigger`, node, [deliver]);
}

const count = (list: Array<{ name: string }>, name: string) =>
	list.filter((entry) => entry.name === name).length;

describe.each(versionsUnderTest())('the packages of one platform each in $label', (version) => {
	let env: E2eEnvironment;
	const sink = new Sink();
	let combinedTarball: string;

	beforeAll(async () => {
		const tarballs = PLATFORM_PACKAGES.map(tarballOf);
		combinedTarball = await packRepository(REPO_ROOT, join(ARTIFACTS, 'pack-combined'));
		await sink.start();
		env = await startEnvironment(version, 'platform-packages', {
			packageFolder: '',
			startServer: false,
		});
		for (const tarball of tarballs) await installTarballLikeN8n(tarball, env.n8n.nodesFolder);
		const triggers = PLATFORM_PACKAGES.map((pkg) => triggerWorkflowOf(env, pkg, sink)).filter(
			(workflow): workflow is WorkflowJson => workflow !== undefined,
		);
		await env.n8n.importWorkflows([
			readersWorkflow(env, 'reads-own', (pkg) => pkg.name),
			readersWorkflow(env, 'reads-combined', () => 'n8n-nodes-secops'),
			...triggers,
		]);
		await env.n8n.activateWorkflows(triggers.map((workflow) => workflow.id));
		for (const simulator of Object.values(env.simulators)) simulator.resetStats();
		await env.n8n.start();
		await env.rest.ownerLogin(OWNER);
	});

	afterAll(async () => {
		await env?.stop();
		await sink.stop();
	});

	test('n8n loads each package: its node, trigger and credential, with no load error', async () => {
		const nodes = await listedTypes(env, '/types/nodes.json');
		const credentials = await listedTypes(env, '/types/credentials.json');
		for (const pkg of PLATFORM_PACKAGES) {
			const platform = platformOfPackage(pkg);
			expect(count(nodes, `${pkg.name}.${platform.node}`)).toBe(1);
			if (platform.trigger) expect(count(nodes, `${pkg.name}.${platform.trigger.node}`)).toBe(1);
			expect(count(credentials, platform.api.credentialType)).toBe(1);
		}
		expect(nodes.filter((node) => node.name.startsWith('n8n-nodes-secops.'))).toEqual([]);
		// each node's codex (categories, the aliases the node panel's search matches) reaches n8n too
		for (const pkg of PLATFORM_PACKAGES) {
			const platform = platformOfPackage(pkg);
			const listed = nodes.find((node) => node.name === `${pkg.name}.${platform.node}`) as
				| { codex?: { categories?: string[]; alias?: string[] } }
				| undefined;
			expect(listed?.codex?.categories?.length).toBeGreaterThan(0);
			expect(listed?.codex?.alias?.length).toBeGreaterThan(0);
		}
		expect(env.n8n.log()).not.toMatch(
			/Failed to load package|Skipping package|n8n-nodes-(utmstack|stellar-cyber|immuta|elastic-cloud-enterprise).*(error|Error)/,
		);
	});

	test.each(PLATFORM_PACKAGES.map((pkg) => ({ pkg, name: pkg.name })))(
		'$name: the credential test passes for every sign-in',
		async ({ pkg }) => {
			for (const signIn of platformOfPackage(pkg).signIns) {
				const credential = env.credential(signIn.id);
				const result = await env.rest.testCredential({
					id: credential.id,
					name: credential.name,
					type: credential.type,
					data: credential.data,
				});
				expect({ signIn: signIn.id, ...result }).toEqual({
					signIn: signIn.id,
					status: 'OK',
					message: expect.any(String),
				});
			}
		},
	);

	test('each trigger in an active workflow emits the records made after activation, once each', async () => {
		const withTrigger = PLATFORM_PACKAGES.filter((pkg) => platformOfPackage(pkg).trigger);
		const polls = (pkg: PlatformPackage) =>
			env.simulators[pkg.vendor].requestLog.filter(
				(entry) => entry.path === platformOfPackage(pkg).trigger?.pollPath,
			).length;
		await eventually(
			() => withTrigger.every((pkg) => polls(pkg) >= 1),
			60_000,
			'the activation polls',
		);
		const made = new Map(
			withTrigger.map((pkg) => [
				pkg.name,
				platformOfPackage(pkg).trigger?.makeRecords(env.simulators[pkg.vendor], 2) ?? [],
			]),
		);
		await eventually(
			() => withTrigger.every((pkg) => sink.bodies(`/${pkg.name}`).length >= 2),
			90_000,
			'the new records at the sink',
		);
		const polled = new Map(withTrigger.map((pkg) => [pkg.name, polls(pkg)]));
		await eventually(
			() => withTrigger.every((pkg) => polls(pkg) > (polled.get(pkg.name) ?? 0)),
			90_000,
			'one more poll of each trigger',
		);
		for (const pkg of withTrigger) {
			const idOf = platformOfPackage(pkg).trigger?.idOf ?? (() => '');
			expect({
				pkg: pkg.name,
				ids: sink.bodies<IDataObject>(`/${pkg.name}`).map(idOf).sort(),
			}).toEqual({ pkg: pkg.name, ids: [...(made.get(pkg.name) ?? [])].sort() });
		}
		expect(leakedSecrets(env.n8n.log(), Object.values(env.simulators))).toEqual([]);
	});

	test('one operation of each package runs in a workflow', async () => {
		await env.n8n.stop();
		const result = await env.n8n.execute('reads-own');
		finishedRun(result);
		for (const pkg of PLATFORM_PACKAGES)
			expect({ pkg: pkg.name, items: result.output(readerName(pkg)).length > 0 }).toEqual({
				pkg: pkg.name,
				items: true,
			});
	});

	describe('moving from n8n-nodes-secops', () => {
		test('both kinds installed at once: n8n lists both node types and each credential type twice, and runs both with the same credentials', async () => {
			await installTarballLikeN8n(combinedTarball, env.n8n.nodesFolder);
			await env.n8n.start();
			await env.rest.ownerLogin(OWNER);
			const nodes = await listedTypes(env, '/types/nodes.json');
			const credentials = await listedTypes(env, '/types/credentials.json');
			const measured = PLATFORM_PACKAGES.map((pkg) => {
				const platform = platformOfPackage(pkg);
				return {
					pkg: pkg.name,
					own: count(nodes, `${pkg.name}.${platform.node}`),
					combined: count(nodes, `n8n-nodes-secops.${platform.node}`),
					credentialTypes: count(credentials, platform.api.credentialType),
				};
			});
			// What n8n made of it, for README: which nodes it lists as using each credential type, and what it logged.
			const supported = credentials
				.filter((entry) =>
					PLATFORM_PACKAGES.some((pkg) => platformOfPackage(pkg).api.credentialType === entry.name),
				)
				.map(({ name, supportedNodes }) => ({
					name,
					supportedNodes: [...(supportedNodes ?? [])].sort(),
				}));
			const logLines = env.n8n
				.log()
				.split('\n')
				.filter((line) => /duplicate|already|overrid|conflict/i.test(line));
			writeFileSync(
				join(env.n8n.options.userFolder, 'both-installed.json'),
				JSON.stringify({ measured, supported, logLines }, null, 2),
			);
			// Measured on 2.41.1 and 1.123.81: n8n lists each credential type twice, once per package, each entry
			// with that package's nodes; the credential saved once serves the nodes of both (below).
			expect(measured).toEqual(
				PLATFORM_PACKAGES.map((pkg) => ({
					pkg: pkg.name,
					own: 1,
					combined: 1,
					credentialTypes: 2,
				})),
			);
			for (const pkg of PLATFORM_PACKAGES) {
				const platform = platformOfPackage(pkg);
				const nodesOf = (prefix: string) =>
					[platform.node, ...(platform.trigger ? [platform.trigger.node] : [])]
						.map((name) => `${prefix}.${name}`)
						.sort();
				expect(
					supported
						.filter((entry) => entry.name === platform.api.credentialType)
						.map((entry) => entry.supportedNodes)
						.sort(),
				).toEqual([nodesOf(pkg.name), nodesOf('n8n-nodes-secops')].sort());
			}
			// A credential test with both installed passes.
			for (const pkg of PLATFORM_PACKAGES) {
				const credential = env.credential(platformOfPackage(pkg).keySignIn);
				const result = await env.rest.testCredential({
					id: credential.id,
					name: credential.name,
					type: credential.type,
					data: credential.data,
				});
				expect({ pkg: pkg.name, status: result.status }).toEqual({ pkg: pkg.name, status: 'OK' });
			}
			await env.n8n.stop();
			for (const workflow of ['reads-own', 'reads-combined']) {
				const result = await env.n8n.execute(workflow);
				finishedRun(result);
				for (const pkg of PLATFORM_PACKAGES)
					expect({
						workflow,
						pkg: pkg.name,
						items: result.output(readerName(pkg)).length > 0,
					}).toEqual({ workflow, pkg: pkg.name, items: true });
			}
		});

		test('without the combined package its workflows stop; the documented rename moves them, with their credentials', async () => {
			const credentialsBefore = (await env.n8n.exportCredentials())
				.map(({ id, type }) => ({ id, type }))
				.sort((a, b) => a.id.localeCompare(b.id));
			rmSync(join(env.n8n.nodesFolder, 'node_modules', 'n8n-nodes-secops'), {
				recursive: true,
				force: true,
			});
			const manifestPath = join(env.n8n.nodesFolder, 'package.json');
			const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
			delete manifest.dependencies['n8n-nodes-secops'];
			writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

			const stopped = await env.n8n.execute('reads-combined');
			expect(stopped.run).toBeUndefined();
			expect(`${stopped.stdout}\n${stopped.stderr}`).toMatch(
				/Unrecognized node type: n8n-nodes-secops\.(utmStack|stellarCyber|immuta|elasticCloudEnterprise)/,
			);

			// README, "Moving to one package per platform": export, rename with sed, import.
			const file = join(env.n8n.options.userFolder, 'workflows-to-move.json');
			await env.n8n.cliOrThrow(['export:workflow', '--all', `--output=${file}`]);
			for (const pkg of PLATFORM_PACKAGES)
				await run('sed', ['-E', '-i', moveExpression(pkg), file]);
			expect(readFileSync(file, 'utf8')).not.toContain('n8n-nodes-secops.');
			await env.n8n.cliOrThrow(['import:workflow', `--input=${file}`]);

			const moved = await env.n8n.execute('reads-combined');
			finishedRun(moved);
			for (const pkg of PLATFORM_PACKAGES)
				expect({ pkg: pkg.name, items: moved.output(readerName(pkg)).length > 0 }).toEqual({
					pkg: pkg.name,
					items: true,
				});
			const credentialsAfter = (await env.n8n.exportCredentials())
				.map(({ id, type }) => ({ id, type }))
				.sort((a, b) => a.id.localeCompare(b.id));
			expect(credentialsAfter).toEqual(credentialsBefore);
		});
	});
});
