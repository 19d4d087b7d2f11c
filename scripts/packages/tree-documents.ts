import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { moveExpression, type PlatformPackage } from './platform-packages';

/**
 * The files of a package's tree besides its code: package.json, the build and lint settings of n8n's
 * starter (n8n-nodes-starter, built with @n8n/node-cli), its lock, README, CHANGELOG, LICENSE and the CI
 * and release workflows.
 */

export interface TreeContext {
	root: string;
	pkg: PlatformPackage;
	version: string;
	/** The credential's documentation link (its documentationUrl). */
	vendorDocs: string;
}

const GITHUB_OWNER = 'n8n-nodes-secops';

function templateLock(
	root: string,
): { packages: Record<string, { devDependencies?: Record<string, string> }> } & Record<
	string,
	unknown
> {
	return JSON.parse(
		readFileSync(join(root, 'scripts', 'packages', 'template', 'package-lock.json'), 'utf8'),
	);
}

function combined(root: string): {
	version: string;
	engines: Record<string, string>;
	author: Record<string, string>;
	license: string;
} {
	return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

/** The dev tools every package installs: those the committed lock holds (scripts/packages/template). */
export function treeDevDependencies(root: string): Record<string, string> {
	return templateLock(root).packages['']?.devDependencies ?? {};
}

export function packageJson({ root, pkg, version }: TreeContext): string {
	const main = combined(root);
	const repository = `https://github.com/${GITHUB_OWNER}/${pkg.name}`;
	const json = {
		name: pkg.name,
		version,
		description: pkg.description,
		license: main.license,
		homepage: `${repository}#readme`,
		keywords: ['n8n-community-node-package', 'n8n', ...pkg.keywords],
		author: main.author,
		repository: { type: 'git', url: `git+${repository}.git` },
		engines: main.engines,
		scripts: {
			build: 'n8n-node build',
			'build:watch': 'tsc --watch',
			dev: 'n8n-node dev',
			lint: 'n8n-node lint',
			'lint:fix': 'n8n-node lint --fix',
			release: 'n8n-node release',
			prepublishOnly: 'n8n-node prerelease',
			test: 'n8n-node build && node --test test/package.test.js',
		},
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: [`dist/credentials/${pkg.credential}.credentials.js`],
			nodes: pkg.nodes.map((folder) => `dist/nodes/${folder}/${folder}.node.js`),
		},
		devDependencies: treeDevDependencies(root),
		peerDependencies: { 'n8n-workflow': '*' },
	};
	return `${JSON.stringify(json, null, 2)}\n`;
}

export function packageLock({ root, pkg, version }: TreeContext): string {
	const lock = templateLock(root);
	lock.name = pkg.name;
	lock.version = version;
	Object.assign(lock.packages[''], { name: pkg.name, version });
	return `${JSON.stringify(lock, null, 2)}\n`;
}

/** The starter's compiler settings, with this code's language level (ES2022 and the DOM's URL types). */
export function tsconfig(): string {
	const config = {
		compilerOptions: {
			strict: true,
			module: 'commonjs',
			moduleResolution: 'node',
			target: 'es2022',
			lib: ['es2022', 'dom'],
			types: [],
			removeComments: true,
			useUnknownInCatchVariables: false,
			forceConsistentCasingInFileNames: true,
			noImplicitAny: true,
			noImplicitReturns: true,
			noUnusedLocals: true,
			strictNullChecks: true,
			preserveConstEnums: true,
			esModuleInterop: true,
			resolveJsonModule: true,
			declaration: true,
			skipLibCheck: true,
			outDir: './dist/',
		},
		include: ['credentials/**/*', 'nodes/**/*', 'nodes/**/*.json'],
	};
	return `${JSON.stringify(config, null, '\t')}\n`;
}

/** n8n-node lint in strict mode requires this file exactly as the starter has it. */
export const ESLINT_CONFIG =
	"import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n";

export const GITIGNORE = ['node_modules/', 'dist/', '*.tgz', '*.tsbuildinfo', ''].join('\n');

