/**
 * Deterministic seeded data: a small PRNG (mulberry32) and helpers. No Math.random anywhere in the
 * simulators, so the same seed and reference time give the same documents in every run.
 */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks with weights given as [item, weight] pairs. */
	weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
		const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [item, weight] of pairs) {
			roll -= weight;
			if (roll < 0) return item;
		}
		return pairs[pairs.length - 1][0];
	}

	/** Up to `max` distinct items. */
	some<T>(items: readonly T[], min: number, max: number): T[] {
		const count = this.int(min, Math.min(max, items.length));
		const pool = [...items];
		const chosen: T[] = [];
		while (chosen.length < count)
			chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
		return chosen;
	}

	hex(length: number): string {
		let out = '';
		while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
		return out;
	}

	uuid(): string {
		const h = this.hex(32);
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
	}

	privateIp(): string {
		return this.pick([
			`10.${this.int(0, 20)}.${this.int(0, 255)}.${this.int(1, 254)}`,
			`192.168.${this.int(0, 10)}.${this.int(1, 254)}`,
		]);
	}

	publicIp(): string {
		return `${this.pick([23, 45, 66, 81, 104, 141, 185, 203])}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`;
	}
}

/** A sub-seed for one data set, so adding a data set never changes another one. */
export function subSeed(seed: number, name: string): number {
	let hash = seed >>> 0;
	for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
	return hash;
}

/** A value computed on first use. */
export function lazy<T>(build: () => T): () => T {
	let value: T | undefined;
	let built = false;
	return () => {
		if (!built) {
			value = build();
			built = true;
		}
		return value as T;
	};
}

export const HOSTS = [
	'dc01',
	'dc02',
	'web-prod-01',
	'web-prod-02',
	'db-core-01',
	'fileserver',
	'vpn-gw',
	'mail01',
	'hr-laptop-17',
	'dev-ws-42',
	'k8s-node-3',
	'jumpbox',
];
export const USERS = [
	'jsmith',
	'mgarcia',
	'akumar',
	'lchen',
	'opatel',
	'svc_backup',
	'administrator',
	'rnovak',
	'tnguyen',
	'ebrown',
];
export const COUNTRIES = [
	'United States',
	'Germany',
	'Netherlands',
	'Russia',
	'China',
	'Brazil',
	'India',
	'France',
	'Singapore',
	'Canada',
];
export const DAY_MS = 24 * 3600_000;
