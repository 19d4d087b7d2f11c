import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { apiKeyIdFields, pathId } from '../ids';

export const deleteApiKey: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an API key',
		description: 'Delete one API key of the signed-in user',
	},
	toolDescription:
		'Delete one Elastic Cloud Enterprise API key of the signed-in user by its key ID (the key stops working at once). Returns deleted true and the key ID. Never returns key values.',
	fields: [...apiKeyIdFields],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'apiKeyId', 'API Key ID');
		await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'DELETE',
				path: `/api/v1/users/auth/keys/${id}`,
				about: `API key ${decodeURIComponent(id)}`,
			},
			itemIndex,
		);
		return { deleted: true, apiKeyId: decodeURIComponent(id) };
	},
};
