import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { apiRequestFull, type RequestContext } from './request';
import type { ApiRequest, VendorApi } from './vendor-api';

/**
 * How one platform pages. The loop below is the only one: a strategy says which request reads the page
 * at a cursor, and what a page holds and where the next one starts (undefined when there is none).
 */
export interface PageStrategy<Cursor> {
	start(limit: number | undefined): Cursor;
	request(cursor: Cursor): ApiRequest;
	read(response: IN8nHttpFullResponse, cursor: Cursor): { items: IDataObject[]; next: Cursor | undefined };
}

/** Every record (limit undefined) or the first `limit`, requesting no page beyond what is needed. */
export async function collectPages<Cursor>(
	this: RequestContext,
	api: VendorApi,
	strategy: PageStrategy<Cursor>,
	limit: number | undefined,
	itemIndex = 0,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	if (limit !== undefined && limit <= 0) return collected;
	let cursor: Cursor | undefined = strategy.start(limit);
	while (cursor !== undefined) {
		const response = await apiRequestFull.call(this, api, { ...strategy.request(cursor), expectsJson: true }, itemIndex);
		const page = strategy.read(response, cursor);
		for (const item of page.items) {
			collected.push(item);
			if (limit !== undefined && collected.length >= limit) return collected;
		}
		// A page with nothing on it ends the loop whatever the strategy says, so a server quirk cannot spin it.
		cursor = page.items.length > 0 ? page.next : undefined;
	}
	return collected;
}
