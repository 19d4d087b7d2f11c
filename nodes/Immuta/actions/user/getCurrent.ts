import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { immuta } from '../../transport';

export const getCurrentUser: Operation = {
	option: {
		name: 'Get Current',
		value: 'getCurrent',
		action: 'Get the current user',
		description: 'Who the credential signs in as, with permissions',
	},
	toolDescription:
		'Get the Immuta user this connection signs in as: ID, name, email, IAM and permissions. Use it to check who the tools act as and what they may do.',
	fields: [],
	async execute(itemIndex) {
		return await apiRequest.call(
			this,
			immuta,
			{ method: 'GET', path: '/bim/rpc/user/current' },
			itemIndex,
		);
	},
};
