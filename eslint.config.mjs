import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

// Both plugins read package.json as a JavaScript object expression, so it goes through the TS parser.
const packageJsonParsing = {
	parser: tseslint.parser,
	parserOptions: { extraFileExtensions: ['.json'] },
};

// Two rule sets, as n8n's verification applies them: @n8n/eslint-plugin-community-nodes (the scanner's
// recommended rules) on what runs inside n8n, and eslint-plugin-n8n-nodes-base's community, credential
// and node rules.
export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'coverage/**',
			'test-artifacts/**',
			'**/*.js',
			'**/*.mjs',
		],
	},
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{ ...communityNodes.configs.recommended, files: ['credentials/**/*.ts', 'nodes/**/*.ts'] },
	{
		...communityNodes.configs.recommended,
		files: ['package.json'],
		languageOptions: packageJsonParsing,
	},
	{
		files: ['package.json'],
		languageOptions: packageJsonParsing,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.credentials.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// That rule wants n8n's own docs slugs; community credentials link to the vendor's docs, which
			// @n8n/community-nodes/credential-documentation-url accepts.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Our nodes send every request through nodes/common, which uses httpRequestWithAuthentication.
			'n8n-nodes-base/node-execute-block-wrong-error-thrown': 'off',
			// Superseded: the scanner's rule (@n8n/community-nodes/node-connection-type-literal) wants NodeConnectionTypes.Main.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
