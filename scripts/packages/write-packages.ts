import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { PLATFORM_PACKAGES, type PlatformPackage } from './platform-packages';
import { sourceClosure } from './source-closure';
import {
	ESLINT_CONFIG,
	GITIGNORE,
	changelog,
	ciWorkflow,
	license,
	npmrc,
	packageJson,
	packageLock,
	readme,
	releaseWorkflow,
	tsconfig,
	type TreeContext,
} from './tree-documents';
import { writeTreeTests } from './tree-tests';

/**
 * npm run packages -- --out <dir>: writes one standalone repository per platform (<dir>/n8n-nodes-utmstack,
 * ...), each what a maintainer pushes as its own repository and submits for n8n's verification. The combined
 * package n8n-nodes-secops is this repository itself, from the same sources.
 */

const ROOT = join(__dirname, '..', '..');

function credentialDocs(pkg: PlatformPackage): string {
	const module = require(join(ROOT, 'credentials', `${pkg.credential}.credentials`)) as Record<
		string,
		new () => { documentationUrl?: string }
	>;
	const url = new module[pkg.credential]().documentationUrl;
	if (!url) throw new Error(`${pkg.credential} has no documentationUrl`);
	return url;
}

/** Writes one package's tree into `tree` (emptied first); returns the files written, tree-relative. */
export function writePackage(pkg: PlatformPackage, tree: string, version: string): string[] {
	rmSync(tree, { recursive: true, force: true });
	mkdirSync(tree, { recursive: true });
	const files = sourceClosure(ROOT, pkg.credential, pkg.nodes);
	for (const file of files) {
		mkdirSync(dirname(join(tree, file)), { recursive: true });
		cpSync(join(ROOT, file), join(tree, file));
	}
	files.push(...writeTreeTests(ROOT, tree, pkg));
	const context: TreeContext = { root: ROOT, pkg, version, vendorDocs: credentialDocs(pkg) };
	const documents: Record<string, string> = {
		'package.json': packageJson(context),
		'package-lock.json': packageLock(context),
		'tsconfig.json': tsconfig(),
		'eslint.config.mjs': ESLINT_CONFIG,
		'.gitignore': GITIGNORE,
		'.npmrc': npmrc(ROOT),
		'README.md': readme(context),
		'CHANGELOG.md': changelog(context),
		LICENSE: license(ROOT),
		'.github/workflows/ci.yml': ciWorkflow(),
		'.github/workflows/release.yml': releaseWorkflow(),
	};
	for (const [file, text] of Object.entries(documents)) {
		mkdirSync(dirname(join(tree, file)), { recursive: true });
		writeFileSync(join(tree, file), text);
		files.push(file);
	}
	return files.sort();
}

export function writePackages(
	out: string,
): Array<{ pkg: PlatformPackage; tree: string; files: string[] }> {
	const { version } = require(join(ROOT, 'package.json')) as { version: string };
	mkdirSync(out, { recursive: true });
	return PLATFORM_PACKAGES.map((pkg) => {
		const tree = join(out, pkg.name);
		return { pkg, tree, files: writePackage(pkg, tree, version) };
	});
}

export function outArgument(argv: string[]): string {
	const at = argv.indexOf('--out');
	const value = at >= 0 ? argv[at + 1] : undefined;
	if (!value) throw new Error('usage: npm run packages -- --out <dir>');
	const out = resolve(value);
	if (out.startsWith(`${ROOT}/`) && !out.startsWith(join(ROOT, 'test-artifacts'))) {
		throw new Error(
			"write the packages outside this repository (or under test-artifacts/): n8n-node lint would read this repository's files",
		);
	}
	if (
		existsSync(out) &&
		readdirSync(out).some((entry) => !PLATFORM_PACKAGES.some((pkg) => pkg.name === entry))
	) {
		throw new Error(
			`${out} holds other files; give an empty folder or one with only these packages`,
		);
	}
	return out;
}

if (require.main === module) {
	const out = outArgument(process.argv.slice(2));
	for (const { pkg, tree, files } of writePackages(out))
		console.log(`${pkg.name}: ${files.length} files in ${tree}`);
}
