import { NodeOperationError } from 'n8n-workflow';

import { refuseForAgents } from '../../../common/agent-tool';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

export const createApiKey: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an API key',
		description: 'Create an API key for the signed-in user; the answer holds the key once',
	},
	toolDescription:
		'Create an Elastic Cloud Enterprise API key. Not available to AI agents: the new key is a secret and is never returned to a model.',
	fields: [
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Expiration',
			name: 'expiration',
			type: 'string',
			default: '',
			placeholder: '30d',
			description:
				'How long the key lives, as a duration such as 3h or 30d. Left empty, none is sent and ECE applies its own rule (its API description does not say which).',
		},
	],
	async execute(itemIndex) {
		refuseForAgents(
			this,
			itemIndex,
			'Creating an API key is not available to AI agents: the new key is a secret a model must not see. Create it in a workflow step instead.',
		);
		const description = String(this.getNodeParameter('description', itemIndex)).trim();
		const expiration = String(this.getNodeParameter('expiration', itemIndex, '')).trim();
		if (description === '')
			throw new NodeOperationError(this.getNode(), 'The "Description" parameter is empty', {
				itemIndex,
			});
		if (expiration !== '' && !/^\d+[smhd]$/.test(expiration)) {
			throw new NodeOperationError(
				this.getNode(),
				`The "Expiration" parameter "${expiration}" is not a duration like 3h or 30d`,
				{ itemIndex },
			);
		}
		return await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'POST',
				path: '/api/v1/users/auth/keys',
				body: { description, ...(expiration ? { expiration } : {}) },
			},
			itemIndex,
		);
	},
};
