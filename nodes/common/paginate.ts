import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
}

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
 * Records whose ids are in `alreadyEmitted` (a trigger's earlier polls) are skipped.
 */
export async function collectPages<Cursor>(
	this: RequestContext,
	api: VendorApi,
	strategy: PageStrategy<Cursor>,
	limit: number | undefined,
	itemIndex = 0,
	alreadyEmitted: Iterable<string> = [],
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	if (limit !== undefined && limit <= 0) return collected;
	const emitted = new Set<string>(alreadyEmitted);
	const start = strategy.start(limit);
	let cursor: Cursor | undefined = start;
	while (cursor !== undefined) {
		const response = await apiRequestFull.call(this, api, { ...strategy.request(cursor), expectsJson: true }, itemIndex);
		let page: PageRead<Cursor>;
		try {
			page = strategy.read(response, cursor, emitted);
		} catch (error) {
			const incomplete = error instanceof IncompleteReadError ? error : undefined;
			throw new NodeOperationError(this.getNode(), incomplete?.message ?? (error as Error), { description: incomplete?.description, itemIndex });
		}
		for (const item of page.items) {
			if (strategy.idOf) {
				const id = strategy.idOf(item);
				if (emitted.has(id)) continue;
				emitted.add(id);
			}
			collected.push(item);
			if (limit !== undefined && collected.length >= limit) return collected;
		}
		// A page with nothing on it ends the loop whatever the strategy says, so a server quirk cannot spin it.
		cursor = (page.received ?? page.items.length) > 0 || page.rewound ? page.next : undefined;
	}
	return collected;
}
