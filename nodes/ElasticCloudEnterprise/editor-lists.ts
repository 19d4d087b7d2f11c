import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../common/request';
import { elasticCloudEnterprise } from './transport';

/** The editor's lists for Elastic Cloud Enterprise, loaded through the node's own request path (login, renewal, errors). */
export const eceLists = {
	listSearch: {
		async searchDeployments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
			const answer = await apiRequest.call(this, elasticCloudEnterprise, { method: 'GET', path: '/api/v1/deployments' });
			const wanted = (filter ?? '').trim().toLowerCase();
			const results = ((answer.deployments as IDataObject[] | undefined) ?? [])
				.filter((deployment) => wanted === '' || `${String(deployment.name ?? '')} ${String(deployment.id)}`.toLowerCase().includes(wanted))
				.map((deployment) => ({ name: `${String(deployment.name ?? deployment.id)} (${deployment.healthy === false ? 'unhealthy' : 'healthy'})`, value: String(deployment.id) }))
				.sort((a, b) => a.name.localeCompare(b.name));
			return { results };
		},
	},
	loadOptions: {
		/** The Elasticsearch resources (ref ids) of the deployment chosen above. */
		async getElasticsearchResources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const id = String(this.getCurrentNodeParameter('deploymentId', { extractValue: true }) ?? '').trim();
			if (!/^[0-9a-zA-Z-]+$/.test(id)) return [];
			const deployment = await apiRequest.call(this, elasticCloudEnterprise, { method: 'GET', path: `/api/v1/deployments/${id}`, about: `deployment ${id}` });
			const resources = ((deployment.resources as IDataObject | undefined)?.elasticsearch as IDataObject[] | undefined) ?? [];
			return resources.map((resource) => ({ name: String(resource.ref_id), value: String(resource.ref_id) }));
		},
	},
};
