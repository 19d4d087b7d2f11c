import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';

export const getCurrentUser: Operation = {
	option: {
		name: 'Get Current',
		value: 'getCurrent',
		action: 'Get the current user',
		description: 'The account the credential signs in as',
	},
	toolDescription:
		'Get the UTMStack user this connection signs in as: login, name, email and authorities. Use it to check who the tools act as.',
	fields: [],
	async execute(itemIndex) {
		return (await apiRequest.call(
			this,
			utmStack,
			{ method: 'GET', path: '/api/account' },
			itemIndex,
		)) as IDataObject;
	},
};
