import { readFileSync } from 'node:fs';

/** Median and spread of repeated figures. */
export interface Spread {
	median: number;
	min: number;
	max: number;
	runs: number;
}

export function spread(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values.length };
}

export function formatSpread(value: Spread, unit = '', digits = 0): string {
	const show = (n: number) => `${n.toFixed(digits)}${unit}`;
	return value.min === value.max
		? show(value.median)
		: `${show(value.median)} (${show(value.min)}-${show(value.max)})`;
}

/** Resident memory of a process in MB (Linux /proc), or undefined once it is gone. */
function residentMb(pid: number): number | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
		return Number.isFinite(kb) ? kb / 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** Samples a process's resident memory every 50 ms while `work` runs; the peak and the level before. */
export async function withPeakMemory<T>(
	pid: number,
	work: () => Promise<T>,
): Promise<{ result: T; baselineMb: number; peakMb: number }> {
	const baselineMb = residentMb(pid) ?? 0;
	let peakMb = baselineMb;
	const timer = setInterval(() => {
		peakMb = Math.max(peakMb, residentMb(pid) ?? 0);
	}, 50);
	try {
		const result = await work();
		peakMb = Math.max(peakMb, residentMb(pid) ?? 0);
		return { result, baselineMb, peakMb };
	} finally {
		clearInterval(timer);
	}
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const started = performance.now();
	const result = await work();
	return { result, ms: performance.now() - started };
}

/** A plain-text table. */
export function table(headers: string[], rows: string[][]): string {
	const widths = headers.map((header, column) =>
		Math.max(header.length, ...rows.map((row) => row[column].length)),
	);
	const line = (cells: string[]) =>
		cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	return [
		line(headers),
		widths.map((width) => '-'.repeat(width)).join('  '),
		...rows.map(line),
	].join('\n');
}
