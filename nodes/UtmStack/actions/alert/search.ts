import type { Operation } from '../../../common/operations';
import { runSearch, searchFields } from '../../search/run-search';
import { ALERT_INDEXES } from '../../search/listings';

export const searchAlerts: Operation = {
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search alerts',
		description: 'Find alerts with filters, a time range and a sort order',
	},
	toolDescription:
		'Search UTMStack alerts (alert-* indices, v11-alert-* on UTMStack 11) by field filters and a time range, newest first by default. Returns one record per alert with its id, name, severity (1 low, 2 medium, 3 high), status, source and destination, and @timestamp.',
	fields: searchFields(ALERT_INDEXES, true),
	execute: runSearch,
};
