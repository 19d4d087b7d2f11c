import { returnAllOrLimit, wantedOf } from '../../common/fields';
import type { Operation } from '../../common/operations';
import { apiList } from '../../common/request';
import { stellarCyber } from '../transport';

/**
 * A list Stellar answers whole (tenants, users, connectors, sensors): no paging to do. Each sits under its
 * own key of the answer, `records` (docs/provenance.md names the source of each).
 */
export function wholeList(
	path: string,
	records: string,
	option: Operation['option'],
	toolDescription: string,
): Operation {
	return {
		option,
		toolDescription,
		fields: returnAllOrLimit(),
		async execute(itemIndex) {
			const list = await apiList.call(
				this,
				stellarCyber,
				{ method: 'GET', path: `/connect/api/v1/${path}` },
				[records],
				itemIndex,
			);
			return wantedOf(this, itemIndex, list);
		},
	};
}
