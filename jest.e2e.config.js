/** The end-to-end suite: a real n8n process per version, the simulators in this process. Slow; one file at a time. */
module.exports = {
	testEnvironment: 'node',
	reporters: ['default', '<rootDir>/test/helpers/failure-summary-reporter.js'],
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	testTimeout: 20 * 60_000,
	maxWorkers: 1,
	verbose: true,
};
