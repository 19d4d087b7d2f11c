import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiList } from '../../../common/request';
import { dataSearch } from '../../listings';
import { stellarCyber } from '../../transport';

/** Where Stellar keeps its alerts (security events); the Index field's default from node version 2. */
export const DEFAULT_ALERT_INDEX = 'aella-ser-*';

const isPattern = (index: string) => /[*,?]/.test(index);

/**
 * The one index holding alert `id`. Stellar updates an alert by its concrete _index, while users (and the
 * alert list) know the pattern, so a pattern is searched for the id first; none or two found is an error,
 * never a guess.
 */
export async function alertIndex(
	context: IExecuteFunctions,
	index: string,
	id: string,
	itemIndex: number,
): Promise<string> {
	if (!isPattern(index)) return index;
	const hits = await apiList.call(
		context,
		stellarCyber,
		dataSearch(index, {
			method: 'POST',
			body: { query: { ids: { values: [id] } }, size: 2, _source: false },
		}),
		['hits', 'hits'],
		itemIndex,
	);
	if (hits.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			`Stellar Cyber has no alert ${id} in ${index}`,
			{
				itemIndex,
				description:
					'Check the alert ID and the Index (an alert search returns both as _id and _index). Nothing was changed.',
			},
		);
	}
	if (hits.length > 1) {
		throw new NodeOperationError(
			context.getNode(),
			`Alert ID ${id} is in more than one index matching ${index}`,
			{
				itemIndex,
				description: `Set Index to the alert's own _index (one of ${hits.map((hit) => String(hit._index)).join(', ')}). Nothing was changed.`,
			},
		);
	}
	return String(hits[0]._index);
}
