import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * npm run check:package: what a user downloads and installs. Packs the built package and fails when the
 * tarball holds anything but the compiled package and its documents (source maps pointing at sources it
 * does not ship, tests, scripts), when a node or credential named in package.json is missing from it,
 * or when installing it with npm adds any package besides this one. Prints the figures.
 */

interface PackedFile {
	path: string;
	size: number;
}

const root = join(__dirname, '..');
const problems: string[] = [];
const npm = (args: string[], cwd: string) =>
	execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const folder = mkdtempSync(join(tmpdir(), 'secops-package-'));
try {
	const [packed] = JSON.parse(
		npm(['pack', '--json', '--pack-destination', folder], root),
	) as Array<{ filename: string; size: number; unpackedSize: number; files: PackedFile[] }>;
	const files = packed.files.map((file) => file.path);
	const documents = new Set(['package.json', 'README.md', 'LICENSE', 'index.js']);
	for (const path of files) {
		if (path.endsWith('.map'))
			problems.push(`${path}: a source map of sources the package does not ship`);
		else if (!documents.has(path) && !path.startsWith('dist/'))
			problems.push(`${path}: not part of the package`);
		else if (/(^|\/)test\//.test(path) || /\.test\.js$/.test(path))
			problems.push(`${path}: a test`);
	}
	const manifest = JSON.parse(npm(['pkg', 'get', 'n8n'], root)) as {
		nodes: string[];
		credentials: string[];
	};
	for (const declared of [...manifest.nodes, ...manifest.credentials])
		if (!files.includes(declared))
			problems.push(`${declared}: named in package.json, missing from the tarball`);

	// what `npm install <tarball>` puts into a user's nodes folder
	const user = join(folder, 'nodes');
	execFileSync('mkdir', ['-p', user]);
	writeFileSync(
		join(user, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }),
	);
	npm(
		['install', '--no-audit', '--no-fund', '--ignore-scripts', join(folder, packed.filename)],
		user,
	);
	const installed = readdirSync(join(user, 'node_modules')).filter((name) => !name.startsWith('.'));
	const others = installed.filter((name) => name !== 'n8n-nodes-secops');
	if (others.length > 0)
		problems.push(
			`npm install of the tarball added ${others.length} other packages: ${others.slice(0, 10).join(', ')}`,
		);

	console.log(
		`tarball ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed, ${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked`,
	);
	console.log(
		`npm install <tarball> into an empty nodes folder: ${installed.length} package(s) (${installed.join(', ')})`,
	);
} finally {
	rmSync(folder, { recursive: true, force: true });
}
for (const problem of problems) console.error(`package: ${problem}`);
if (problems.length > 0) process.exit(1);
console.log(
	'package: no source map, test or stray file; every node and credential present; no other package installed',
);
