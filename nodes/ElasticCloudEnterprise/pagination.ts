import type { IDataObject } from 'n8n-workflow';

import type { PageStrategy } from '../common/paginate';

export const SEARCH_PAGE_SIZE = 100;

interface SearchCursor {
	cursor?: string;
	size: number;
}

/** POST /deployments/_search: the first page carries the query, the next ones only the cursor ECE returned. */
export function deploymentSearchPages(query: IDataObject, sort?: unknown): PageStrategy<SearchCursor> {
	return {
		start: (limit) => ({ size: Math.min(limit ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE) }),
		request: (cursor) => ({
			method: 'POST',
			path: '/api/v1/deployments/_search',
			body: cursor.cursor ? { cursor: cursor.cursor, size: cursor.size } : ({ query, size: cursor.size, ...(sort ? { sort } : {}) } as IDataObject),
		}),
		read: (response, cursor) => {
			const body = (response.body ?? {}) as { deployments?: IDataObject[]; cursor?: string; match_count?: number };
			const items = body.deployments ?? [];
			const more = items.length === cursor.size && typeof body.cursor === 'string' && body.cursor !== '';
			return { items, next: more ? { ...cursor, cursor: body.cursor } : undefined };
		},
	};
}
