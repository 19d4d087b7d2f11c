import type { IDataObject } from 'n8n-workflow';

import type { PageStrategy } from '../common/paginate';

export const SEARCH_PAGE_SIZE = 100;

interface SearchCursor {
	cursor?: string;
	size: number;
}

/**
 * ECE's own advice for paged searches: sort on a static, unique field, or a deployment modified between two
 * page reads moves across pages and is read twice or lost (the default sort is rank, then modified date).
 */
const STABLE_SORT = [{ id: { order: 'asc' } }];

/** POST /deployments/_search: the first page carries the query, the next ones only the cursor ECE returned. */
export function deploymentSearchPages(query: IDataObject, sort: unknown = STABLE_SORT): PageStrategy<SearchCursor> {
	return {
		idOf: (deployment) => String(deployment.id),
		start: (limit) => ({ size: Math.min(limit ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE) }),
		request: (cursor) => ({
			method: 'POST',
			path: '/api/v1/deployments/_search',
			body: cursor.cursor ? { cursor: cursor.cursor, size: cursor.size } : ({ query, size: cursor.size, sort } as IDataObject),
		}),
		read: (response, cursor) => {
			const body = (response.body ?? {}) as { deployments?: IDataObject[]; cursor?: string; match_count?: number };
			const items = body.deployments ?? [];
			const more = items.length === cursor.size && typeof body.cursor === 'string' && body.cursor !== '';
			return { items, next: more ? { ...cursor, cursor: body.cursor } : undefined };
		},
	};
}
