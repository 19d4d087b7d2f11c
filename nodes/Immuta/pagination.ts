import type { IDataObject } from 'n8n-workflow';

import type { PageStrategy } from '../common/paginate';

/** Immuta's list endpoints take up to this many records per request here (not documented; kept modest). */
export const PAGE_SIZE = 200;

interface OffsetCursor {
	offset: number;
	size: number;
}

/**
 * offset/size pages answered as {count, hits}: stop at `count` when the answer states it (no request
 * spent on an empty page), else when fewer than `size` come back. A record seen twice (the list shifted
 * between two reads) is emitted once.
 */
export function offsetPages(path: string, query: IDataObject): PageStrategy<OffsetCursor> {
	return {
		idOf: (record) => String(record.id),
		start: (limit) => ({ offset: 0, size: Math.min(limit ?? PAGE_SIZE, PAGE_SIZE) }),
		request: (cursor) => ({ method: 'GET', path, qs: { ...query, offset: cursor.offset, size: cursor.size } }),
		read: (response, cursor) => {
			const body = (response.body ?? {}) as { count?: number; hits?: IDataObject[] };
			const items = body.hits ?? [];
			const seen = cursor.offset + items.length;
			const more = typeof body.count === 'number' ? seen < body.count : items.length === cursor.size;
			return { items, next: more ? { ...cursor, offset: seen } : undefined };
		},
	};
}
