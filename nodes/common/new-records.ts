import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectPages } from './paginate';
import { apiRequestFull, readAnswer } from './request';
import {
	START_OF_TIME,
	changeKey,
	cursorAfter,
	timeWalkPages,
	type TimeCursor,
	type TimeWalk,
} from './time-walk';
import type { ApiRequest, VendorApi } from './vendor-api';

export type { TimeCursor } from './time-walk';

/** What a platform supplies so the shared loop below can find the records after a cursor. */
export interface NewRecordSource {
	/** The workflow static data key scope: a cursor of another event is not reused. */
	scope: string;
	api: VendorApi;
	/** The matching records oldest first, as the same walk a Return All uses. */
	walk: TimeWalk;
	/** The newest matching records, newest first, `size` at most, after the first `skip`. */
	newest(size: number, skip: number): ApiRequest;
	/** Records the trigger reads (its cursor moves past them) but does not emit. */
	keep?: (record: IDataObject) => boolean;
}

/** How many of the newest records a manual run reads to find one the source keeps. */
const MANUAL_SAMPLE = 20;

/** Records per request when the first poll reads the newest ones. */
const NEWEST_PAGE = 100;

async function newest(
	this: IPollFunctions,
	source: NewRecordSource,
	size: number,
	skip: number,
): Promise<IDataObject[]> {
	const request = source.newest(size, skip);
	const response = await apiRequestFull.call(this, source.api, { ...request, expectsJson: true });
	return readAnswer(
		this.getNode(),
		source.api,
		request,
		response,
		(answer) => source.walk.records(answer as typeof response),
		0,
	);
}

/** The records (id@time) emitted within the look-back window, with their times (epoch ms). */
export type RecentIds = Record<string, number>;

/** The cursor at the newest matching record, with every id at its time: what the first poll after activation records. */
export async function cursorAtNewest(
	this: IPollFunctions,
	source: NewRecordSource,
): Promise<TimeCursor> {
	const { timeOf, idOf } = source.walk;
	let page = await newest.call(this, source, NEWEST_PAGE, 0);
	if (page.length === 0) return START_OF_TIME;
	const { time, text } = timeOf(page[0]);
	const ids: string[] = [];
	const received = new Set<string>();
	for (let skip = 0; ; ) {
		const atTime = page.filter((record) => timeOf(record).time === time);
		ids.push(...atTime.map(idOf));
		const fresh = page.filter((record) => !received.has(idOf(record)));
		for (const record of page) received.add(idOf(record));
		if (skip > 0 && fresh.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`${source.api.platform} answered the next page of its newest records with the same records: it ignores the skip`,
				{
					description:
						'The trigger stopped instead of asking for the same page again and again. A proxy in front of the platform that rewrites the query may be the cause.',
				},
			);
		}
		// Read on only while a full page is all one tie.
		if (page.length < NEWEST_PAGE || atTime.length < page.length) break;
		skip += page.length;
		page = await newest.call(this, source, NEWEST_PAGE, skip);
	}
	return { time, timeText: text, ids: [...new Set(ids)] };
}

/** Where a poll's walk starts: the look-back before the cursor, never further back than where the trigger started (what existed then is not new). */
export function lookBackStart(
	walk: Pick<TimeWalk, 'textOf'>,
	start: TimeCursor,
	lookBack: { ms: number; floor: TimeCursor },
): TimeCursor {
	const back = start.time === null || lookBack.ms === 0 ? null : start.time - lookBack.ms;
	if (back === null) return start;
	return lookBack.floor.time !== null && back <= lookBack.floor.time
		? lookBack.floor
		: { time: back, timeText: walk.textOf(back), ids: [] };
}

