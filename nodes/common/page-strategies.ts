import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	listAt,
	numberAt,
	optionalTextAt,
	UnexpectedAnswerError,
	type AnswerPath,
} from './answer-parts';
import { movedBack, nextStart, pageOverlap, readAgainEarlier } from './page-boundary';
import { IncompleteReadError, type PageStrategy } from './paginate';
import type { ApiRequest } from './vendor-api';

/**
 * The ways the four platforms page, each built from a description of the listing (where the records,
 * the total and the next cursor are in an answer, which parameters page it). Time-window walking lives
 * in time-walk.ts; the one loop that runs them all in paginate.ts.
 */

function recordsAt(response: IN8nHttpFullResponse, path: AnswerPath): IDataObject[] {
	return listAt(response.body, path);
}

function totalAt(response: IN8nHttpFullResponse, path: AnswerPath | undefined): number | undefined {
	return path === undefined ? undefined : numberAt(response.body, path);
}

/** A header's number (X-Total-Count), or undefined. */
export function headerNumber(response: IN8nHttpFullResponse, name: string): number | undefined {
	const raw = (response.headers as IDataObject | undefined)?.[name];
	const value = Number(Array.isArray(raw) ? raw[0] : raw);
	return raw !== undefined && Number.isFinite(value) ? value : undefined;
}

/** A record's id field, or the first of several that it has, or the platform's own id reader. */
export type IdField = string | readonly string[] | ((record: IDataObject) => string);

function idAt(field: IdField): (record: IDataObject) => string {
	if (typeof field === 'function') return field;
	const fields = typeof field === 'string' ? [field] : field;
	return (record) => String(record[fields.find((name) => record[name] !== undefined) ?? fields[0]]);
}

// ---- offset/limit --------------------------------------------------------------------------------

/** A listing read by record offset (Stellar skip/limit, Immuta offset/size). */
export interface OffsetListing {
	path: string;
	query?: IDataObject;
	offsetParam: string;
	sizeParam: string;
	maxPageSize: number;
	records: AnswerPath;
	/** Where the answer states how many records match, if it does. */
	total?: AnswerPath;
	idField: IdField;
	/**
	 * The listing is ordered by something a record can change (a name): a record changed during the read can
	 * move into the part already read. With a stated total, the read checks at its end that it holds every
	 * record counted, and reads the listing once more for the ones that moved (repeats dropped), or fails.
	 */
	orderCanChange?: boolean;
	/** The record the list belongs to ("case 5f3a…"), named when the platform answers 404. */
	about?: string;
	/** What a 404 means when the listing's endpoint may be gone (see ApiRequest.gone). */
	gone?: string;
}

interface OffsetCursor {
	offset: number;
	size: number;
	/** Pages read again in a row because the listing moved back under the boundary. */
	rewinds: number;
	rewindsInAll: number;
	/** Whole readings of the listing started (see orderCanChange). */
	passes: number;
}

/** Rewinds in a row, and in one read, past which the listing is changing faster than it can be read. */
const MAX_REWINDS_IN_A_ROW = 10;
const MAX_REWINDS = 100;
/** Readings again of a listing whose order can change, to collect records that moved under the read. */
const MAX_EXTRA_PASSES = 2;

/**
 * Offset pages that check their boundary. Each page after the first starts one record early, at the
 * last record of the page before: a listing that did not move starts the page with a record read
 * already. Records created or moved ahead of the boundary push the listing on, so records come again
 * (dropped by id). Records removed ahead of it (deleted, or no longer matching a filter) pull it back,
 * so the page starts with a record never read and records between would be skipped in silence: the
 * page is then read again from a page earlier, until it starts at a record read already.
 */
export function offsetPages(listing: OffsetListing): PageStrategy<OffsetCursor> {
	const idOf = idAt(listing.idField);
	return {
		idOf,
		start: (limit) => ({
			offset: 0,
			size: Math.min(limit ?? listing.maxPageSize, listing.maxPageSize),
			rewinds: 0,
			rewindsInAll: 0,
			passes: 1,
		}),
		request: (cursor) => ({
			method: 'GET',
			path: listing.path,
			qs: {
				...listing.query,
				[listing.offsetParam]: cursor.offset,
				[listing.sizeParam]: cursor.size,
			},
			about: listing.about,
			gone: listing.gone,
		}),
		read: (response, cursor, seen) => {
			const records = recordsAt(response, listing.records);
			const total = totalAt(response, listing.total);
			const overlap = pageOverlap(cursor.size);
			if (movedBack(cursor.offset, overlap, records.length > 0 && seen.has(idOf(records[0])))) {
				const giveUp =
					cursor.rewinds >= MAX_REWINDS_IN_A_ROW || cursor.rewindsInAll >= MAX_REWINDS
						? new IncompleteReadError(
								'The list changed faster than it could be read',
								`Records were removed ahead of the read ${cursor.rewindsInAll} times, so some could not be placed. Run the node again, or narrow the filters so fewer records match.`,
							)
						: undefined;
				return readAgainEarlier(
					cursor.offset,
					cursor.size,
					overlap,
					records.length,
					giveUp,
					(offset) => ({
						...cursor,
						offset,
						rewinds: cursor.rewinds + 1,
						rewindsInAll: cursor.rewindsInAll + 1,
					}),
				);
			}
			const atEnd =
				records.length < cursor.size ||
				(total !== undefined && cursor.offset + records.length >= total);
			if (!atEnd)
				return {
					items: records,
					next: {
						...cursor,
						offset: nextStart(cursor.offset, records.length, overlap),
						rewinds: 0,
					},
				};
			if (listing.orderCanChange && total !== undefined) {
				const read = new Set(seen);
				for (const record of records) read.add(idOf(record));
				if (read.size < total) {
					if (cursor.passes > MAX_EXTRA_PASSES) {
						throw new IncompleteReadError(
							`The list changed while it was read: ${(total - read.size).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records could not be read`,
							'Records moved in the list (renamed, for example) faster than it could be read again. Run the node again.',
						);
					}
					return {
						items: records,
						next: { ...cursor, offset: 0, rewinds: 0, passes: cursor.passes + 1 },
						restarted: true,
					};
				}
			}
			return { items: records, next: undefined };
		},
	};
}

