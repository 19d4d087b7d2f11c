import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedCount } from '../../common/fields';
import type { Operation } from '../../common/operations';
import { offsetPages } from '../../common/page-strategies';
import { collectPages } from '../../common/paginate';
import { BY_NAME, NAME_ONLY, immutaListing } from '../listings';
import { immuta } from '../transport';

/**
 * An Immuta catalog read by name ({count, hits}, offset paging), narrowed by Immuta's own search: `searchText`
 * for data sources and projects, `name` for users and groups (Immuta's API description declares no
 * searchText there; docs/provenance/immuta.md). `extra` is sent with every page.
 */
export function searchableList(
	path: string,
	noun: string,
	option: Operation['option'],
	toolDescription: string,
	search: { param: 'searchText' | 'name'; extra?: IDataObject; narrow?: IDataObject } = {
		param: 'searchText',
		extra: BY_NAME,
		narrow: NAME_ONLY,
	},
): Operation {
	return {
		option,
		toolDescription,
		fields: [
			...returnAllOrLimit(),
			{
				displayName: 'Search Text',
				name: 'searchText',
				type: 'string',
				default: '',
				description: `Only ${noun} whose name contains this text`,
			},
		],
		async execute(itemIndex) {
			const searchText = String(this.getNodeParameter('searchText', itemIndex, '')).trim();
			const query: IDataObject = {
				...search.extra,
				...(searchText ? { [search.param]: searchText, ...search.narrow } : {}),
			};
			return await collectPages.call(
				this,
				immuta,
				offsetPages(immutaListing(path, query, 'name')),
				wantedCount(this, itemIndex),
				itemIndex,
			);
		},
	};
}
