/** The queue-mode suite: Redis, PostgreSQL, one n8n main and two workers; the simulators in this process. Slow. */
module.exports = {
	testEnvironment: 'node',
	reporters: ['default', '<rootDir>/test/helpers/failure-summary-reporter.js'],
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	testTimeout: 10 * 60_000,
	maxWorkers: 1,
	verbose: true,
};
