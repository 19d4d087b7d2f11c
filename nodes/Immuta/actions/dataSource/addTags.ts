import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiList, apiRequest } from '../../../common/request';
import { immuta } from '../../transport';
import { dataSourceIdFields, recordId } from '../record-id';

export const addDataSourceTags: Operation = {
	option: {
		name: 'Add Tags',
		value: 'addTags',
		action: 'Add tags to a data source',
		description: 'Tag a data source (not its columns)',
	},
	toolDescription:
		'Add tags to one Immuta data source, given its numeric data source ID and the tag names (comma-separated; a child tag is written parent.child). Returns the tags the data source has afterwards. Changes the platform.',
	fields: [
		...dataSourceIdFields,
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. PII, Discovered.Email',
			description: 'Tag names, comma-separated; the tags must exist in Immuta',
		},
	],
	async execute(itemIndex) {
		const id = recordId(this, itemIndex, 'dataSourceId', 'Data Source ID');
		const names = [
			...new Set(
				String(this.getNodeParameter('tags', itemIndex, ''))
					.split(',')
					.map((tag) => tag.trim())
					.filter((tag) => tag !== ''),
			),
		];
		if (names.length === 0)
			throw new NodeOperationError(
				this.getNode(),
				'The "Tags" parameter must name at least one tag',
				{ itemIndex },
			);
		const about = `data source ${decodeURIComponent(id)}`;
		// fh-immuta-utils tags this way; without source "curated" Immuta ignores the tags in silence.
		await apiRequest.call(
			this,
			immuta,
			{
				method: 'POST',
				path: `/tag/datasource/${id}`,
				body: names.map((name) => ({ name, source: 'curated' })),
				expectsJson: false,
				about,
			},
			itemIndex,
		);
		const held = await apiList.call(
			this,
			immuta,
			{ method: 'GET', path: `/dataSource/${id}/tags`, about },
			['tags'],
			itemIndex,
		);
		const missing = names.filter((name) => !held.some((tag) => tag.name === name));
		if (missing.length > 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Immuta did not add the tag${missing.length === 1 ? '' : 's'} ${missing.join(', ')} to ${about}`,
				{
					itemIndex,
					description:
						'Check that these tags exist in Immuta (Governance > Tags); Immuta answered without an error.',
				},
			);
		}
		return { dataSourceId: Number(decodeURIComponent(id)), tags: held };
	},
};
