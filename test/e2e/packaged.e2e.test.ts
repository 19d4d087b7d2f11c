import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { ESLint } from 'eslint';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

import { installTarballLikeN8n, packRepository } from '../../scripts/n8n/community-install';
import { PROBE_NODE_NAME, probeWorkflow } from './support/probe-workflows';
import { ARTIFACTS, REPO_ROOT, startEnvironment, type E2eEnvironment } from './support/environment';
import { versionsUnderTest } from './support/versions';

/** The package as users get it: the npm tarball, installed as n8n's Community Nodes installer does. */

const NODE_TYPES = ['utmStack', 'stellarCyber', 'immuta', 'elasticCloudEnterprise'].map((name) => `n8n-nodes-secops.${name}`);
const CREDENTIAL_TYPES = ['utmStackApi', 'stellarCyberApi', 'immutaApi', 'elasticCloudEnterpriseApi'];

let tarball: string;

beforeAll(async () => {
	tarball = await packRepository(REPO_ROOT, join(ARTIFACTS, 'pack'));
});

test('the tarball holds the built package only: no sources, tests or secrets', () => {
	const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
	expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE']));
	for (const type of ['UtmStack', 'StellarCyber', 'Immuta', 'ElasticCloudEnterprise']) {
		expect(files).toContain(`package/dist/nodes/${type}/${type}.node.js`);
	}
	for (const type of ['UtmStackApi', 'StellarCyberApi', 'ImmutaApi', 'ElasticCloudEnterpriseApi']) {
		expect(files).toContain(`package/dist/credentials/${type}.credentials.js`);
	}
	expect(files.filter((file) => /\.svg$/.test(file)).length).toBeGreaterThanOrEqual(4);
	expect(files.filter((file) => /^package\/(test|scripts|credentials|nodes)\//.test(file) || /\.ts$/.test(file) && !/\.d\.ts$/.test(file))).toEqual([]);
	const packageJson = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
	expect(packageJson.dependencies ?? {}).toEqual({});
});

test('the tarball passes the recommended rules of @n8n/eslint-plugin-community-nodes (the verification scanner)', async () => {
	const folder = join(ARTIFACTS, 'pack', 'scanned');
	execFileSync('rm', ['-rf', folder]);
	execFileSync('mkdir', ['-p', folder]);
	execFileSync('tar', ['-xzf', tarball, '-C', folder, '--strip-components=1']);
	const eslint = new ESLint({
		cwd: folder,
		overrideConfigFile: true,
		overrideConfig: [
			{ ...communityNodes.configs.recommended, files: ['**/*.js'] },
			{
				...communityNodes.configs.recommended,
				files: ['package.json'],
				languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
			},
		] as never,
	});
	const results = await eslint.lintFiles(['package.json', 'dist/**/*.js']);
	expect(results.length).toBeGreaterThan(10);
	const problems = results.flatMap((result) =>
		result.messages.filter((message) => message.severity === 2).map((message) => `${result.filePath}: ${message.ruleId} ${message.message}`),
	);
	expect(problems).toEqual([]);
});

describe.each(versionsUnderTest())('installed from the tarball into $label', (version) => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await startEnvironment(version, 'packaged', { packageFolder: '', startServer: false });
		await installTarballLikeN8n(tarball, env.n8n.nodesFolder);
		await env.n8n.importWorkflows([probeWorkflow('probe-packaged', env.credential('secopsUtmPasswd1'))]);
		await env.n8n.start();
	});

	afterAll(async () => {
		await env?.stop();
	});

	test('n8n lists every node and credential of the package', async () => {
		const nodes = (await (await fetch(`${env.n8n.url}/types/nodes.json`)).json()) as Array<{ name: string }>;
		const credentials = (await (await fetch(`${env.n8n.url}/types/credentials.json`)).json()) as Array<{ name: string }>;
		expect(nodes.map((node) => node.name)).toEqual(expect.arrayContaining(NODE_TYPES));
		expect(credentials.map((credential) => credential.name)).toEqual(expect.arrayContaining(CREDENTIAL_TYPES));
	});

	test("n8n's log has no load error for the package", () => {
		const log = env.n8n.log();
		expect(log).not.toMatch(/Failed to load package|Skipping package|n8n-nodes-secops.*(error|Error)/);
	});

	test('a workflow runs on the installed package', async () => {
		await env.n8n.stop();
		const result = await env.n8n.execute('probe-packaged');
		expect(result.run).toBeDefined();
		expect(result.output(PROBE_NODE_NAME)).toHaveLength(1);
		expect(env.simulators.utmstack.stats.logins).toBe(1);
	});
});
