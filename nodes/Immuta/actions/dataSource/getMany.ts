import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { offsetPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { BY_NAME, NAME_ONLY, immutaListing } from '../../listings';
import { immuta } from '../../transport';

export const getManyDataSources: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many data sources',
		description: 'List data sources, by name',
	},
	toolDescription:
		"List Immuta data sources, optionally only those whose name contains a search text or that carry a tag (for example Sensitivity.Confidential). Returns one record per data source with its ID, name, type and status. Use it to find a data source's ID by name.",
	fields: [
		...returnAllOrLimit(),
		{
			displayName: 'Search Text',
			name: 'searchText',
			type: 'string',
			default: '',
			description: 'Only data sources whose name contains this text',
		},
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			placeholder: 'e.g. Sensitivity.Confidential',
			description:
				"Only data sources that carry this tag, by its full name as Get Tags shows it (Immuta's tag filter)",
		},
	],
	async execute(itemIndex) {
		const searchText = String(this.getNodeParameter('searchText', itemIndex, '')).trim();
		const tag = String(this.getNodeParameter('tag', itemIndex, '')).trim();
		// `tag` is declared by Immuta's API description for GET /dataSource; how it matches (the exact tag, or
		// also those under it) is unattested: the field asks for the full name
		const query: IDataObject = {
			...BY_NAME,
			...(searchText ? { searchText, ...NAME_ONLY } : {}),
			...(tag ? { tag } : {}),
		};
		return await collectPages.call(
			this,
			immuta,
			offsetPages(immutaListing('/dataSource', query, 'name')),
			wantedCount(this, itemIndex),
			itemIndex,
		);
	},
};
