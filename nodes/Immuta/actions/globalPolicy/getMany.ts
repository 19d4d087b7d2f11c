import { returnAllOrLimit, wantedOf } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
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
		// a bare list: Immuta's own API description (docs/provenance.md)
		return wantedOf(
			this,
			itemIndex,
			await apiList.call(this, immuta, { method: 'GET', path: '/policy/global' }, [], itemIndex),
		);
	},
};
