import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { numberedPages } from '../../common/page-strategies';
import { collectPages } from '../../common/paginate';
import { timeWalkPages } from '../../common/time-walk';
import { returnAllOrLimit, wantedCount } from '../../common/fields';
import { utmStack } from '../transport';
import { ALERT_SEVERITIES, ALERT_STATUSES } from '../alert-codes';
import { filtersFromFieldList, filtersProperty, searchFilters } from './filters';
import { TIME_FIELD, searchListing, timestampWalk } from './listings';
import { isRepeat, leaveOutRepeatsProperty } from './repeats';

/** Alerts only: severities and statuses by name, as UTMStack's console shows them. */
const alertCodeFields: INodeProperties[] = [
	{
		displayName: 'Severities',
		name: 'severities',
		type: 'multiOptions',
		default: [],
		options: ALERT_SEVERITIES,
		description: 'Only alerts of these severities; none selected means any',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		options: ALERT_STATUSES,
		description: 'Only alerts in these statuses; none selected means any',
	},
	leaveOutRepeatsProperty,
];

/** The fields of a UTMStack search, for alerts (ALERT_INDEXES by default) or logs (LOG_INDEXES). */
export function searchFields(defaultIndexPattern: string, alerts = false): INodeProperties[] {
	return [
		{
			displayName: 'Index Pattern Name or ID',
			name: 'indexPattern',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getIndexPatterns' },
			required: true,
			default: defaultIndexPattern,
			description:
				'UTMStack index pattern to search, for example alert-* or log-* (v11-alert-* or v11-log-* on UTMStack 11); a comma list searches several. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		// Return All and Limit near the top, as n8n's own list operations place them (CONTRIBUTING.md, field order)
		...returnAllOrLimit(),
		...(alerts ? alertCodeFields : []),
		{ ...filtersProperty, displayOptions: { show: { '@version': [1, 2] } } },
		{ ...filtersFromFieldList, displayOptions: { hide: { '@version': [1, 2] } } },
		{
			displayName: 'Time Range',
			name: 'timeRange',
			type: 'options',
			default: 'none',
			description: 'Limit the search on @timestamp',
			options: [
				{ name: 'Any Time', value: 'none' },
				{
					name: 'Relative',
					value: 'relative',
					description: 'From a moment like now-24h until now',
				},
				{ name: 'Between Dates', value: 'absolute' },
			],
		},
		{
			displayName: 'Since',
			name: 'since',
			type: 'string',
			default: 'now-24h',
			placeholder: 'now-24h',
			description: 'Elasticsearch date math: now-15m, now-24h, now-7d',
			displayOptions: { show: { timeRange: ['relative'] } },
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'The earliest @timestamp to include',
			displayOptions: { show: { timeRange: ['absolute'] } },
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'The latest @timestamp to include',
			displayOptions: { show: { timeRange: ['absolute'] } },
		},
		{
			displayName: 'Sort By',
			name: 'sortField',
			type: 'resourceLocator',
			default: { mode: 'list', value: '@timestamp' },
			description:
				'A field of the index pattern, or Relevance; @timestamp is the only order in which Return All reads past 10,000 documents',
			displayOptions: { hide: { '@version': [1, 2, 3] } },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchSortFields', searchable: true },
				},
				{ displayName: 'Name', name: 'name', type: 'string', placeholder: 'e.g. severity' },
			],
		},
		{
			displayName: 'Sort By',
			name: 'sortField',
			type: 'string',
			default: '@timestamp',
			placeholder: 'e.g. @timestamp or severity',
			displayOptions: { show: { '@version': [1, 2, 3] } },
			description:
				'A field of the documents. Leave empty to sort by relevance. Sorted by @timestamp, a search can return any number of documents; in any other order UTMStack serves the first 10,000 only.',
		},
		{
			displayName: 'Order',
			name: 'sortDirection',
			type: 'options',
			default: 'desc',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
		},
	];
}

const DATE_MATH = /^now(?:[+-]\d+[smhdwMy])*(?:\/[smhdwMy])?$/;

function timeFilter(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const timeRange = this.getNodeParameter('timeRange', itemIndex, 'none') as string;
	if (timeRange === 'relative') {
		const since = String(this.getNodeParameter('since', itemIndex, '')).trim();
		if (!DATE_MATH.test(since)) {
			throw new NodeOperationError(
				this.getNode(),
				`The "Since" parameter "${since}" is not a relative time like now-24h`,
				{ itemIndex },
			);
		}
		return { field: '@timestamp', operator: 'IS_BETWEEN', value: [since, 'now'] };
	}
	if (timeRange === 'absolute') {
		const from = String(this.getNodeParameter('from', itemIndex, ''));
		const to = String(this.getNodeParameter('to', itemIndex, ''));
		for (const [name, value] of [
			['From', from],
			['To', to],
		]) {
			if (value === '' || Number.isNaN(Date.parse(value))) {
				throw new NodeOperationError(this.getNode(), `The "${name}" parameter needs a date`, {
					itemIndex,
				});
			}
		}
		if (Date.parse(from) > Date.parse(to)) {
			throw new NodeOperationError(
				this.getNode(),
				'The "From" parameter is after the "To" parameter',
				{ itemIndex },
			);
		}
		return {
			field: '@timestamp',
			operator: 'IS_BETWEEN',
			value: [new Date(from).toISOString(), new Date(to).toISOString()],
		};
	}
	return undefined;
}

/** Runs the search of one item: every document (Return All) or the first Limit, one record each. */
export async function runSearch(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	const indexPattern = String(this.getNodeParameter('indexPattern', itemIndex)).trim();
	if (indexPattern === '')
		throw new NodeOperationError(this.getNode(), 'The "Index Pattern" parameter is empty', {
			itemIndex,
		});
	const filters = searchFilters(
		this.getNode(),
		this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
		itemIndex,
	);
	for (const [field, parameter] of [
		['severity', 'severities'],
		['status', 'statuses'],
	]) {
		const codes = this.getNodeParameter(parameter, itemIndex, []) as number[];
		if (codes.length > 0) filters.push({ field, operator: 'IS_ONE_OF', value: codes.map(String) });
	}
	const time = timeFilter.call(this, itemIndex);
	if (time) filters.push(time as never);
	// a text before version 4, a resource locator ({mode, value}) since
	const sortField = String(
		this.getNodeParameter('sortField', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const direction = this.getNodeParameter('sortDirection', itemIndex, 'desc') as 'asc' | 'desc';
	const limit = wantedCount(this, itemIndex);
	const leaveOutRepeats = this.getNodeParameter('leaveOutRepeats', itemIndex, false) as boolean;
	const keep = leaveOutRepeats ? (record: IDataObject) => !isRepeat(record) : undefined;
	if (sortField === TIME_FIELD) {
		return await collectPages.call(
			this,
			utmStack,
			timeWalkPages(timestampWalk({ indexPattern }, filters, direction)),
			limit,
			itemIndex,
			[],
			keep,
		);
	}
	const query: IDataObject = { indexPattern };
	if (sortField !== '') query.sort = `${sortField},${direction}`;
	const pages = numberedPages(
		searchListing(query, filters, sortField === '' ? 'relevance' : `"${sortField}"`),
	);
	return await collectPages.call(this, utmStack, pages, limit, itemIndex, [], keep);
}