// ---- numbered pages ------------------------------------------------------------------------------

/** A listing read by page number with the total in a header, up to a result window (UTMStack's search). */
export interface NumberedListing {
	request: Omit<ApiRequest, 'qs'> & { qs?: IDataObject };
	pageParam: string;
	sizeParam: string;
	firstPage: 0 | 1;
	maxPageSize: number;
	totalHeader: string;
	idField: IdField;
	/** The parameter that caps the result at the records wanted (UTMStack's `top`), and its value for "all". */
	wantedParam?: { name: string; all: number };
	/**
	 * The most records the platform serves of one listing (a result window); its total stops counting there.
	 * A read that wants more, of a listing that reaches it, fails at its first page with this text.
	 */
	window?: { size: number; message: string; description: string };
}

interface NumberedCursor {
	page: number;
	size: number;
	wanted: number | undefined;
}

export function numberedPages(listing: NumberedListing): PageStrategy<NumberedCursor> {
	const { firstPage, window } = listing;
	return {
		idOf: idAt(listing.idField),
		start: (limit) => ({
			page: firstPage,
			size: Math.min(limit ?? listing.maxPageSize, listing.maxPageSize),
			wanted: limit,
		}),
		request: (cursor) => ({
			...listing.request,
			qs: {
				...listing.request.qs,
				...(listing.wantedParam
					? { [listing.wantedParam.name]: cursor.wanted ?? listing.wantedParam.all }
					: {}),
				[listing.pageParam]: cursor.page,
				[listing.sizeParam]: cursor.size,
			},
		}),
		read: (response, cursor) => {
			const items = listAt(response.body, []);
			// UTMStack answers a search that matches nothing with [] and no headers (UtmElasticsearchResource)
			const total =
				headerNumber(response, listing.totalHeader) ?? (items.length === 0 ? 0 : undefined);
			if (total === undefined)
				throw new UnexpectedAnswerError(
					`the number of matches in its ${listing.totalHeader} header`,
					'without that header',
				);
			if (
				window &&
				total >= window.size &&
				(cursor.wanted === undefined || cursor.wanted > window.size)
			) {
				throw new IncompleteReadError(window.message, window.description);
			}
			const read = (cursor.page - firstPage + 1) * cursor.size;
			return { items, next: read < total ? { ...cursor, page: cursor.page + 1 } : undefined };
		},
	};
}

// ---- cursors ----------------------------------------------------------------------------------------

/** A listing whose answers carry the cursor of the next page (ECE search cursors, Elasticsearch scrolls). */
export interface CursorListing {
	first(size: number): ApiRequest;
	next(cursor: string, size: number): ApiRequest;
	maxPageSize: number;
	records: AnswerPath;
	cursor: AnswerPath;
	/** A record's id (unique in the listing): how the read sees a page that repeats one it read already. */
	idOf: (record: IDataObject) => string;
}

interface NextCursor {
	cursor?: string;
	size: number;
}

/**
 * The read follows the cursor until a page comes back empty or without a cursor, as ecctl does with ECE's
 * search (it stops on return_count == 0) and as an Elasticsearch scroll ends: a short page is not taken
 * for the end, since nothing public says a platform never sends one before it.
 */
export function cursorPages(listing: CursorListing): PageStrategy<NextCursor> {
	return {
		idOf: listing.idOf,
		start: (limit) => ({ size: Math.min(limit ?? listing.maxPageSize, listing.maxPageSize) }),
		request: (cursor) =>
			cursor.cursor === undefined
				? listing.first(cursor.size)
				: listing.next(cursor.cursor, cursor.size),
		read: (response, cursor) => {
			const items = recordsAt(response, listing.records);
			const next = optionalTextAt(response.body, listing.cursor);
			const more = items.length > 0 && typeof next === 'string' && next !== '';
			return { items, next: more ? { ...cursor, cursor: next as string } : undefined };
		},
	};
}
