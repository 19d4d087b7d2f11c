import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedOf } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { stellarCyber } from '../../transport';

export const getManyTenants: Operation = {
	option: { name: 'Get Many', value: 'getMany', action: 'Get many tenants', description: 'List the tenants this key can see' },
	toolDescription:
		'List the Stellar Cyber tenants this connection may see. Returns one record per tenant with its cust_id (the tenant ID used to filter cases) and name.',
	fields: returnAllOrLimit(),
	async execute(itemIndex) {
		const answer = await apiRequest.call(this, stellarCyber, { method: 'GET', path: '/connect/api/v1/tenants' }, itemIndex);
		return wantedOf(this, itemIndex, (answer.data as IDataObject[]) ?? []);
	},
};
