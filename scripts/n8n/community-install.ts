import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Installs a packed tarball into n8n's nodes folder the way n8n's Community Nodes installer installs a
 * package it fetched with `npm pack` (n8n 2.x community-packages.service downloadPackage): unpack into
 * node_modules/<name>, drop dev, peer and optional dependencies from its package.json, install what is
 * left with scripts off, and record the dependency in the nodes folder's package.json.
 */
export async function installTarballLikeN8n(tarball: string, nodesFolder: string): Promise<string> {
	const listing = await run('tar', ['-xzOf', tarball, 'package/package.json']);
	const packageJson = JSON.parse(listing.stdout) as Record<string, unknown> & {
		name: string;
		version: string;
	};
	const packageDirectory = join(nodesFolder, 'node_modules', packageJson.name);
	mkdirSync(packageDirectory, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', packageDirectory, '--strip-components=1']);
	const kept: Record<string, unknown> = { ...packageJson };
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
		delete kept[field];
	writeFileSync(join(packageDirectory, 'package.json'), JSON.stringify(kept, null, 2));
	await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDirectory },
	);
	const manifestPath = join(nodesFolder, 'package.json');
	const manifest = existsSync(manifestPath)
		? JSON.parse(readFileSync(manifestPath, 'utf8'))
		: { name: 'installed-nodes', private: true };
	manifest.dependencies = {
		...(manifest.dependencies ?? {}),
		[packageJson.name]: packageJson.version,
	};
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	return packageDirectory;
}

/** `npm pack` of the repository into `destination`; returns the tarball's path. */
export async function packRepository(repository: string, destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: repository,
	});
	const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
	return join(destination, packed.filename);
}
