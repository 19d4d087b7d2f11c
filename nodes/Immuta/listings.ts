import type { IDataObject } from 'n8n-workflow';

import type { OffsetListing } from '../common/page-strategies';

/** Immuta's list endpoints take up to this many records per request here (not documented; kept modest). */
export const PAGE_SIZE = 200;

/**
 * A catalog read in name order, asked for: Immuta's API description gives /dataSource, /project and
 * /bim/group no default order (/bim/user sorts by user name by default), and `searchText` on data sources
 * and projects matches descriptions and more unless nameOnly is set (docs/provenance/immuta.md M6, M7).
 */
export const BY_NAME = { sortField: 'name', sortOrder: 'asc' } as const;
export const NAME_ONLY = { nameOnly: true } as const;

/**
 * An Immuta list answered as {count, hits} and paged by offset/size. Catalogs (data sources, projects)
 * are ordered by name, which a rename changes; the audit log only grows at its newest end.
 */
export function immutaListing(
	path: string,
	query: IDataObject,
	order: 'name' | 'append-only',
): OffsetListing {
	return {
		path,
		query,
		offsetParam: 'offset',
		sizeParam: 'size',
		maxPageSize: PAGE_SIZE,
		records: ['hits'],
		total: ['count'],
		idField: 'id',
		orderCanChange: order === 'name',
	};
}
