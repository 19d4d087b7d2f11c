import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

export const getPlatform: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get platform information',
		description: 'Version, services and regions of the ECE installation',
	},
	toolDescription:
		'Get Elastic Cloud Enterprise platform information: version, regions and services. Use it to check the platform answers and which version runs.',
	fields: [],
	async execute(itemIndex) {
		return await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{ method: 'GET', path: '/api/v1/platform' },
			itemIndex,
		);
	},
};
