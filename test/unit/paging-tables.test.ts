import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	lookBackStart,
	recentWithin,
	storedCursor,
	storedRecent,
} from '../../nodes/common/new-records';
import {
	movedBack,
	nextStart,
	pageOverlap,
	readAgainEarlier,
} from '../../nodes/common/page-boundary';
import { cursorPages, numberedPages, offsetPages } from '../../nodes/common/page-strategies';
import { IncompleteReadError, NoProgressError } from '../../nodes/common/paginate';
import {
	START_OF_TIME,
	advance,
	cursorAfter,
	timeWalkPages,
	type TimeCursor,
	type TimeWalk,
} from '../../nodes/common/time-walk';

/**
 * The pure parts of paging, time walks and new-record bookkeeping, case by case: each row is a page (or a
 * cursor) and what must follow from it. The loops that run them against simulators are in test/integration.
 */

const answer = (body: unknown, headers: IDataObject = {}): IN8nHttpFullResponse =>
	({ body, headers, statusCode: 200, statusMessage: 'OK' }) as IN8nHttpFullResponse;
const records = (...ids: string[]) => ids.map((id) => ({ id }));

describe('page boundary', () => {
	test.each([
		// size, anyStart, overlap
		[100, true, 1],
		[2, true, 1],
		[1, true, 0],
		[100, false, 0],
	])('a page of %i (start anywhere: %s) overlaps by %i', (size, anyStart, overlap) => {
		expect(pageOverlap(size, anyStart)).toBe(overlap);
	});

	test.each([
		// position, received, overlap, next start
		[0, 100, 1, 99],
		[99, 100, 1, 198],
		[0, 100, 0, 100],
		[40, 7, 1, 46],
	])(
		'from %i with %i records (overlap %i) the next page starts at %i',
		(position, received, overlap, next) => {
			expect(nextStart(position, received, overlap as 0 | 1)).toBe(next);
		},
	);

	test.each([
		// position, overlap, starts at a record read, moved back
		[0, 1, false, false],
		[99, 1, true, false],
		[99, 1, false, true],
		[99, 0, false, false],
	])(
		'at %i (overlap %i), starting at a record read: %s -> moved back: %s',
		(position, overlap, startsAtRead, moved) => {
			expect(movedBack(position, overlap as 0 | 1, startsAtRead)).toBe(moved);
		},
	);

	test.each([
		// position, size, overlap, read again from
		[198, 100, 1, 99],
		[50, 100, 1, 0],
		[10, 5, 1, 6],
	])(
		'a page at %i (size %i, overlap %i) is read again from %i, with nothing taken',
		(position, size, overlap, from) => {
			const read = readAgainEarlier(position, size, overlap as 0 | 1, 3, undefined, (at) => ({
				at,
			}));
			expect(read).toEqual({
				items: [],
				next: { at: from },
				received: 3,
				rewound: true,
				pageIds: [],
			});
		},
	);

	test('a read past its own limit fails instead of reading again', () => {
		const giveUp = new IncompleteReadError('changed too fast', 'run again');
		expect(() => readAgainEarlier(198, 100, 1, 3, giveUp, (at) => ({ at }))).toThrow(giveUp);
	});
});

describe('offset pages', () => {
	const strategy = offsetPages({
		path: '/things',
		offsetParam: 'skip',
		sizeParam: 'limit',
		maxPageSize: 3,
		records: ['data'],
		total: ['total'],
		idField: 'id',
	});
	const first = strategy.start(undefined);

	test.each([
		// offset, page, total, seen, next offset (undefined: the end), rewound
		['the first full page', 0, ['a', 'b', 'c'], 10, [], 2, false],
		[
			'a page that starts at the last record read',
			2,
			['c', 'd', 'e'],
			10,
			['a', 'b', 'c'],
			4,
			false,
		],
		[
			'a page that starts at a record never read (records removed ahead)',
			4,
			['f', 'g', 'h'],
			10,
			['a', 'b', 'c', 'd', 'e'],
			2,
			true,
		],
		[
			'a short page (fewer records than asked, whatever the total says)',
			4,
			['e', 'f'],
			10,
			['a', 'b', 'c', 'd', 'e'],
			undefined,
			false,
		],
		['a page that reaches the total', 2, ['c', 'd', 'e'], 5, ['a', 'b', 'c'], undefined, false],
	])('%s', (_, offset, ids, total, seen, nextOffset, rewound) => {
		const read = strategy.read(
			answer({ data: records(...(ids as string[])), total }),
			{ ...first, offset: offset as number },
			new Set(seen as string[]),
		);
		expect((read.next as { offset: number } | undefined)?.offset).toBe(nextOffset);
		expect(read.rewound === true).toBe(rewound);
		expect(read.items.length).toBe(rewound ? 0 : (ids as string[]).length);
	});

	test('ten rewinds in a row fail the read', () => {
		const cursor = { ...first, offset: 4, rewinds: 10 };
		expect(() =>
			strategy.read(answer({ data: records('x', 'y', 'z'), total: 10 }), cursor, new Set(['a'])),
		).toThrow(IncompleteReadError);
	});

	test('an answer without its list is not an empty page', () => {
		expect(() => strategy.read(answer({ total: 10 }), first, new Set())).toThrow(/data/);
	});
});

