import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * npm run scan:package: n8n's verification scanner (@n8n/scan-community-package) as far as it runs without
 * publishing. Its own analyzePackage runs both of its lint legs: the source files it would fetch from the
 * repository named in the npm provenance (here: this checkout) and the compiled JavaScript and package.json
 * of the tarball (here: `npm pack` of this checkout, built first). Skipped, because they need the package
 * on the npm registry: the provenance check, and finding the source through it.
 */

import type { Analysis } from '@n8n/scan-community-package/scanner/scanner.mjs';

async function main(): Promise<void> {
	const root = join(__dirname, '..');
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const folder = mkdtempSync(join(tmpdir(), 'secops-scan-'));
	try {
		const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', folder], { cwd: root, encoding: 'utf8' })) as Array<{ filename: string }>;
		const unpacked = join(folder, 'package');
		mkdirSync(unpacked);
		execFileSync('tar', ['-xzf', join(folder, packed.filename), '-C', unpacked, '--strip-components=1']);
		const legs: Array<[string, Analysis]> = [
			['source (package.json, nodes/ and credentials/ of this checkout)', await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS)],
			[`tarball ${packed.filename} (its JavaScript and package.json)`, await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json'])],
		];
		for (const [leg, result] of legs) {
			console.log(`${result.passed ? 'passed' : 'FAILED'}: ${leg}${result.message ? `: ${result.message}` : ''}`);
			if (result.details) console.log(result.details);
		}
		console.log('skipped (they need the package on the npm registry): the provenance check and fetching the source it names');
		if (legs.some(([, result]) => !result.passed)) process.exitCode = 1;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(),
	(error: Error) => {
		console.error(error);
		process.exit(1);
	},
);
