import { returnAllOrLimit, wantedOf } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

export const getManyDeployments: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many deployments',
		description: 'List every deployment with its resources',
	},
	toolDescription:
		"List Elastic Cloud Enterprise deployments. Returns one record per deployment with its ID, name and resources (ref ID, kind, region); the list carries no health, so use Get for a deployment's health. Use it to find a deployment's ID by name.",
	fields: returnAllOrLimit(),
	async execute(itemIndex) {
		return wantedOf(
			this,
			itemIndex,
			await apiList.call(
				this,
				elasticCloudEnterprise,
				{ method: 'GET', path: '/api/v1/deployments' },
				['deployments'],
				itemIndex,
			),
		);
	},
};
