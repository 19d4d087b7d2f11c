import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { immuta } from '../../transport';
import { dataSourceIdFields, recordId } from '../record-id';

export const getDataSource: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a data source',
		description: 'Read one data source',
	},
	toolDescription:
		'Get one Immuta data source by its numeric data source ID. Returns its name, type, status, owner, connection and policy details.',
	fields: [...dataSourceIdFields],
	async execute(itemIndex) {
		const id = recordId(this, itemIndex, 'dataSourceId', 'Data Source ID');
		return await apiRequest.call(
			this,
			immuta,
			{ method: 'GET', path: `/dataSource/${id}`, about: `data source ${decodeURIComponent(id)}` },
			itemIndex,
		);
	},
};
