// The rules n8n's verification scanner applies to a published package: @n8n/eslint-plugin-community-nodes'
// recommended set, on the built JavaScript and package.json of an unpacked tarball (run with that folder as cwd).
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default [
	{ ...communityNodes.configs.recommended, files: ['**/*.js'] },
	{
		...communityNodes.configs.recommended,
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
];
