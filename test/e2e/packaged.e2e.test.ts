import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { installTarballLikeN8n, packRepository } from '../../scripts/n8n/community-install';
import { OWNER, finishedRun } from '../../scripts/n8n/instance';
import { PROBE_NODE_NAME, probeWorkflow } from './support/probe-workflows';
import { ARTIFACTS, REPO_ROOT, startEnvironment, type E2eEnvironment } from './support/environment';
import { listedTypes } from './support/n8n-types';
import { versionsUnderTest } from './support/versions';

/** The package as users get it: the npm tarball, installed as n8n's Community Nodes installer does. */

const NODE_TYPES = [
	'utmStack',
	'stellarCyber',
	'immuta',
	'elasticCloudEnterprise',
	'utmStackTrigger',
	'stellarCyberTrigger',
	'elasticCloudEnterpriseTrigger',
].map((name) => `n8n-nodes-secops.${name}`);
const CREDENTIAL_TYPES = [
	'utmStackApi',
	'stellarCyberApi',
	'immutaApi',
	'elasticCloudEnterpriseApi',
];

let tarball: string;

beforeAll(async () => {
	tarball = await packRepository(REPO_ROOT, join(ARTIFACTS, 'pack'));
});

test('the tarball holds the built package only: no sources, tests or secrets', () => {
	const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
	expect(files).toEqual(
		expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE']),
	);
	for (const type of [
		'UtmStack',
		'StellarCyber',
		'Immuta',
		'ElasticCloudEnterprise',
		'UtmStackTrigger',
		'StellarCyberTrigger',
		'ElasticCloudEnterpriseTrigger',
	]) {
		expect(files).toContain(`package/dist/nodes/${type}/${type}.node.js`);
	}
	for (const type of ['UtmStackApi', 'StellarCyberApi', 'ImmutaApi', 'ElasticCloudEnterpriseApi']) {
		expect(files).toContain(`package/dist/credentials/${type}.credentials.js`);
	}
	expect(files.filter((file) => /\.svg$/.test(file)).length).toBeGreaterThanOrEqual(4);
	expect(
		files.filter(
			(file) =>
				/^package\/(test|scripts|credentials|nodes)\//.test(file) ||
				(/\.ts$/.test(file) && !/\.d\.ts$/.test(file)),
		),
	).toEqual([]);
	const packageJson = JSON.parse(
		execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	);
	expect(packageJson.dependencies ?? {}).toEqual({});
});

// n8n's verification scanner itself runs on the tarball and the sources in .ci/run (npm run scan:package).

describe.each(versionsUnderTest())('installed from the tarball into $label', (version) => {
	let env: E2eEnvironment;

	beforeAll(async () => {
		env = await startEnvironment(version, 'packaged', { packageFolder: '', startServer: false });
		await installTarballLikeN8n(tarball, env.n8n.nodesFolder);
		await env.n8n.importWorkflows([
			probeWorkflow('probe-packaged', env.credential('secopsUtmPasswd1')),
		]);
		await env.n8n.start();
	});

	afterAll(async () => {
		await env?.stop();
	});

	test('n8n lists every node and credential of the package', async () => {
		await env.rest.ownerLogin(OWNER);
		const nodes = await listedTypes(env, '/types/nodes.json');
		const credentials = await listedTypes(env, '/types/credentials.json');
		expect(Array.isArray(nodes) && Array.isArray(credentials)).toBe(true);
		expect(nodes.map((node) => node.name)).toEqual(expect.arrayContaining(NODE_TYPES));
		expect(credentials.map((credential) => credential.name)).toEqual(
			expect.arrayContaining(CREDENTIAL_TYPES),
		);
	});

	test("n8n serves each node's codex, so the node panel finds it by a SOC engineer's words (SIEM, XDR, ECE)", async () => {
		const nodes = (await listedTypes(env, '/types/nodes.json')) as Array<{
			name: string;
			codex?: { categories?: string[]; alias?: string[] };
		}>;
		const aliasesOf = (name: string) =>
			nodes.find((node) => node.name === `n8n-nodes-secops.${name}`)?.codex?.alias ?? [];
		expect(aliasesOf('utmStack')).toEqual(expect.arrayContaining(['SIEM', 'XDR']));
		expect(aliasesOf('stellarCyber')).toEqual(expect.arrayContaining(['XDR']));
		expect(aliasesOf('elasticCloudEnterprise')).toEqual(expect.arrayContaining(['ECE']));
		for (const name of NODE_TYPES)
			expect(nodes.find((node) => node.name === name)?.codex?.categories?.length).toBeGreaterThan(
				0,
			);
	});

	test("n8n's log has no load error for the package", () => {
		const log = env.n8n.log();
		expect(log).not.toMatch(
			/Failed to load package|Skipping package|n8n-nodes-secops.*(error|Error)/,
		);
	});

	test('a workflow runs on the installed package', async () => {
		await env.n8n.stop();
		const result = await env.n8n.execute('probe-packaged');
		finishedRun(result);
		expect(result.output(PROBE_NODE_NAME)).toHaveLength(1);
		expect(env.simulators.utmstack.stats.logins).toBe(1);
	});
});
