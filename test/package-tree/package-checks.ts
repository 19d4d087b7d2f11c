import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { ICredentialType, IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { N8nHarness } from '../helpers/n8n-harness';
import type { Platform } from '../platforms/platform';
import { startPlatformSimulator } from '../simulators/core/start';
import type { RunningSimulator } from '../simulators/options';

/**
 * The tests every package of one platform runs on its own (scripts/packages writes them into its tree with
 * node:test, so it needs no test framework): n8n loads the built files its package.json lists, each sign-in
 * passes the credential test against the platform's simulator, a refused secret is tried once, the node reads,
 * and the trigger emits new records once each. They use n8n's own execution contexts (n8n-core).
 */

interface PackageJson {
	name: string;
	n8n: { credentials: string[]; nodes: string[] };
}

function builtClasses<T>(root: string, files: string[]): T[] {
	return files.map((file) => {
		const path = join(root, file);
		assert.ok(
			existsSync(path),
			`package.json lists ${file}, which the build did not write (run the build first)`,
		);
		const exported = Object.values(require(path) as Record<string, new () => T>);
		assert.equal(exported.length, 1, `${file} should export one class`);
		return new exported[0]();
	});
}

function iconFiles(root: string, listed: string, icon: unknown): string[] {
	const paths =
		typeof icon === 'string'
			? [icon]
			: icon && typeof icon === 'object'
				? Object.values(icon as Record<string, string>)
				: [];
	return paths
		.filter((path) => path.startsWith('file:'))
		.map((path) => join(root, dirname(listed), path.slice('file:'.length)));
}

export function packageChecks(platform: Platform, root: string): void {
	const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
	const credentialType = platform.api.credentialType;

	describe(`${packageJson.name} against its simulator`, () => {
		let harness: N8nHarness;
		let credential: ICredentialType;
		let nodes: INodeType[];
		let simulator: RunningSimulator;
		const secretFree = (text: string) => platform.secrets.filter((secret) => text.includes(secret));

		const node = (name: string): INodeType => {
			const found = nodes.find((candidate) => candidate.description.name === name);
			assert.ok(found, `the package has no node named ${name}`);
			return found;
		};
		const signIn = (id: string) => {
			const found = platform.signIns.find((candidate) => candidate.id === id);
			assert.ok(found, `no sign-in ${id}`);
			return found;
		};
		const save = (id: string, data: IDataObject) =>
			harness.addCredential(id, credentialType, { baseUrl: simulator.url, ...data });

		before(async () => {
			[credential] = builtClasses<ICredentialType>(root, packageJson.n8n.credentials);
			nodes = builtClasses<INodeType>(root, packageJson.n8n.nodes);
			harness = new N8nHarness([credential]);
			simulator = await startPlatformSimulator(platform);
		});

		after(async () => {
			await simulator?.close();
		});

		test('package.json lists one credential, the node and its trigger, built, with their icons', () => {
			assert.equal(packageJson.n8n.credentials.length, 1);
			assert.equal(credential.name, credentialType);
			const expected = [platform.node, ...(platform.trigger ? [platform.trigger.node] : [])].sort();
			assert.deepEqual(nodes.map((type) => type.description.name).sort(), expected);
			for (const type of nodes)
				assert.deepEqual(
					type.description.credentials?.map((entry) => entry.name),
					[credentialType],
				);
			const icons = [
				...iconFiles(root, packageJson.n8n.credentials[0], credential.icon),
				...packageJson.n8n.nodes.flatMap((file, index) =>
					iconFiles(root, file, nodes[index].description.icon),
				),
			];
			assert.ok(icons.length >= 2, 'every node and the credential have an icon');
			for (const icon of icons)
				assert.ok(existsSync(icon), `icon ${icon} is missing from the build`);
		});

		for (const way of platform.signIns) {
			test(`credential test: ${way.name}`, async () => {
				const result = await harness.testCredential(credential, save(`test-${way.id}`, way.data));
				assert.equal(result.status, 'OK', result.message);
			});
		}

		test('a refused secret is tried once over two runs, and the error does not hold it', async () => {
			const way = platform.signIns.find((candidate) => candidate.logsIn);
			assert.ok(way, 'a sign-in that logs in');
			const wrong = `wrong-${way.secretField}-value`;
			const id = save('refused', { ...way.data, [way.secretField]: wrong });
			simulator.resetStats();
			for (let run = 0; run < 2; run++) {
				await assert.rejects(
					harness.runNode(
						node(platform.node),
						platform.probe.parameters as INodeParameters,
						[{ json: {} }],
						{ [credentialType]: id },
					),
					(error: Error & { description?: string }) => {
						const text = `${error.message} ${error.description ?? ''}`;
						assert.ok(!text.includes(wrong), 'the error names the secret');
						assert.deepEqual(secretFree(text), []);
						return true;
					},
				);
			}
			assert.equal(simulator.stats.logins, 1, 'login attempts');
		});

		test('the node reads with every sign-in, and a saved session serves the next run', async () => {
			for (const way of platform.signIns) {
				const id = save(`read-${way.id}`, way.data);
				simulator.resetStats();
				const first = await harness.runNode(
					node(platform.node),
					platform.probe.parameters as INodeParameters,
					[{ json: {} }],
					{ [credentialType]: id },
				);
				const loginsForFirst = simulator.stats.logins;
				const second = await harness.runNode(
					node(platform.node),
					platform.probe.parameters as INodeParameters,
					[{ json: {} }],
					{ [credentialType]: id },
				);
				for (const output of [first, second]) {
					assert.ok(output[0].length >= 1, `${way.name}: no item`);
					assert.deepEqual(
						secretFree(JSON.stringify(output)),
						[],
						`${way.name}: a secret in the output`,
					);
				}
				if (way.logsIn) assert.ok(loginsForFirst >= 1, `${way.name}: the first run did not log in`);
				else assert.equal(loginsForFirst, 0, `${way.name}: a key method logged in`);
				assert.equal(
					simulator.stats.logins,
					loginsForFirst,
					`${way.name}: the second run logged in again`,
				);
			}
		});

		const trigger = platform.trigger;
		if (trigger) {
			test('the trigger emits records made after activation, once each, and nothing older', async () => {
				const active = harness.activateTrigger(
					node(trigger.node),
					trigger.parameters as INodeParameters,
					{ [credentialType]: save('trigger', signIn(trigger.signIn).data) },
				);
				const emitted = async () => ((await active.poll()) ?? []).flat().map((item) => item.json);
				assert.deepEqual(await emitted(), [], 'the first poll only marks where to start');
				const made = trigger.makeRecords(simulator, 2);
				const first = await emitted();
				assert.deepEqual(first.map(trigger.idOf).sort(), [...made].sort());
				assert.deepEqual(await emitted(), [], 'a later poll repeats nothing');
			});
		}
	});
}
