import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedOf } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { immuta } from '../../transport';

export const getManyGlobalPolicies: Operation = {
	option: { name: 'Get Many', value: 'getMany', action: 'Get many global policies', description: 'List the global policies' },
	toolDescription:
		'List Immuta global policies (data and subscription policies that apply across data sources). Returns one record per policy with its ID, name, type and whether it is active.',
	fields: returnAllOrLimit(),
	async execute(itemIndex) {
		const policies = (await apiRequest.call(this, immuta, { method: 'GET', path: '/policy/global' }, itemIndex)) as unknown;
		return wantedOf(this, itemIndex, Array.isArray(policies) ? (policies as IDataObject[]) : []);
	},
};
