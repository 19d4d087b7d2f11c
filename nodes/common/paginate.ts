import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UnexpectedAnswerError, unexpectedAnswer } from './answer-parts';
import { apiRequestFull, type RequestContext } from './request';
import type { ApiRequest, VendorApi } from './vendor-api';

/**
 * How one platform pages. The loop below is the only one: a strategy says which request reads the page
 * at a cursor, and what a page holds and where the next one starts (undefined when there is none).
 */
export interface PageStrategy<Cursor> {
	start(limit: number | undefined): Cursor;
	request(cursor: Cursor): ApiRequest;
	/**
	 * Throws IncompleteReadError when the platform cannot serve the rest: never a silent short list.
	 * `seen` holds the ids of the records read so far (with idOf), for strategies that check where a page starts.
	 */
	read(response: IN8nHttpFullResponse, cursor: Cursor, seen: ReadonlySet<string>): PageRead<Cursor>;
	/**
	 * The record's id. Pages shift when records are created or changed between two reads, so a record can
	 * come twice: it is emitted the first time only, and reading goes on until the listing really ends.
	 */
	idOf?(record: IDataObject): string;
}

export interface PageRead<Cursor> {
	items: IDataObject[];
	next: Cursor | undefined;
	/** Records the page held before the strategy dropped any it had emitted already (default: items). */
	received?: number;
	/** The page is read again from an earlier place (the listing moved under it): an empty page does not end the read. */
	rewound?: boolean;
	/** The ids of every record the page held, before the strategy dropped any (default: the items' ids): how a repeated page is seen. */
	pageIds?: string[];
	/** The next page starts a new reading of the whole listing (a bounded number of them): its pages repeat on purpose. */
	restarted?: boolean;
}

/**
 * A page did not move the read forward (the platform ignored its bound, skip or cursor): the read stops
 * with this instead of asking for the same records again and again. `what` follows the platform's name.
 */
export class NoProgressError extends Error {
	constructor(readonly what: string) {
		super(what);
		this.name = 'NoProgressError';
	}
}

/** Full pages in a row with no record new to this read, past which the read is going round in circles. */
export const MAX_STALLED_PAGES = 3;
/**
 * Requests of one read that brought no record new to it (pages read again after the listing moved, pages
 * of records read already), at most. Every other request brings at least one record never read before,
 * so a read makes at most (records it returns + this) requests.
 */
export const MAX_IDLE_REQUESTS = 150;

/** The platform cannot serve every matching record this way: the read stops with this instead of a short list. */
export class IncompleteReadError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'IncompleteReadError';
	}
}

/**
 * Every record (limit undefined) or the first `limit`, each once, requesting no page beyond what is needed.
 * Records whose ids are in `alreadyEmitted` (a trigger's earlier polls) are skipped. Records `keep` refuses are read
 * and passed over: the Limit counts the records kept, so pages are then asked for without it.
 */
export async function collectPages<Cursor>(
	this: RequestContext,
	api: VendorApi,
	strategy: PageStrategy<Cursor>,
	limit: number | undefined,
	itemIndex = 0,
	alreadyEmitted: Iterable<string> = [],
	keep?: (record: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	if (limit !== undefined && limit <= 0) return collected;
	const emitted = new Set<string>(alreadyEmitted);
	const readHere = new Set<string>();
	let requests = 0;
	let stalled = 0;
	let idle = 0;
	const start = strategy.start(keep ? undefined : limit);
	let cursor: Cursor | undefined = start;
	while (cursor !== undefined) {
		requests++;
		const request = strategy.request(cursor);
		const response = await apiRequestFull.call(
			this,
			api,
			{ ...request, expectsJson: true },
			itemIndex,
		);
		let page: PageRead<Cursor>;
		try {
			page = strategy.read(response, cursor, emitted);
		} catch (error) {
			if (error instanceof UnexpectedAnswerError)
				throw unexpectedAnswer(this.getNode(), api, request, error, itemIndex);
			if (error instanceof NoProgressError)
				throw noProgress(this, api, error.what, requests, itemIndex);
			const incomplete = error instanceof IncompleteReadError ? error : undefined;
			throw new NodeOperationError(this.getNode(), incomplete?.message ?? (error as Error), {
				description: incomplete?.description,
				itemIndex,
			});
		}
		const received = page.received ?? page.items.length;
		const pageIds =
			page.pageIds ?? (strategy.idOf ? page.items.map((item) => strategy.idOf!(item)) : undefined);
		const fresh =
			pageIds === undefined
				? page.items.length
				: pageIds.filter((id) => !readHere.has(id) && readHere.add(id)).length;
		// A page of one record read already is a page that starts one early at the end of the listing; more
		// than one, none new, is the platform repeating itself.
		const repeated = fresh === 0 && received > 1 && !page.rewound;
		if (fresh === 0 && (received > 0 || page.rewound)) idle++;
		stalled = repeated ? stalled + 1 : 0;
		if (repeated && page.next === undefined) {
			throw noProgress(
				this,
				api,
				'ended the read with a page that held only records this read had received already: the listing did not move to its next page',
				requests,
				itemIndex,
			);
		}
		if (page.restarted) {
			readHere.clear();
			stalled = 0;
		}
		if (stalled >= MAX_STALLED_PAGES) {
			throw noProgress(
				this,
				api,
				`sent ${MAX_STALLED_PAGES} pages in a row that held only records this read had received already: it did not move to the next page`,
				requests,
				itemIndex,
			);
		}
		if (idle > MAX_IDLE_REQUESTS) {
			throw noProgress(
				this,
				api,
				`answered ${idle} requests of this read without a record it had not read yet`,
				requests,
				itemIndex,
			);
		}
		for (const item of page.items) {
			if (strategy.idOf) {
				const id = strategy.idOf(item);
				if (emitted.has(id)) continue;
				emitted.add(id);
			}
			if (keep && !keep(item)) continue;
			collected.push(item);
			if (limit !== undefined && collected.length >= limit) return collected;
		}
		// A page with nothing on it ends the loop whatever the strategy says, so a server quirk cannot spin it.
		cursor = received > 0 || page.rewound ? page.next : undefined;
	}
	return collected;
}

function noProgress(
	context: RequestContext,
	api: VendorApi,
	what: string,
	requests: number,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${api.platform} ${what}`, {
		itemIndex,
		description:
			`The read stopped after ${requests} requests instead of asking for the same records again and again; nothing was output. ` +
			`A proxy in front of ${api.platform} that rewrites the query, or a release of ${api.platform} that ignores this paging, may be the cause.`,
	});
}
