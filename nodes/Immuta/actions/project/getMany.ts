import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { offsetPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { immutaListing } from '../../listings';
import { immuta } from '../../transport';

export const getManyProjects: Operation = {
	option: { name: 'Get Many', value: 'getMany', action: 'Get many projects', description: 'List projects, by name' },
	toolDescription:
		'List Immuta projects, optionally only those whose name contains a search text. Returns one record per project with its ID, name and status.',
	fields: [
		...returnAllOrLimit(),
		{ displayName: 'Search Text', name: 'searchText', type: 'string', default: '', description: 'Only projects whose name contains this text' },
	],
	async execute(itemIndex) {
		const searchText = String(this.getNodeParameter('searchText', itemIndex, '')).trim();
		const query: IDataObject = searchText ? { searchText } : {};
		return await collectPages.call(this, immuta, offsetPages(immutaListing('/project', query, 'name')), wantedCount(this, itemIndex), itemIndex);
	},
};
