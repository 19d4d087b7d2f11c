import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import type { Analysis } from '@n8n/scan-community-package/scanner/scanner.mjs';

/**
 * The two lint legs of n8n's verification scanner (@n8n/scan-community-package) that run without publishing:
 * the sources it would fetch from the repository named in the npm provenance, and the tarball's compiled
 * JavaScript and package.json. Skipped, because they need the package on the npm registry: the provenance
 * check, and finding the source through it.
 */
export async function scannerLegs(
	sourceRoot: string,
	tarball: string,
): Promise<Array<{ leg: string; result: Analysis }>> {
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const folder = mkdtempSync(join(tmpdir(), 'secops-scan-'));
	try {
		const unpacked = join(folder, 'package');
		mkdirSync(unpacked);
		execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
		return [
			{
				leg: `source (package.json, nodes/ and credentials/ of ${sourceRoot})`,
				result: await scanner.analyzePackage(sourceRoot, scanner.SOURCE_FILE_PATTERNS),
			},
			{
				leg: `tarball ${basename(tarball)} (its JavaScript and package.json)`,
				result: await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json']),
			},
		];
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
