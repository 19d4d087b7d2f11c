import { finishedRun, type ExecutionResult } from '../../scripts/n8n/instance';

/** What the e2e suites say when `n8n execute` did not return a finished run: what n8n returned instead. */

const result = (status: number, stdout: string, stderr = ''): ExecutionResult => ({
	status,
	stdout,
	stderr,
	output: () => [],
});

test('a missing run is reported with the exit code and the end of what n8n printed', () => {
	const stdout = `${'x'.repeat(5000)}\nError: Workflow could not be found\n`;
	expect(() => finishedRun(result(1, stdout, 'database is locked'))).toThrow(
		/printed no run and exited with code 1\.\nIts output ends:\n\.\.\.x+\nError: Workflow could not be found\n\nIts errors end:\ndatabase is locked/,
	);
});

test('a run printed but not finished says so', () => {
	expect(() => finishedRun(result(0, '{\n  "finished": false\n}\n'))).toThrow(
		/printed a run it did not finish, or that failed and exited with code 0/,
	);
});

test('a finished run is returned', () => {
	const run = { data: { resultData: { runData: {} } } };
	expect(finishedRun({ ...result(0, ''), run } as ExecutionResult)).toBe(run);
});
