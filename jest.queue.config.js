/** The queue-mode suite: Redis, PostgreSQL, one n8n main and two workers; the simulators in this process. Slow. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	testTimeout: 10 * 60_000,
	maxWorkers: 1,
	verbose: true,
};
