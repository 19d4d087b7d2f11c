import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { offsetPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { PAGE_SIZE } from '../../listings';
import { immuta } from '../../transport';

export const getManyGlobalPolicies: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many global policies',
		description: 'List the global policies',
	},
	toolDescription:
		'List Immuta global policies (data and subscription policies that apply across data sources). Returns one record per policy with its ID, name, type and whether it is active.',
	fields: returnAllOrLimit(),
	async execute(itemIndex) {
		// A bare array with no count, and offset/size declared without a default for size (docs/provenance/immuta.md row
		// 17): read in pages until a short one, oldest first, so a policy created during the read comes at the end.
		return await collectPages.call(
			this,
			immuta,
			offsetPages({
				path: '/policy/global',
				query: { sortField: 'createdAt', sortOrder: 'asc' },
				offsetParam: 'offset',
				sizeParam: 'size',
				maxPageSize: PAGE_SIZE,
				records: [],
				idField: 'id',
			}),
			wantedCount(this, itemIndex),
			itemIndex,
		);
	},
};
