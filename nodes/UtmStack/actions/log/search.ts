import type { Operation } from '../../../common/operations';
import { runSearch, searchFields } from '../../search/run-search';

export const searchLogs: Operation = {
	option: { name: 'Search', value: 'search', action: 'Search logs', description: 'Find log documents with filters, a time range and a sort order' },
	fields: searchFields('log-*'),
	execute: runSearch,
};
