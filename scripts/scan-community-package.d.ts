// The part of n8n's verification scanner (an untyped ES module) that scripts/scan-package.ts calls.
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	export interface Analysis {
		passed: boolean;
		message?: string;
		details?: string;
	}
	/** Lints a package folder with the scanner's ESLint configuration; inline eslint comments are not honoured. */
	export function analyzePackage(folder: string, patterns?: string[]): Promise<Analysis>;
	/** What the scanner lints of the source repository that a package's provenance names. */
	export const SOURCE_FILE_PATTERNS: string[];
}
