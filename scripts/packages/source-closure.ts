import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The source files a package of one platform needs: its credential and node files, every file they import
 * (relative imports, followed to the end, so the shared code comes along and nothing of another platform
 * does unless imported), the other files of its node folders (codex .node.json) and the icons they name.
 */

const RELATIVE_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)'(\.{1,2}\/[^']+)'/g;
const ICON_REFERENCE = /'file:([^']+\.(?:svg|png))'/g;

function resolveImport(fromFile: string, specifier: string): string {
	const base = resolve(dirname(fromFile), specifier);
	for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	throw new Error(`${fromFile} imports ${specifier}, which is not a file here`);
}

function filesUnder(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
	);
}

/** Repository-relative paths, sorted: the closure of the entries' imports plus the node folders and icons. */
export function sourceClosure(root: string, credential: string, nodeFolders: string[]): string[] {
	const entries = [
		join(root, 'credentials', `${credential}.credentials.ts`),
		...nodeFolders.flatMap((folder) => filesUnder(join(root, 'nodes', folder))),
	];
	const found = new Set<string>();
	const pending = [...entries];
	while (pending.length > 0) {
		const file = pending.pop() as string;
		if (found.has(file)) continue;
		found.add(file);
		if (!file.endsWith('.ts')) continue;
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(RELATIVE_IMPORT)) pending.push(resolveImport(file, match[1]));
		for (const match of text.matchAll(ICON_REFERENCE)) {
			const icon = resolve(dirname(file), match[1]);
			if (!existsSync(icon))
				throw new Error(`${file} names the icon ${match[1]}, which is missing`);
			pending.push(icon);
		}
	}
	const paths = [...found].map((file) => relative(root, file));
	const outside = paths.filter(
		(path) => path.startsWith('..') || !/^(credentials|nodes|icons)\//.test(path),
	);
	if (outside.length > 0)
		throw new Error(
			`the package's code reaches outside credentials/, nodes/ and icons/: ${outside.join(', ')}`,
		);
	return paths.sort();
}
