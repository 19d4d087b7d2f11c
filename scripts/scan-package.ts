import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { scannerLegs } from './scanner-legs';

/** npm run scan:package: n8n's verification scanner on this checkout and its packed tarball (scripts/scanner-legs.ts). */
async function main(): Promise<void> {
	const root = join(__dirname, '..');
	const folder = mkdtempSync(join(tmpdir(), 'secops-pack-'));
	try {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', folder], {
				cwd: root,
				encoding: 'utf8',
			}),
		) as Array<{ filename: string }>;
		const legs = await scannerLegs(root, join(folder, packed.filename));
		for (const { leg, result } of legs) {
			console.log(
				`${result.passed ? 'passed' : 'FAILED'}: ${leg}${result.message ? `: ${result.message}` : ''}`,
			);
			if (result.details) console.log(result.details);
		}
		console.log(
			'skipped (they need the package on the npm registry): the provenance check and fetching the source it names',
		);
		if (legs.some(({ result }) => !result.passed)) process.exitCode = 1;
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
