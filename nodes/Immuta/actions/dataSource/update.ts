import { jsonObject } from '../../../common/json-parameter';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { immuta } from '../../transport';
import { dataSourceIdFields, recordId } from '../record-id';

export const updateDataSource: Operation = {
	option: { name: 'Update', value: 'update', action: 'Update a data source', description: 'Change a data source with a JSON body, as the Immuta API takes it' },
	toolDescription:
		'Update one Immuta data source, given its numeric data source ID and a JSON object of the fields to change (for example name, description). Returns the data source as saved. Changes the platform.',
	fields: [
		...dataSourceIdFields,
		{
			displayName: 'Fields (JSON)',
			name: 'fieldsJson',
			type: 'json',
			required: true,
			default: '{\n  "description": "Reviewed by the SOC"\n}',
			description: 'The fields of the data source to change; the rest of it is read from Immuta first and sent unchanged',
		},
	],
	async execute(itemIndex) {
		const id = recordId(this, itemIndex, 'dataSourceId', 'Data Source ID');
		const fields = jsonObject(this, itemIndex, 'fieldsJson', 'Fields (JSON)');
		const about = `data source ${decodeURIComponent(id)}`;
		// Immuta's PUT takes the whole data source (fh-immuta-utils sends it whole): read it, change the fields, send it back.
		const current = await apiRequest.call(this, immuta, { method: 'GET', path: `/dataSource/${id}`, about }, itemIndex);
		return await apiRequest.call(this, immuta, { method: 'PUT', path: `/dataSource/${id}`, body: { ...current, ...fields, id: current.id }, about }, itemIndex);
	},
};