/** The changes (id@time) emitted within the look-back before the new cursor: what the next poll must not emit again. */
export function recentWithin(
	walk: Pick<TimeWalk, 'timeOf' | 'idOf'>,
	start: TimeCursor,
	records: IDataObject[],
	cursor: TimeCursor,
	lookBack: { ms: number; recent: RecentIds },
): RecentIds {
	const recent: RecentIds = {};
	if (cursor.time === null) return recent;
	const seen: Array<[string, number]> = [
		...Object.entries(lookBack.recent),
		...start.ids.map((id): [string, number] => [changeKey(id, start.time), start.time ?? 0]),
	];
	for (const record of records) {
		const { time } = walk.timeOf(record);
		seen.push([changeKey(walk.idOf(record), time), time]);
	}
	for (const [key, time] of seen)
		if (time >= cursor.time - lookBack.ms && time < cursor.time) recent[key] = time;
	return recent;
}

/**
 * The records after the cursor, oldest first, `max` at most, the cursor after the last one taken and the
 * ids of the look-back window. With a look-back, the read starts that long before the cursor, so a record
 * the platform indexed late (its time older than the newest already emitted) is still emitted, once.
 */
export async function newRecordsAfter(
	this: IPollFunctions,
	source: NewRecordSource,
	start: TimeCursor,
	max: number,
	lookBack: { ms: number; recent: RecentIds; floor: TimeCursor } = {
		ms: 0,
		recent: {},
		floor: start,
	},
): Promise<{ records: IDataObject[]; cursor: TimeCursor; recent: RecentIds }> {
	const { walk } = source;
	const from = lookBackStart(walk, start, lookBack);
	const emitted = [
		...start.ids.map((id) => changeKey(id, start.time)),
		...Object.keys(lookBack.recent),
	];
	const records = await collectPages.call(
		this,
		source.api,
		timeWalkPages(walk, from, { eachChange: true }),
		max,
		0,
		emitted,
	);
	const cursor = cursorAfter(walk, start, records);
	const recent = lookBack.ms > 0 ? recentWithin(walk, start, records, cursor, lookBack) : {};
	return { records, cursor, recent };
}

/** The look-back ids a trigger saved, if they are what this version saves. */
export function storedRecent(value: unknown): RecentIds | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	return Object.fromEntries(
		Object.entries(value as Record<string, unknown>).filter(([, time]) => typeof time === 'number'),
	) as RecentIds;
}

/** The cursor a trigger saved, if it is one. */
export function storedCursor(value: unknown): TimeCursor | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { time, timeText, ids } = value as Partial<TimeCursor>;
	if (!(time === null || typeof time === 'number') || !Array.isArray(ids)) return undefined;
	return { time, timeText: typeof timeText === 'string' ? timeText : null, ids: ids.map(String) };
}

/**
 * A polling trigger's run over a time-ordered source. A manual run returns the newest matching record
 * (so the user sees the shape) and leaves the cursor alone. The first poll after activation records the
 * cursor and emits nothing. Later polls emit what is new, oldest first; the cursor is saved only after
 * every page was read, so a failed poll leaves it where it was.
 */
export async function pollNewRecords(
	this: IPollFunctions,
	source: NewRecordSource,
	maxPerPoll: number,
	lookBackMs = 0,
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') {
		const found = await newest.call(this, source, source.keep ? MANUAL_SAMPLE : 1, 0);
		const shown = source.keep ? found.filter(source.keep).slice(0, 1) : found;
		return shown.length > 0 ? [this.helpers.returnJsonArray(shown)] : null;
	}
	const state = this.getWorkflowStaticData('node');
	const saved = state.scope === source.scope ? storedCursor(state.cursor) : undefined;
	if (!saved) {
		const cursor = await cursorAtNewest.call(this, source);
		Object.assign(state, { scope: source.scope, cursor, floor: cursor, recent: {} });
		return null;
	}
	// A cursor saved before the look-back existed: the look-back starts from it, so nothing is emitted twice.
	const floor = storedCursor(state.floor) ?? saved;
	const lookBack = { ms: lookBackMs, recent: storedRecent(state.recent) ?? {}, floor };
	const result = await newRecordsAfter.call(this, source, saved, maxPerPoll, lookBack);
	Object.assign(state, { cursor: result.cursor, recent: result.recent, floor });
	const records = source.keep ? result.records.filter(source.keep) : result.records;
	return records.length > 0 ? [this.helpers.returnJsonArray(records)] : null;
}
