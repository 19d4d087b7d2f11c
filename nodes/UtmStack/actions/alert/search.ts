import type { Operation } from '../../../common/operations';
import { runSearch, searchFields } from '../../search/run-search';

export const searchAlerts: Operation = {
	option: { name: 'Search', value: 'search', action: 'Search alerts', description: 'Find alerts with filters, a time range and a sort order' },
	fields: searchFields('alert-*'),
	execute: runSearch,
};
