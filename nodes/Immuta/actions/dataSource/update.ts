import { jsonObject } from '../../../common/json-parameter';
import type { Operation } from '../../../common/operations';
import { apiRecord } from '../../../common/request';
import { immuta } from '../../transport';
import { dataSourceIdFields, recordId } from '../record-id';

export const updateDataSource: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a data source',
		description: 'Change a data source with a JSON body, as the Immuta API takes it',
	},
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
			description:
				'The fields of the data source to change, sent as they are; Immuta keeps the others',
		},
	],
	async execute(itemIndex) {
		const id = recordId(this, itemIndex, 'dataSourceId', 'Data Source ID');
		const fields = jsonObject(this, itemIndex, 'fieldsJson', 'Fields (JSON)');
		const about = `data source ${decodeURIComponent(id)}`;
		// Only the fields to change, as fh-immuta-utils (restore_data_source) and immuta/catalog-linker send them:
		// Immuta's API description requires no field, and nothing shows that a GET answer can be sent back whole.
		return await apiRecord.call(
			this,
			immuta,
			{ method: 'PUT', path: `/dataSource/${id}`, body: fields, about },
			[],
			itemIndex,
		);
	},
};
