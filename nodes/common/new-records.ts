import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/**
 * Where the last poll stopped: the newest record time it emitted and the ids it emitted at exactly that
 * time (several records can share a timestamp). Never the whole history.
 */
export interface TimeCursor {
	/** Epoch milliseconds; null when nothing matched yet, so every record that appears is new. */
	time: number | null;
	/** The platform's own text of that time, for its queries (UTMStack's ISO string). */
	timeText: string | null;
	ids: string[];
}

/** What a platform supplies so the shared loop below can find the records after a cursor. */
export interface NewRecordSource {
	/** The workflow static data key scope: a cursor of another event is not reused. */
	scope: string;
	/** Records per request. */
	pageSize: number;
	/** Matching records at or after the cursor time (all when it is null), oldest first, `size` at most, after the first `skip`. */
	page(cursor: TimeCursor, size: number, skip: number): Promise<IDataObject[]>;
	/** The newest matching records, newest first, `size` at most, after the first `skip`. */
	newest(size: number, skip: number): Promise<IDataObject[]>;
	timeOf(record: IDataObject): { time: number; text: string };
	idOf(record: IDataObject): string;
}

const EMPTY: TimeCursor = { time: null, timeText: null, ids: [] };
/** Records per request when the first poll reads the newest ones. */
const NEWEST_PAGE = 100;

function seen(cursor: TimeCursor, time: number, id: string): boolean {
	if (cursor.time === null) return false;
	return time < cursor.time || (time === cursor.time && cursor.ids.includes(id));
}

function advance(cursor: TimeCursor, time: number, text: string, id: string): TimeCursor {
	if (cursor.time !== null && time === cursor.time) return { ...cursor, ids: [...cursor.ids, id] };
	return { time, timeText: text, ids: [id] };
}

/** The cursor at the newest matching record, with every id at its time: what the first poll after activation records. */
export async function cursorAtNewest(source: NewRecordSource): Promise<TimeCursor> {
	let page = await source.newest(NEWEST_PAGE, 0);
	if (page.length === 0) return EMPTY;
	const { time, text } = source.timeOf(page[0]);
	const ids: string[] = [];
	for (let skip = 0; ; ) {
		const atTime = page.filter((record) => source.timeOf(record).time === time);
		ids.push(...atTime.map((record) => source.idOf(record)));
		// Read on only while a full page is all one tie.
		if (page.length < NEWEST_PAGE || atTime.length < page.length) break;
		skip += page.length;
		page = await source.newest(NEWEST_PAGE, skip);
	}
	return { time, timeText: text, ids: [...new Set(ids)] };
}

/**
 * The records after the cursor, oldest first, `max` at most, read page by page, and the cursor after the
 * last one taken. Each query starts at the cursor time; records already emitted there (ties) are dropped.
 * While the cursor time stays put (a block of ties longer than a page) the same query goes on with a skip.
 */
export async function newRecordsAfter(
	source: NewRecordSource,
	start: TimeCursor,
	max: number,
): Promise<{ records: IDataObject[]; cursor: TimeCursor }> {
	const records: IDataObject[] = [];
	// Always full pages, even under a small max: pages that only hold records already emitted
	// (a tie at the cursor time) are then read in as few requests as possible.
	const size = source.pageSize;
	let cursor = start;
	let skip = 0;
	while (records.length < max) {
		const queryTime = cursor.time;
		const page = await source.page(cursor, size, skip);
		for (const record of page) {
			const { time, text } = source.timeOf(record);
			const id = source.idOf(record);
			if (seen(cursor, time, id)) continue;
			records.push(record);
			cursor = advance(cursor, time, text, id);
			if (records.length >= max) break;
		}
		if (page.length < size) break;
		skip = cursor.time === queryTime ? skip + page.length : 0;
	}
	return { records, cursor };
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
		const newest = await source.newest(1, 0);
		return newest.length > 0 ? [this.helpers.returnJsonArray(newest)] : null;
	}
	const state = this.getWorkflowStaticData('node');
	const saved = state.scope === source.scope ? storedCursor(state.cursor) : undefined;
	if (!saved) {
		const cursor = await cursorAtNewest(source);
		Object.assign(state, { scope: source.scope, cursor });
		return null;
	}
	const { records, cursor } = await newRecordsAfter(source, saved, maxPerPoll);
	state.cursor = cursor as unknown as IDataObject;
	return records.length > 0 ? [this.helpers.returnJsonArray(records)] : null;
}
