import { existsSync, writeFileSync } from 'node:fs';

/**
 * n8n's clock moved without waiting (../shared/reference/testing-time.md): libfaketime from Debian's `faketime`
 * package, reading its offset from a file on every call, so a test moves a running n8n (and every `n8n execute` it
 * starts) forward. Timers and performance.now keep real time (FAKETIME_DONT_FAKE_MONOTONIC), so n8n's own
 * timeouts behave. The simulators keep real time; a platform's clock is their clockOffsetMs.
 */
export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

export interface FakeClock {
	env: Record<string, string>;
	/** n8n's clock this many minutes ahead of real time (from now on, for every process started with `env`). */
	set(minutesAhead: number): void;
}

export function fakeClock(file: string): FakeClock {
	if (!existsSync(LIBFAKETIME))
		throw new Error(`${LIBFAKETIME} is missing: apt-get install faketime (.ci/run installs it)`);
	writeFileSync(file, '+0');
	return {
		env: {
			LD_PRELOAD: LIBFAKETIME,
			FAKETIME_TIMESTAMP_FILE: file,
			FAKETIME_NO_CACHE: '1',
			FAKETIME_DONT_FAKE_MONOTONIC: '1',
		},
		set: (minutesAhead) => writeFileSync(file, `+${minutesAhead}m`),
	};
}