export function npmrc(root: string): string {
	const main = readFileSync(join(root, '.npmrc'), 'utf8');
	const kept = main
		.split('\n')
		.filter((line) =>
			/^(ignore-scripts|fund|audit|update-notifier|omit-lockfile-registry-resolved)=/.test(line),
		);
	return [
		'# eslint-plugin-n8n-nodes-base 1.16.7 (from @n8n/node-cli) runs `npx only-allow pnpm` before it installs, which',
		'# fails under npm; n8n-workflow pulls isolated-vm, whose native build needs Node 24. Neither script is needed.',
		...kept,
		'',
	].join('\n');
}

export function ciWorkflow(): string {
	return `# Lint, build and the package's own tests (against its simulator) on every push and pull request.
name: CI

on:
  pull_request:
  push:
    branches:
      - main

concurrency:
  group: ci-\${{ github.ref }}
  cancel-in-progress: true

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node-version: ['20', '22']
    steps:
      - uses: actions/checkout@v4

      - name: Set up Node.js
        uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node-version }}
          cache: 'npm'

      - name: Install dependencies
        run: npm ci

      - name: Lint (n8n-node lint)
        run: npm run lint

      - name: Build and test (n8n-node build, then the tests against the simulator)
        run: npm test
`;
}

export function releaseWorkflow(): string {
	return `# Publishes the package to npm with provenance on every version tag (0.2.0, 1.0.0-rc.1, ...), as n8n's
# verification requires: community nodes published from GitHub Actions with an npm provenance statement.
#
# Once, on npmjs.com: add this repository and workflow (release.yml) as the package's trusted publisher,
# or store a granular publish token as the repository secret NPM_TOKEN.
#
# To release: \`npm run release\` (n8n-node release) on a clean main bumps the version, updates
# CHANGELOG.md, commits, tags and pushes; the tag runs this workflow.
name: Release

on:
  push:
    tags:
      - '*.*.*'

jobs:
  publish:
    name: Publish to npm
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: actions/checkout@v4

      - name: Set up Node.js
        uses: actions/setup-node@v4
        with:
          node-version: '22'
          cache: 'npm'
          registry-url: 'https://registry.npmjs.org'

      - name: Install dependencies
        run: npm ci

      - name: Tests against the simulator
        run: npm test

      - name: Release with n8n-node release (lint, build, npm publish with provenance)
        run: |
          if [ -n "$NPM_TOKEN" ]; then npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN"; fi
          npm run release
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
`;
}

export function changelog({ pkg, version }: TreeContext): string {
	return `# Changelog

## ${version}

- First release as a package of its own, so that n8n can verify it (one service per package). Built from
  n8n-nodes-secops ${version}: the same ${pkg.title} credential (type \`${credentialType(pkg)}\`), node${pkg.nodes.length > 1 ? ' and trigger' : ''}, with
  the node types renamed to this package (\`${pkg.name}.*\` instead of \`n8n-nodes-secops.*\`).
`;
}

export function license(root: string): string {
	return readFileSync(join(root, 'LICENSE'), 'utf8');
}

function credentialType(pkg: PlatformPackage): string {
	return pkg.credential.charAt(0).toLowerCase() + pkg.credential.slice(1);
}

/** Rows of a Markdown table in the combined README that belong to this platform (its row and continuation rows). */
function readmeRows(readme: string, firstCell: string): string[] {
	const lines = readme.split('\n');
	const start = lines.findIndex((line) => line.startsWith(`| ${firstCell} |`));
	if (start < 0) throw new Error(`README.md has no table row for ${firstCell}`);
	const rows = [lines[start]];
	for (let index = start + 1; index < lines.length && lines[index].startsWith('| |'); index++)
		rows.push(lines[index]);
	return rows;
}