describe('numbered pages and cursors', () => {
	const numbered = numberedPages({
		request: { method: 'POST', path: '/search' },
		pageParam: 'page',
		sizeParam: 'size',
		firstPage: 1,
		maxPageSize: 2,
		totalHeader: 'x-total-count',
		idField: 'id',
		window: { size: 10, message: 'too many', description: 'narrow it' },
	});

	test.each([
		// page, records, total header, next page
		[1, ['a', 'b'], '5', 2],
		[3, ['e'], '5', undefined],
		[1, [], undefined, undefined],
	])('page %i with %j of %s: next %s', (page, ids, total, next) => {
		const read = numbered.read(
			answer(records(...(ids as string[])), total === undefined ? {} : { 'x-total-count': total }),
			{ page: page as number, size: 2, wanted: undefined },
			new Set(),
		);
		expect((read.next as { page: number } | undefined)?.page).toBe(next);
	});

	test('records without their count fail; a count at the result window fails before it is reached', () => {
		expect(() =>
			numbered.read(answer(records('a')), { page: 1, size: 2, wanted: undefined }, new Set()),
		).toThrow(/x-total-count/);
		expect(() =>
			numbered.read(
				answer(records('a', 'b'), { 'x-total-count': '10' }),
				{ page: 1, size: 2, wanted: undefined },
				new Set(),
			),
		).toThrow('too many');
	});

	const cursors = cursorPages({
		first: (size) => ({ method: 'GET', path: `/s?size=${size}` }),
		next: (cursor) => ({ method: 'GET', path: `/s?cursor=${cursor}` }),
		maxPageSize: 2,
		records: ['items'],
		cursor: ['cursor'],
		idOf: (record) => String(record.id),
	});

	test.each([
		// what came, next cursor
		['a page and a cursor', { items: records('a'), cursor: 'c2' }, 'c2'],
		['a short page and a cursor (not the end)', { items: records('a'), cursor: 'c3' }, 'c3'],
		['an empty page', { items: [], cursor: 'c4' }, undefined],
		['a page without a cursor', { items: records('a') }, undefined],
	])('%s', (_, body, next) => {
		expect(
			(cursors.read(answer(body), { size: 2 }, new Set()).next as { cursor?: string } | undefined)
				?.cursor,
		).toBe(next);
	});
});

