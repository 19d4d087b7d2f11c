import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
import { immuta } from '../../transport';
import { dataSourceIdFields, recordId } from '../record-id';

export const getDataSourceTags: Operation = {
	option: {
		name: 'Get Tags',
		value: 'getTags',
		action: 'Get the tags of a data source',
		description: 'List the tags on a data source',
	},
	toolDescription:
		'Get the tags of one Immuta data source by its numeric data source ID. Returns one record per tag with its name and source.',
	fields: [...dataSourceIdFields],
	async execute(itemIndex) {
		const id = recordId(this, itemIndex, 'dataSourceId', 'Data Source ID');
		// {tags: [...]}, as two public clients read it (docs/provenance.md)
		return await apiList.call(
			this,
			immuta,
			{
				method: 'GET',
				path: `/dataSource/${id}/tags`,
				about: `data source ${decodeURIComponent(id)}`,
			},
			['tags'],
			itemIndex,
		);
	},
};
