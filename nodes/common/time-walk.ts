import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { movedBack, nextStart, pageOverlap, readAgainEarlier } from './page-boundary';
import { IncompleteReadError, NoProgressError, type PageStrategy } from './paginate';
import type { ApiRequest } from './vendor-api';

/**
 * A place in a time-ordered listing: the last record time read and the ids read at exactly that time
 * (several records can share a timestamp). Also a polling trigger's saved cursor.
 */
export interface TimeCursor {
	/** Epoch milliseconds; null before the first record, so every record counts. */
	time: number | null;
	/** The platform's own text of that time, for its queries (UTMStack's ISO string). */
	timeText: string | null;
	ids: string[];
}

export const START_OF_TIME: TimeCursor = { time: null, timeText: null, ids: [] };

/** What a platform supplies to walk one of its listings by record time. */
export interface TimeWalk {
	/** 'asc' walks oldest first (each query starts at the cursor time), 'desc' newest first (each ends there). */
	direction: 'asc' | 'desc';
	pageSize: number;
	/**
	 * The most records one query can reach by skipping (a platform's result window). Only records that
	 * all share one time make the walk skip; more of them than this cannot be read and fail the read.
	 */
	window?: number;
	/**
	 * The platform pages by page number (skip is always a multiple of size), so pages inside a tie cannot
	 * start one record early to check their boundary (UTMStack's search).
	 */
	pageNumbers?: boolean;
	/** The records at the cursor time and beyond it in walk order (all when its time is null), `size` at most, after `skip`. */
	request(cursor: TimeCursor, size: number, skip: number): ApiRequest;
	records(response: IN8nHttpFullResponse): IDataObject[];
	/** How many records the query matches, where the answer says so exactly: a page that reaches it is the last. */
	totalOf?(response: IN8nHttpFullResponse): number | undefined;
	timeOf(record: IDataObject): { time: number; text: string };
	/** A time (epoch ms) as the platform's queries take it. */
	textOf(time: number): string;
	/** How the query names its time bound, for the error when the platform ignores it (e.g. "FROM~created_at"). */
	boundName: string;
	idOf(record: IDataObject): string;
}

/** One record at one time: what a trigger emits once. */
export function changeKey(id: string, time: number | null): string {
	return `${id}@${time ?? ''}`;
}

interface WalkCursor {
	at: TimeCursor;
	skip: number;
	size: number;
	/** Pages of one tie read again in a row because records of the tie were removed ahead of the read. */
	rewinds?: number;
}

/** Pages of one tie read again in a row past which the tie is changing faster than it can be read. */
const MAX_TIE_REWINDS = 10;

function alreadyRead(walk: TimeWalk, at: TimeCursor, time: number, id: string): boolean {
	if (at.time === null) return false;
	if (time === at.time) return at.ids.includes(id);
	return walk.direction === 'asc' ? time < at.time : time > at.time;
}

/** The cursor after one more record taken. */
export function advance(at: TimeCursor, time: number, text: string, id: string): TimeCursor {
	if (at.time !== null && time === at.time)
		return at.ids.includes(id) ? at : { ...at, ids: [...at.ids, id] };
	return { time, timeText: text, ids: [id] };
}

/**
 * Time-window walking: every query starts again at the last time read (keyset paging), so records created
 * or changed during the read do not shift what is left, and no query reaches past a result window. Records
 * read already at the cursor time are dropped. A page that makes no progress in time (all one tie) is
 * followed by the same query with a skip.
 */
export function timeWalkPages(
	walk: TimeWalk,
	from: TimeCursor = START_OF_TIME,
	options: { eachChange?: boolean } = {},
): PageStrategy<WalkCursor> {
	const keyOf = options.eachChange
		? (record: IDataObject) => changeKey(walk.idOf(record), walk.timeOf(record).time)
		: walk.idOf;
	return {
		start: (limit) => ({
			at: from,
			skip: 0,
			size: Math.min(limit ?? walk.pageSize, walk.pageSize),
		}),
		request: (cursor) => walk.request(cursor.at, cursor.size, cursor.skip),
		// A listing has each record once; a trigger on changes has each change (a record at a new time) once.
		idOf: keyOf,
		read: (response, cursor) => {
			const page = walk.records(response);
			const pageIds = page.map(keyOf);
			// Inside a tie the walk pages by skip, with the boundary check of paging by position (page-boundary.ts).
			const overlap = pageOverlap(cursor.size, !walk.pageNumbers);
			const first = page[0];
			const continuous =
				first !== undefined &&
				walk.timeOf(first).time === cursor.at.time &&
				cursor.at.ids.includes(walk.idOf(first));
			if (movedBack(cursor.skip, overlap, continuous)) {
				const rewinds = (cursor.rewinds ?? 0) + 1;
				const giveUp =
					rewinds > MAX_TIE_REWINDS
						? new IncompleteReadError(
								`The records at ${cursor.at.timeText ?? ''} changed faster than they could be read`,
								'Records sharing that time were removed ahead of the read again and again. Run the node again, or narrow the filters so fewer records match.',
							)
						: undefined;
				return readAgainEarlier(cursor.skip, cursor.size, overlap, page.length, giveUp, (skip) => ({
					...cursor,
					skip,
					rewinds,
				}));
			}
			const items: IDataObject[] = [];
			let at = cursor.at;
			const bound = cursor.at.time;
			for (const record of page) {
				const { time, text } = walk.timeOf(record);
				if (bound !== null && (walk.direction === 'asc' ? time < bound : time > bound)) {
					throw new NoProgressError(
						`answered a query for records from ${cursor.at.timeText ?? String(bound)} on (${walk.boundName}) with a record of ${text}: it ignores the time bound`,
					);
				}
				const id = walk.idOf(record);
				if (alreadyRead(walk, at, time, id)) continue;
				items.push(record);
				at = advance(at, time, text, id);
			}
			const total = walk.totalOf?.(response);
			const last =
				page.length < cursor.size || (total !== undefined && cursor.skip + page.length >= total);
			if (last) return { items, next: undefined, received: page.length, pageIds };
			const stuck = cursor.at.time !== null && at.time === cursor.at.time;
			const skip = stuck ? nextStart(cursor.skip, page.length, overlap) : 0;
			if (walk.window !== undefined && skip + cursor.size > walk.window) {
				throw new IncompleteReadError(
					`More than ${walk.window.toLocaleString('en-US')} records share the time ${at.timeText ?? ''}`,
					'The platform cannot page further through records that all have the same time. Narrow the filters so fewer records match.',
				);
			}
			return { items, next: { ...cursor, at, skip, rewinds: 0 }, received: page.length, pageIds };
		},
	};
}

/** The cursor after the given records (oldest first) from `from`; records older than it (late ones) leave it where it is. */
export function cursorAfter(
	walk: Pick<TimeWalk, 'timeOf' | 'idOf'>,
	from: TimeCursor,
	records: IDataObject[],
): TimeCursor {
	let at = from;
	for (const record of records) {
		const { time, text } = walk.timeOf(record);
		if (at.time === null || time >= at.time) at = advance(at, time, text, walk.idOf(record));
	}
	return at;
}
