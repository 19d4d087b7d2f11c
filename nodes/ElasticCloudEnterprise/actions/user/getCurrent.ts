import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

export const getCurrentUser: Operation = {
	option: {
		name: 'Get Current',
		value: 'getCurrent',
		action: 'Get the current user',
		description: 'The ECE user the credential signs in as',
	},
	toolDescription:
		'Get the Elastic Cloud Enterprise user this connection signs in as: user name, full name, email and roles. Use it to check who the tools act as.',
	fields: [],
	async execute(itemIndex) {
		return await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{ method: 'GET', path: '/api/v1/user' },
			itemIndex,
		);
	},
};
