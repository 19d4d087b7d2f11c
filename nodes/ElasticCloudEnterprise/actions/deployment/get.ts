import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { idProperty, pathId } from '../ids';

export const getDeployment: Operation = {
	option: { name: 'Get', value: 'get', action: 'Get a deployment', description: 'Read one deployment with its resources and health' },
	fields: [idProperty('Deployment ID', 'deploymentId')],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
		return await apiRequest.call(this, elasticCloudEnterprise, { method: 'GET', path: `/api/v1/deployments/${id}` }, itemIndex);
	},
};