export function readme(context: TreeContext): string {
	const { root, pkg, version, vendorDocs } = context;
	const main = readFileSync(join(root, 'README.md'), 'utf8');
	const credentialRows = readmeRows(main, `${pkg.title} API`);
	const nodeRows = readmeRows(main, pkg.title);
	const trigger = pkg.nodes.find((folder) => folder.endsWith('Trigger'));
	const triggerRows = trigger ? readmeRows(main, `${pkg.title} Trigger`) : [];
	const nodeTypes = pkg.nodes
		.map((folder) => `\`${pkg.name}.${folder.charAt(0).toLowerCase()}${folder.slice(1)}\``)
		.join(', ');
	return `# ${pkg.name}

${pkg.description.replace(/^n8n/, 'An n8n community package:')}.

[${pkg.title}](${vendorDocs}) asks a client to sign in before it answers, and its tokens expire. This package's
credential signs in, keeps the token in the credential (n8n stores it encrypted) and renews it before it ends,
one login at a time, so a schedule, a restart or a queue-mode worker never locks an account with repeated
logins; a secret the platform refused is not sent again until you edit the credential.

## Install

- **n8n Cloud and self-hosted**: Settings > Community Nodes > Install, and enter \`${pkg.name}\`.
- **With npm** (self-hosted): \`cd ~/.n8n/nodes && npm install ${pkg.name}\`, then restart n8n.

No runtime dependencies. Tested on n8n 2.41.1 and 1.123.81 (Node.js 20.15 or later).

## Credentials

Fill in the **Base URL** (with \`http://\` or \`https://\`). **Ignore SSL Issues (Insecure)** is off by default: turn it on
only for a server you trust that uses a self-signed certificate. The **Test** button signs in and reads one cheap
endpoint.

| credential | methods | what to fill in |
| --- | --- | --- |
${credentialRows.join('\n')}

## Operations

| node | resources and operations |
| --- | --- |
${nodeRows.join('\n')}
${
	triggerRows.length > 0
		? `
### Trigger

| trigger | event | options |
| --- | --- | --- |
${triggerRows.join('\n')}

When the workflow is activated, the first poll notes where to start and emits nothing; later polls emit each new
record once. A poll that fails emits nothing and keeps its place, so nothing is lost or emitted twice.
`
		: ''
}
## Examples

- **Triage on a schedule**: Schedule Trigger > ${pkg.title} (a search or Get Many with **Return All**) > IF > your
  ticketing or chat node. Return All reads every page once, whatever the platform's page limit.
${trigger ? `- **React to new records**: ${pkg.title} Trigger (Poll Times: every minute) > enrichment > ${pkg.title} (update or add a note).\n` : ''}- **As a tool for an AI agent**: the node is usable as a tool (\`usableAsTool\`); give the agent the operations it may call.

## Moving from n8n-nodes-secops

This package holds the ${pkg.title} part of \`n8n-nodes-secops\` (which holds four platforms for self-hosted n8n).

- **Credentials keep working**: the credential type is the same (\`${credentialType(pkg)}\`), so saved credentials,
  and the session they hold, are used as they are.
- **Workflows name the node by package**: a saved workflow names \`n8n-nodes-secops.<node>\`; this package's nodes are
  ${nodeTypes}. Without n8n-nodes-secops, n8n reports such a workflow's node as unrecognized. Rename the types
  in the exported workflows and import them again (same ids, so they replace the old ones; activate them again
  where they were active):

  \`\`\`
  n8n export:workflow --all --output=workflows.json
  sed -E -i '${moveExpression(pkg)}' workflows.json
  n8n import:workflow --input=workflows.json
  \`\`\`
- Both packages can be installed at once while you move (measured on n8n 2.41.1 and 1.123.81): n8n lists the
  credential type twice, once per package, and one saved credential serves the nodes of both. Uninstall
  n8n-nodes-secops once the workflows are moved.

## Versions

| version | n8n | notes |
| --- | --- | --- |
| ${version} | 2.41.1, 1.123.81 | first release as its own package (from n8n-nodes-secops ${version}) |

## Development

\`\`\`
npm ci          # the dev tools (@n8n/node-cli, n8n-core for the tests)
npm run lint    # n8n-node lint: n8n's community-node rules, as verification runs them
npm test        # n8n-node build, then test/ against the ${pkg.title} simulator with n8n's execution contexts
npm run release # n8n-node release: version, changelog, tag; the tag's workflow publishes with provenance
\`\`\`

\`test/\` is written from n8n-nodes-secops (its simulator of ${pkg.title}, n8n's execution harness and the package
checks) as JavaScript: n8n-node lint applies the community-node rules to every TypeScript file of a package.

## License

MIT
`;
}
