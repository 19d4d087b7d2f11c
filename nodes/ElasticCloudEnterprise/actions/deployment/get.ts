import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { deploymentIdFields, pathId } from '../ids';

export const getDeployment: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a deployment',
		description: 'Read one deployment with its resources and health',
	},
	toolDescription:
		"Get one Elastic Cloud Enterprise deployment by its deployment ID (32 hexadecimal characters). Returns its name, healthy flag and its resources (Elasticsearch, Kibana and others) with their ref IDs, status and plan. Use it to check a deployment's health.",
	fields: [...deploymentIdFields],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
		return await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'GET',
				path: `/api/v1/deployments/${id}`,
				about: `deployment ${decodeURIComponent(id)}`,
			},
			itemIndex,
		);
	},
};
