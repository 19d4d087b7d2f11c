import type { Operation } from '../../../common/operations';
import { runSearch, searchFields } from '../../search/run-search';
import { LOG_INDEXES } from '../../search/listings';

export const searchLogs: Operation = {
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search logs',
		description: 'Find log documents with filters, a time range and a sort order',
	},
	toolDescription:
		'Search UTMStack logs (log-* indices, v11-log-* on UTMStack 11) by field filters and a time range, newest first by default. Returns one record per log document with its fields and @timestamp.',
	fields: searchFields(LOG_INDEXES),
	execute: runSearch,
};
