import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import { jsonObject } from '../../../common/json-parameter';
import type { Operation } from '../../../common/operations';
import { cursorPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { deploymentSearch } from '../../listings';
import { elasticCloudEnterprise } from '../../transport';

export const searchDeployments: Operation = {
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search deployments',
		description: 'Find deployments with a query, page by page',
	},
	toolDescription:
		'Search Elastic Cloud Enterprise deployments with a query (for example healthy:false or a deployment name). Returns one record per matching deployment with its ID, name, health and resources.',
	fields: [
		// Return All and Limit first, as in every search of these nodes (CONTRIBUTING.md, field order)
		...returnAllOrLimit(),
		{
			displayName: 'Query Type',
			name: 'queryType',
			type: 'options',
			default: 'queryString',
			options: [
				{ name: 'Query String', value: 'queryString' },
				{ name: 'Query JSON', value: 'json' },
			],
			description: 'How the search is written: a query string, or an ECE search query in JSON',
		},
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			placeholder: 'healthy:false',
			description: 'Leave empty for every deployment',
			displayOptions: { show: { queryType: ['queryString'] } },
		},
		{
			displayName: 'Query JSON',
			name: 'queryJson',
			type: 'json',
			default: '{\n  "match_all": {}\n}',
			description: 'The "query" of an ECE SearchRequest',
			displayOptions: { show: { queryType: ['json'] } },
		},
	],
	async execute(itemIndex) {
		let query: IDataObject;
		if (this.getNodeParameter('queryType', itemIndex, 'queryString') === 'json') {
			query = jsonObject(this, itemIndex, 'queryJson', 'Query JSON');
		} else {
			const text = String(this.getNodeParameter('query', itemIndex, '')).trim();
			query = text === '' ? { match_all: {} } : { query_string: { query: text } };
		}
		return await collectPages.call(
			this,
			elasticCloudEnterprise,
			cursorPages(deploymentSearch(query)),
			wantedCount(this, itemIndex),
			itemIndex,
		);
	},
};
