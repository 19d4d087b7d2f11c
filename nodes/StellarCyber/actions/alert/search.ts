import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import { jsonObject } from '../../../common/json-parameter';
import type { Operation } from '../../../common/operations';
import { cursorPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { scrollSearch } from '../../listings';
import { stellarCyber } from '../../transport';

export const searchAlerts: Operation = {
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search alerts',
		description: 'Search security events with a query string or a query DSL',
	},
	toolDescription:
		'Search Stellar Cyber alerts (security events in the Data Lake index aella-ser-*) with a Lucene query such as severity:high or a query DSL. Returns one record per alert with _index, _id and the alert fields. Use the _index and _id to update an alert.',
	fields: [
		{
			displayName: 'Index Pattern',
			name: 'indexPattern',
			type: 'string',
			required: true,
			default: 'aella-ser-*',
			description:
				"The Data Lake indices to search: aella-ser-* holds every alert (security event); an alert's own _index narrows it",
		},
		// Return All and Limit near the top, as in every search of these nodes (CONTRIBUTING.md, field order)
		...returnAllOrLimit(),
		{
			displayName: 'Query Type',
			name: 'queryType',
			type: 'options',
			default: 'queryString',
			options: [
				{ name: 'Query String (Lucene)', value: 'queryString' },
				{ name: 'Query DSL (JSON)', value: 'dsl' },
			],
			description:
				'How the search is written: a Lucene query string, or an Elasticsearch query in JSON',
		},
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '*',
			placeholder: 'event_status:New AND severity:>=80',
			description:
				'Lucene syntax, field:value joined by AND, OR, NOT; * matches every alert. Alert fields: event_status, severity, srcip, dstip, xdr_event.display_name.',
			displayOptions: { show: { queryType: ['queryString'] } },
		},
		{
			displayName: 'Query DSL',
			name: 'queryJson',
			type: 'json',
			default: '{\n  "match_all": {}\n}',
			description: 'The "query" object of an Elasticsearch search',
			displayOptions: { show: { queryType: ['dsl'] } },
		},
	],
	async execute(itemIndex) {
		const index = String(this.getNodeParameter('indexPattern', itemIndex)).trim();
		if (index === '')
			throw new NodeOperationError(this.getNode(), 'The "Index Pattern" parameter is empty', {
				itemIndex,
			});
		let query: IDataObject;
		if (this.getNodeParameter('queryType', itemIndex, 'queryString') === 'dsl') {
			query = jsonObject(this, itemIndex, 'queryJson', 'Query DSL');
		} else {
			const text = String(this.getNodeParameter('query', itemIndex, '*')).trim();
			query = { query_string: { query: text === '' ? '*' : text } };
		}
		const sort = [{ timestamp: { order: 'desc' } }];
		return await collectPages.call(
			this,
			stellarCyber,
			cursorPages(scrollSearch(index, query, sort)),
			wantedCount(this, itemIndex),
			itemIndex,
		);
	},
};
