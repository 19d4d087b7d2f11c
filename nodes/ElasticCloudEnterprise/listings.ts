import type { IDataObject } from 'n8n-workflow';

import { UnexpectedAnswerError, listAt, optionalListAt } from '../common/answer-parts';
import type { CursorListing } from '../common/page-strategies';

export const SEARCH_PAGE_SIZE = 100;

/**
 * ECE's own advice for paged searches: sort on a static, unique field, or a deployment modified between two
 * page reads moves across pages and is read twice or lost (the default sort is rank, then modified date).
 */
const STABLE_SORT = [{ id: { order: 'asc' } }];

/** POST /deployments/_search: the first page carries the query, the next ones only the cursor ECE returned. */
export function deploymentSearch(query: IDataObject): CursorListing {
	return {
		first: (size) => ({
			method: 'POST',
			path: '/api/v1/deployments/_search',
			body: { query, size, sort: STABLE_SORT } as IDataObject,
		}),
		next: (cursor, size) => ({
			method: 'POST',
			path: '/api/v1/deployments/_search',
			body: { cursor, size },
		}),
		maxPageSize: SEARCH_PAGE_SIZE,
		records: ['deployments'],
		cursor: ['cursor'],
		idOf: (deployment) => String(deployment.id),
	};
}

/** The platform's allocators: GET /platform/infrastructure/allocators answers them by zone (AllocatorOverview). */
export const ALLOCATORS_PATH = '/api/v1/platform/infrastructure/allocators';
/** ECE answers 100 allocators unless asked for more, with no total to notice the cut (swagger `size`). */
export const ALL_ALLOCATORS = 10_000;

export function allocatorsOf(body: unknown): IDataObject[] {
	const allocators = listAt(body, ['zones']).flatMap((zone) =>
		optionalListAt(zone, ['allocators']).map((allocator) => ({
			...allocator,
			zone_id: allocator.zone_id ?? zone.zone_id,
		})),
	);
	// The answer states no total (AllocatorOverview): a full page may not be every allocator, so it is not taken as one.
	if (allocators.length >= ALL_ALLOCATORS)
		throw new UnexpectedAnswerError(
			`fewer than ${ALL_ALLOCATORS.toLocaleString('en-US')} allocators (ECE states no total, so a full page cannot be shown to be all of them)`,
			`${allocators.length.toLocaleString('en-US')} allocators`,
		);
	return allocators;
}
