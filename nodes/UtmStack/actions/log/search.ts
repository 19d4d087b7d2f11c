import type { Operation } from '../../../common/operations';
import { runSearch, searchFields } from '../../search/run-search';

export const searchLogs: Operation = {
	option: { name: 'Search', value: 'search', action: 'Search logs', description: 'Find log documents with filters, a time range and a sort order' },
	toolDescription:
		'Search UTMStack logs (index log-*) by field filters and a time range, newest first by default. Returns one record per log document with its fields and @timestamp.',
	fields: searchFields('log-*'),
	execute: runSearch,
};
