import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	PLATFORM_PACKAGES,
	moveExpression,
	nodeNames,
} from '../../scripts/packages/platform-packages';
import { treeDevDependencies } from '../../scripts/packages/tree-documents';
import { writePackages } from '../../scripts/packages/write-packages';

/**
 * What `npm run packages` writes, read as n8n's verification reads it. Building, linting with n8n-node and
 * each package's own tests run in `npm run packages:verify` (CI), on copies away from this repository.
 */

const ROOT = join(__dirname, '..', '..');
const OTHER_VENDOR_FILES = ['utmstack', 'stellar-cyber', 'immuta', 'elastic-cloud-enterprise'];

let out: string;
let written: ReturnType<typeof writePackages>;

beforeAll(() => {
	out = mkdtempSync(join(tmpdir(), 'secops-packages-test-'));
	written = writePackages(out);
}, 120_000);

afterAll(() => {
	rmSync(out, { recursive: true, force: true });
});

test('one tree per platform, named as the issue asks', () => {
	expect(written.map(({ pkg }) => pkg.name)).toEqual([
		'n8n-nodes-utmstack',
		'n8n-nodes-stellar-cyber',
		'n8n-nodes-immuta',
		'n8n-nodes-elastic-cloud-enterprise',
	]);
});

describe.each(PLATFORM_PACKAGES.map((pkg) => ({ pkg, name: pkg.name })))('$name', ({ pkg }) => {
	const tree = () => join(out, pkg.name);
	const files = () => written.find((entry) => entry.pkg.name === pkg.name)?.files ?? [];
	const json = () => JSON.parse(readFileSync(join(tree(), 'package.json'), 'utf8'));

	test('package.json: MIT, the community keyword, no runtime dependency, no repository.directory, only its own credential and nodes', () => {
		const manifest = json();
		expect(manifest.license).toBe('MIT');
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.repository).toEqual({
			type: 'git',
			url: `git+https://github.com/n8n-nodes-secops/${pkg.name}.git`,
		});
		expect(manifest.files).toEqual(['dist']);
		expect(manifest.n8n).toEqual({
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: [`dist/credentials/${pkg.credential}.credentials.js`],
			nodes: pkg.nodes.map((folder) => `dist/nodes/${folder}/${folder}.node.js`),
		});
		expect(manifest.scripts).toEqual(
			expect.objectContaining({
				build: 'n8n-node build',
				lint: 'n8n-node lint',
				release: 'n8n-node release',
				prepublishOnly: 'n8n-node prerelease',
			}),
		);
		expect(manifest.devDependencies).toEqual(treeDevDependencies(ROOT));
		expect(manifest.devDependencies['@n8n/node-cli']).toBe('0.48.3');
		const lock = JSON.parse(readFileSync(join(tree(), 'package-lock.json'), 'utf8'));
		expect(lock.packages[''].devDependencies).toEqual(manifest.devDependencies);
		expect(lock.packages[''].name).toBe(pkg.name);
	});

	test("the code is this repository's, unchanged, and none of another platform's", () => {
		const code = files().filter((file) => /^(credentials|nodes|icons)\//.test(file));
		for (const file of code)
			expect(readFileSync(join(tree(), file))).toEqual(readFileSync(join(ROOT, file)));
		const others = OTHER_VENDOR_FILES.filter(
			(vendor) => vendor !== pkg.name.replace(/^n8n-nodes-/, ''),
		);
		expect(
			code.filter((file) => others.some((vendor) => file.includes(`vendors/${vendor}.ts`))),
		).toEqual([]);
		const nodeFolders = [
			...new Set(
				code.filter((file) => file.startsWith('nodes/')).map((file) => file.split('/')[1]),
			),
		].sort();
		expect(nodeFolders).toEqual([...pkg.nodes, 'common'].sort());
		expect(
			code.filter((file) => file.startsWith('credentials/') && file.endsWith('.credentials.ts')),
		).toEqual([`credentials/${pkg.credential}.credentials.ts`]);
	});

	test('its tests carry its own simulator only, and point at its build', () => {
		const tests = files().filter((file) => file.startsWith('test/'));
		expect(tests).toEqual(
			expect.arrayContaining([
				'test/package.test.js',
				'test/package-tree/package-checks.js',
				`test/platforms/${pkg.platformModule}.js`,
				'test/helpers/n8n-harness.js',
			]),
		);
		expect(tests).not.toContain('test/platforms/index.js');
		const simulators = tests.filter(
			(file) =>
				/^test\/simulators\/[^/]+\.js$/.test(file) && !/(fixtures|options|seed)\.js$/.test(file),
		);
		expect(simulators.length).toBeGreaterThan(0);
		expect(
			simulators.filter((file) => !file.startsWith(`test/simulators/${pkg.platformModule}`)),
		).toEqual([]);
		const platformEntry = readFileSync(
			join(tree(), 'test', 'platforms', `${pkg.platformModule}.js`),
			'utf8',
		);
		expect(platformEntry).toContain(
			`require("../../dist/credentials/${pkg.credential}.credentials")`,
		);
		expect(existsSync(join(tree(), 'test', 'package.test.js'))).toBe(true);
	});

	test('the files a maintainer pushes: README, CHANGELOG, LICENSE, strict lint config, CI and a tag-triggered release with provenance', () => {
		for (const file of [
			'README.md',
			'CHANGELOG.md',
			'LICENSE',
			'eslint.config.mjs',
			'tsconfig.json',
			'.gitignore',
			'.npmrc',
			'.github/workflows/ci.yml',
			'.github/workflows/release.yml',
		]) {
			expect(files()).toContain(file);
		}
		expect(readFileSync(join(tree(), 'eslint.config.mjs'), 'utf8')).toBe(
			"import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n",
		);
		const release = readFileSync(join(tree(), '.github', 'workflows', 'release.yml'), 'utf8');
		expect(release).toMatch(/push:\n\s+tags:/);
		expect(release).toContain('id-token: write');
		expect(release).toContain('npm run release');
		const readme = readFileSync(join(tree(), 'README.md'), 'utf8');
		for (const name of nodeNames(pkg)) expect(readme).toContain(`${pkg.name}.${name}`);
		expect(readme).toContain(`sed -E -i '${moveExpression(pkg)}' workflows.json`);
		expect(readme).toContain(pkg.credential.charAt(0).toLowerCase() + pkg.credential.slice(1));
		expect(readFileSync(join(tree(), 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
	});
});

test("the combined README documents each package's move with the command the end-to-end suite runs", () => {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	for (const pkg of PLATFORM_PACKAGES) expect(readme).toContain(moveExpression(pkg));
});
