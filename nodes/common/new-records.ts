import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { collectPages } from './paginate';
import { apiRequestFull } from './request';
import { START_OF_TIME, cursorAfter, timeWalkPages, type TimeCursor, type TimeWalk } from './time-walk';
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
}

/** Records per request when the first poll reads the newest ones. */
const NEWEST_PAGE = 100;

async function newest(this: IPollFunctions, source: NewRecordSource, size: number, skip: number): Promise<IDataObject[]> {
	const response = await apiRequestFull.call(this, source.api, { ...source.newest(size, skip), expectsJson: true });
	return source.walk.records(response);
}

/** The cursor at the newest matching record, with every id at its time: what the first poll after activation records. */
export async function cursorAtNewest(this: IPollFunctions, source: NewRecordSource): Promise<TimeCursor> {
	const { timeOf, idOf } = source.walk;
	let page = await newest.call(this, source, NEWEST_PAGE, 0);
	if (page.length === 0) return START_OF_TIME;
	const { time, text } = timeOf(page[0]);
	const ids: string[] = [];
	for (let skip = 0; ; ) {
		const atTime = page.filter((record) => timeOf(record).time === time);
		ids.push(...atTime.map(idOf));
		// Read on only while a full page is all one tie.
		if (page.length < NEWEST_PAGE || atTime.length < page.length) break;
		skip += page.length;
		page = await newest.call(this, source, NEWEST_PAGE, skip);
	}
	return { time, timeText: text, ids: [...new Set(ids)] };
}

/** The records after the cursor, oldest first, `max` at most, and the cursor after the last one taken. */
export async function newRecordsAfter(
	this: IPollFunctions,
	source: NewRecordSource,
	start: TimeCursor,
	max: number,
): Promise<{ records: IDataObject[]; cursor: TimeCursor }> {
	const records = await collectPages.call(this, source.api, timeWalkPages(source.walk, start), max);
	return { records, cursor: cursorAfter(source.walk, start, records) };
}

function storedCursor(value: unknown): TimeCursor | undefined {
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
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') {
		const found = await newest.call(this, source, 1, 0);
		return found.length > 0 ? [this.helpers.returnJsonArray(found)] : null;
	}
	const state = this.getWorkflowStaticData('node');
	const saved = state.scope === source.scope ? storedCursor(state.cursor) : undefined;
	if (!saved) {
		const cursor = await cursorAtNewest.call(this, source);
		Object.assign(state, { scope: source.scope, cursor });
		return null;
	}
	const { records, cursor } = await newRecordsAfter.call(this, source, saved, maxPerPoll);
	state.cursor = cursor as unknown as IDataObject;
	return records.length > 0 ? [this.helpers.returnJsonArray(records)] : null;
}
