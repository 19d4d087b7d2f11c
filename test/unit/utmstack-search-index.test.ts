import { seedAlerts } from '../simulators/data/utmstack';
import { Rng } from '../simulators/seed';
import { runSearch, type SearchParams } from '../simulators/utmstack-search';

/**
 * The UTMStack simulator answers searches sorted by @timestamp from a time-ordered index (utmstack-time-index.ts).
 * It must give what the generic path gives (every document filtered, then sorted): the same hits in the same
 * order, ties included, and the same total as UTMStack reports it (at most 10,000).
 */

const NOW = Date.parse('2026-11-01T00:00:00.000Z');
const DAY = 86_400_000;

function documents() {
	const docs = seedAlerts(11, 5_000, NOW);
	// 1,500 alerts written in one batch: one timestamp, in the middle of the others
	for (let i = 0; i < 1500; i++)
		docs.push({
			index: docs[i].index,
			source: {
				...docs[i].source,
				id: `batch-${i}`,
				'@timestamp': new Date(NOW - 3 * DAY).toISOString(),
			},
		});
	return docs;
}

test('a search sorted by @timestamp gives the hits and total of the generic path (120 random searches)', () => {
	const docs = documents();
	const rng = new Rng(7);
	const iso = (days: number) => new Date(NOW - days * DAY).toISOString();
	let compared = 0;
	for (let round = 0; round < 120; round++) {
		const filters: SearchParams['filters'] = [];
		const shape = rng.next();
		if (shape < 0.3)
			filters.push({
				field: '@timestamp',
				operator: 'IS_LESS_THAN_OR_EQUALS',
				value: iso(rng.next() * 20),
			});
		else if (shape < 0.6)
			filters.push({
				field: '@timestamp',
				operator: 'IS_BETWEEN',
				value: [iso(5 + rng.next() * 20), rng.next() < 0.5 ? 'now' : iso(rng.next() * 5)],
			});
		else if (shape < 0.7)
			filters.push({
				field: '@timestamp',
				operator: 'IS_GREATER_THAN',
				value: iso(rng.next() * 20),
			});
		if (rng.next() < 0.5) filters.push({ field: 'severity', operator: 'IS', value: rng.int(1, 3) });
		const size = rng.pick([1, 10, 100, 1000]);
		const params = {
			filters,
			indexPattern: 'alert-*',
			top: 1_000_000,
			page: rng.int(1, Math.min(10, 10_000 / size)),
			size,
			nowMs: NOW,
		};
		const order = rng.pick(['asc', 'desc'] as const);
		const indexed = runSearch(docs, { ...params, sort: [{ field: '@timestamp', order }] });
		// a second, no-op sort key takes the generic path: filter everything, then sort
		const generic = runSearch(docs, {
			...params,
			sort: [
				{ field: '@timestamp', order },
				{ field: '_doc', order: 'asc' },
			],
		});
		expect(indexed.hits.map((hit) => hit.id)).toEqual(generic.hits.map((hit) => hit.id));
		expect(Math.min(indexed.total, 10_000)).toBe(Math.min(generic.total, 10_000));
		compared += indexed.hits.length;
	}
	expect(compared).toBeGreaterThan(5_000);
});

test('documents added after the index was built are found in their place', () => {
	const docs = documents();
	const search = () =>
		runSearch(docs, {
			filters: [],
			indexPattern: 'alert-*',
			top: 1_000_000,
			page: 1,
			size: 5,
			nowMs: NOW,
			sort: [{ field: '@timestamp', order: 'desc' }],
		});
	search();
	docs.push({
		index: docs[0].index,
		source: { ...docs[0].source, id: 'newest', '@timestamp': new Date(NOW + DAY).toISOString() },
	});
	expect(search().hits[0].id).toBe('newest');
});