describe('time walk', () => {
	const walk = (direction: 'asc' | 'desc', extra: Partial<TimeWalk> = {}): TimeWalk => ({
		direction,
		pageSize: 3,
		request: () => ({ method: 'GET', path: '/events' }),
		records: (response) => response.body as IDataObject[],
		timeOf: (record) => ({ time: Number(record.t), text: `t${String(record.t)}` }),
		textOf: (time) => `t${time}`,
		boundName: 'FROM~t',
		idOf: (record) => String(record.id),
		...extra,
	});
	const at = (time: number, ...ids: string[]): TimeCursor => ({ time, timeText: `t${time}`, ids });
	const page = (...pairs: Array<[string, number]>) => pairs.map(([id, t]) => ({ id, t }));

	test.each([
		// name, direction, cursor, skip, page, kept ids, next cursor (undefined: the end), next skip
		[
			'a first page, oldest first',
			'asc',
			START_OF_TIME,
			0,
			page(['a', 1], ['b', 2], ['c', 3]),
			['a', 'b', 'c'],
			at(3, 'c'),
			0,
		],
		[
			'records read already at the cursor time are dropped',
			'asc',
			at(3, 'c'),
			0,
			page(['c', 3], ['d', 4], ['e', 5]),
			['d', 'e'],
			at(5, 'e'),
			0,
		],
		[
			'a full page all one tie: the same query with a skip',
			'asc',
			at(3, 'c'),
			0,
			page(['c', 3], ['d', 3], ['e', 3]),
			['d', 'e'],
			at(3, 'c', 'd', 'e'),
			2,
		],
		[
			'a short page ends the walk',
			'asc',
			at(3, 'c'),
			0,
			page(['d', 4]),
			['d'],
			undefined,
			undefined,
		],
		[
			'newest first',
			'desc',
			at(9, 'z'),
			0,
			page(['z', 9], ['y', 8], ['x', 7]),
			['y', 'x'],
			at(7, 'x'),
			0,
		],
	])('%s', (_, direction, cursor, skip, answered, kept, nextAt, nextSkip) => {
		const strategy = timeWalkPages(walk(direction as 'asc' | 'desc'));
		const read = strategy.read(
			answer(answered),
			{ at: cursor as TimeCursor, skip: skip as number, size: 3 },
			new Set(),
		);
		expect(read.items.map((record) => record.id)).toEqual(kept);
		const next = read.next as { at: TimeCursor; skip: number } | undefined;
		expect(next?.at).toEqual(nextAt);
		expect(next?.skip).toBe(nextSkip);
	});

	test.each([
		['oldest first, a record before the bound', 'asc', at(5, 'e'), page(['a', 1])],
		['newest first, a record after the bound', 'desc', at(5, 'e'), page(['z', 9])],
	])('a platform that ignores the bound stops the walk: %s', (_, direction, cursor, answered) => {
		const strategy = timeWalkPages(walk(direction as 'asc' | 'desc'));
		expect(() =>
			strategy.read(answer(answered), { at: cursor, skip: 0, size: 3 }, new Set()),
		).toThrow(NoProgressError);
	});

	test('inside a tie, a page that starts at a record never read is read again a page earlier', () => {
		const strategy = timeWalkPages(walk('asc'));
		const read = strategy.read(
			answer(page(['q', 3], ['r', 3], ['s', 3])),
			{ at: at(3, 'c', 'd', 'e'), skip: 2, size: 3 },
			new Set(),
		);
		expect(read.rewound).toBe(true);
		expect((read.next as { skip: number }).skip).toBe(0);
	});

	test('more records at one time than the result window fail the read', () => {
		const strategy = timeWalkPages(walk('asc', { window: 4 }));
		expect(() =>
			strategy.read(
				answer(page(['c', 3], ['d', 3], ['e', 3])),
				{ at: at(3, 'c'), skip: 0, size: 3 },
				new Set(),
			),
		).toThrow(IncompleteReadError);
	});

	test.each([
		// from, time, id, cursor after
		[START_OF_TIME, 5, 'a', at(5, 'a')],
		[at(5, 'a'), 5, 'b', at(5, 'a', 'b')],
		[at(5, 'a'), 5, 'a', at(5, 'a')],
		[at(5, 'a'), 6, 'c', at(6, 'c')],
	])('advance from %j by %i/%s', (from, time, id, after) => {
		expect(advance(from as TimeCursor, time as number, `t${String(time)}`, id as string)).toEqual(
			after,
		);
	});

	test('the cursor after a poll ignores records older than it (late ones)', () => {
		expect(cursorAfter(walk('asc'), at(5, 'a'), page(['b', 5], ['late', 2], ['c', 7]))).toEqual(
			at(7, 'c'),
		);
	});
});

describe('new records', () => {
	const walk = {
		textOf: (time: number) => `t${time}`,
		timeOf: (record: IDataObject) => ({ time: Number(record.t), text: `t${String(record.t)}` }),
		idOf: (record: IDataObject) => String(record.id),
	};
	const at = (time: number | null, ...ids: string[]): TimeCursor => ({
		time,
		timeText: time === null ? null : `t${time}`,
		ids,
	});

	test.each([
		// name, start, look-back ms, floor, walk starts at
		['no look-back: at the cursor', at(100, 'a'), 0, at(10), at(100, 'a')],
		['a look-back: that long before the cursor, with no ids', at(100, 'a'), 30, at(10), at(70)],
		['never before where the trigger started', at(100, 'a'), 95, at(10, 'f'), at(10, 'f')],
		['no cursor yet: from the start', START_OF_TIME, 30, START_OF_TIME, START_OF_TIME],
	])('%s', (_, start, ms, floor, from) => {
		expect(lookBackStart(walk, start, { ms, floor })).toEqual(from);
	});

	test('the changes kept for the next poll are those within the look-back before the new cursor', () => {
		const recent = recentWithin(
			walk,
			at(100, 'a'),
			[
				{ id: 'b', t: 90 },
				{ id: 'c', t: 130 },
			],
			at(130, 'c'),
			{ ms: 50, recent: { 'old@60': 60, 'x@85': 85 } },
		);
		expect(recent).toEqual({ 'x@85': 85, 'a@100': 100, 'b@90': 90 });
	});

	test.each([
		[
			{ time: 5, timeText: 't5', ids: ['a', 2] },
			{ time: 5, timeText: 't5', ids: ['a', '2'] },
		],
		[
			{ time: null, ids: [] },
			{ time: null, timeText: null, ids: [] },
		],
		[{ time: '5', ids: [] }, undefined],
		[{ time: 5 }, undefined],
		[null, undefined],
	])('a saved cursor %j reads as %j', (saved, read) => {
		expect(storedCursor(saved)).toEqual(read);
	});

	test.each([
		[{ 'a@5': 5, 'b@6': 'x' }, { 'a@5': 5 }],
		[[], undefined],
		['x', undefined],
	])('saved look-back ids %j read as %j', (saved, read) => {
		expect(storedRecent(saved)).toEqual(read);
	});
});
