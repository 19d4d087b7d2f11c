import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

import ts from 'typescript';

import type { PlatformPackage } from './platform-packages';

/**
 * A package's own tests, written into its tree as JavaScript: test/package-tree/package-checks.ts, the
 * platform's entry in test/platforms, its simulator and n8n's execution harness, compiled from this
 * repository's TypeScript. They are JavaScript in the tree because n8n-node lint applies the
 * community-node rules (no timers, no process, allowed imports only) to every TypeScript file of a package,
 * and a simulator is a server. Their imports of credentials/ and nodes/ point at the tree's dist/, so they
 * test the build that ships.
 */

const REQUIRE = /require\("(\.{1,2}\/[^"]+)"\)/g;

const COMPILER_OPTIONS: ts.CompilerOptions = {
	module: ts.ModuleKind.CommonJS,
	moduleResolution: ts.ModuleResolutionKind.Node10,
	target: ts.ScriptTarget.ES2022,
	lib: ['lib.es2022.d.ts'],
	types: ['node'],
	strict: true,
	esModuleInterop: true,
	resolveJsonModule: true,
	skipLibCheck: true,
	removeComments: false,
	useUnknownInCatchVariables: false,
};

/** Compiles the platform's tests; returns the tree-relative paths written (all under test/). */
export function writeTreeTests(root: string, tree: string, pkg: PlatformPackage): string[] {
	const entries = [
		'test/package-tree/package-checks.ts',
		`test/platforms/${pkg.platformModule}.ts`,
	].map((file) => join(root, file));
	const out = mkdtempSync(join(tmpdir(), 'secops-tree-tests-'));
	try {
		const program = ts.createProgram(entries, { ...COMPILER_OPTIONS, outDir: out, rootDir: root });
		const diagnostics = ts.getPreEmitDiagnostics(program);
		if (diagnostics.length > 0)
			throw new Error(
				ts.formatDiagnostics(diagnostics, {
					getCanonicalFileName: (name) => name,
					getCurrentDirectory: () => root,
					getNewLine: () => '\n',
				}),
			);
		const written: string[] = [];
		const emitted = program.emit(undefined, (fileName, text) => {
			const fromRoot = relative(out, fileName);
			if (!fromRoot.startsWith(`test${sep}`)) return; // credentials/ and nodes/ come from the tree's own build
			if (fromRoot === join('test', 'platforms', 'index.js'))
				throw new Error('the tests reached the registry of every platform');
			const source = join(root, fromRoot);
			const target = join(tree, fromRoot);
			const pointed = text.replace(REQUIRE, (whole, specifier: string) => {
				const imported = resolve(dirname(source), specifier);
				const fromRepo = relative(root, imported);
				if (!/^(credentials|nodes)\//.test(fromRepo)) return whole;
				let path = relative(dirname(target), join(tree, 'dist', fromRepo))
					.split(sep)
					.join('/');
				if (!path.startsWith('.')) path = `./${path}`;
				return `require("${path}")`;
			});
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, pointed);
			written.push(fromRoot);
		});
		if (emitted.emitSkipped) throw new Error('the tests did not compile');
		const runner = join('test', 'package.test.js');
		writeFileSync(
			join(tree, runner),
			[
				`// Written by n8n-nodes-secops's \`npm run packages\`: the checks of test/package-tree for ${pkg.title}.`,
				"'use strict';",
				"const { join } = require('node:path');",
				"const { packageChecks } = require('./package-tree/package-checks');",
				`const { ${pkg.platformExport} } = require('./platforms/${pkg.platformModule}');`,
				'',
				`packageChecks(${pkg.platformExport}, join(__dirname, '..'));`,
				'',
			].join('\n'),
		);
		return [...written, runner].sort();
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}
