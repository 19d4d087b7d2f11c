import type { IDataObject } from 'n8n-workflow';

import type { NewRecordSource } from '../common/new-records';
import type { SearchFilter } from '../UtmStack/search/filters';
import { timestampWalk } from '../UtmStack/search/listings';
import { isRepeat } from '../UtmStack/search/repeats';
import { utmStack } from '../UtmStack/transport';

/** The alerts of an index pattern matching the filters, in @timestamp order, for the shared new-records loop. */
export function newAlertSource(
	indexPattern: string,
	filters: SearchFilter[],
	leaveOutRepeats = false,
): NewRecordSource {
	const query: IDataObject = { indexPattern };
	// 'now' as the upper end: an alert stamped ahead of the server clock is taken once its time has come.
	const walk = timestampWalk(query, filters, 'asc', 'now');
	const newestFirst = timestampWalk(query, filters, 'desc');
	return {
		scope: 'newAlert',
		api: utmStack,
		walk,
		newest: (size, skip) =>
			newestFirst.request({ time: null, timeText: null, ids: [] }, size, skip),
		...(leaveOutRepeats ? { keep: (alert: IDataObject) => !isRepeat(alert) } : {}),
	};
}
