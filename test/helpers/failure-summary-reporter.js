/**
 * Repeats, at the very end of a run, which tests failed and the first lines of why (including a failed
 * beforeAll, which jest reports against the file): CI keeps only the end of what a run printed.
 */
class FailureSummaryReporter {
	onRunComplete(_contexts, results) {
		const lines = [];
		for (const file of results.testResults) {
			const relative = file.testFilePath.replace(`${process.cwd()}/`, '');
			if (file.testExecError) lines.push(`${relative}: ${firstLines(file.testExecError.message)}`);
			const failed = file.testResults.filter((test) => test.status === 'failed');
			if (failed.length === 0 && file.failureMessage && !file.testExecError)
				lines.push(`${relative}: ${firstLines(file.failureMessage)}`);
			const reasons = new Map();
			for (const test of failed) {
				const reason = firstLines(test.failureMessages.join('\n'));
				reasons.set(reason, [...(reasons.get(reason) ?? []), test.fullName]);
			}
			for (const [reason, names] of reasons) {
				const shown =
					names.length > 3
						? `${names.slice(0, 3).join(' | ')} | and ${names.length - 3} more`
						: names.join(' | ');
				lines.push(`${relative}: ${names.length} failed (${shown}):\n    ${reason}`);
			}
		}
		if (lines.length > 0)
			process.stderr.write(
				`\nFailures in this run:\n${lines.map((line) => `- ${line}`).join('\n')}\n`,
			);
	}
}

function firstLines(text) {
	// eslint-disable-next-line no-control-regex
	const plain = String(text).replace(/\u001b\[[0-9;]*m/g, '');
	return plain
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('at '))
		.slice(0, 6)
		.join('\n    ')
		.slice(0, 1200);
}

module.exports = FailureSummaryReporter;
