import { wholeList } from '../whole-list';

export const getManyTenants = wholeList(
	'tenants',
	'data',
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many tenants',
		description: 'List the tenants this key can see',
	},
	'List the Stellar Cyber tenants this connection may see. Returns one record per tenant with its cust_id (the tenant ID used to filter cases) and name.',
);
