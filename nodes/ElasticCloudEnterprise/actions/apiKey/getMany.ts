import { returnAllOrLimit, wantedOf } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

export const getManyApiKeys: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many API keys',
		description: 'List the API keys of the signed-in user (never the key values)',
	},
	toolDescription:
		'List the Elastic Cloud Enterprise API keys of the signed-in user: ID, description, creation and expiration dates, never the key values. Use it to find keys that expire soon.',
	fields: returnAllOrLimit(),
	async execute(itemIndex) {
		return wantedOf(
			this,
			itemIndex,
			await apiList.call(
				this,
				elasticCloudEnterprise,
				{ method: 'GET', path: '/api/v1/users/auth/keys' },
				['keys'],
				itemIndex,
			),
		);
	},
};
