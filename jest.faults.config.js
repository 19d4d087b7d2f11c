/** The fault-injection suite: simulator faults through real n8n executions. Slow; one file at a time. */
module.exports = {
	testEnvironment: 'node',
	reporters: ['default', '<rootDir>/test/helpers/failure-summary-reporter.js'],
	roots: ['<rootDir>/test/faults'],
	testMatch: ['**/*.faults.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	testTimeout: 20 * 60_000,
	maxWorkers: 1,
	verbose: true,
};
