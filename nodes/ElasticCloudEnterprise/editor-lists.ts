import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../common/request';
import { elasticCloudEnterprise } from './transport';

const matches = (name: string, filter?: string) => name.toLowerCase().includes((filter ?? '').trim().toLowerCase());

/** The ref ids of one kind of resource in the deployment the node's Deployment ID names. */
async function resourcesOf(context: ILoadOptionsFunctions, kind: string): Promise<INodePropertyOptions[]> {
	const id = String(context.getCurrentNodeParameter('deploymentId', { extractValue: true }) ?? '').trim();
	if (!/^[0-9a-zA-Z-]+$/.test(id)) return [];
	const deployment = await apiRequest.call(context, elasticCloudEnterprise, { method: 'GET', path: `/api/v1/deployments/${id}`, about: `deployment ${id}` });
	const resources = ((deployment.resources as IDataObject | undefined)?.[kind] as IDataObject[] | undefined) ?? [];
	return resources.map((resource) => ({ name: String(resource.ref_id), value: String(resource.ref_id) }));
}

/** The editor's lists for Elastic Cloud Enterprise, loaded through the node's own request path (login, renewal, errors). */
export const eceLists = {
	listSearch: {
		async searchDeployments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
			const answer = await apiRequest.call(this, elasticCloudEnterprise, { method: 'GET', path: '/api/v1/deployments' });
			const results = ((answer.deployments as IDataObject[] | undefined) ?? [])
				.filter((deployment) => matches(`${String(deployment.name ?? '')} ${String(deployment.id)}`, filter))
				.map((deployment) => ({ name: `${String(deployment.name ?? deployment.id)} (${deployment.healthy === false ? 'unhealthy' : 'healthy'})`, value: String(deployment.id) }))
				.sort((a, b) => a.name.localeCompare(b.name));
			return { results };
		},
		async searchAllocators(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
			const answer = await apiRequest.call(this, elasticCloudEnterprise, { method: 'GET', path: '/api/v1/platform/infrastructure/allocators' });
			const zones = (answer.zones as Array<{ zone_id?: string; allocators?: IDataObject[] }> | undefined) ?? [];
			return {
				results: zones
					.flatMap((zone) => (zone.allocators ?? []).map((allocator) => ({ allocator, zone: String(allocator.zone_id ?? zone.zone_id ?? '') })))
					.map(({ allocator, zone }) => ({
						name: `${String(allocator.allocator_id)} (${String(allocator.public_hostname ?? zone)}${allocator.maintenance_mode === true ? ', in maintenance' : ''})`,
						value: String(allocator.allocator_id),
					}))
					.filter((result) => matches(result.name, filter)),
			};
		},
		async searchApiKeys(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
			const answer = await apiRequest.call(this, elasticCloudEnterprise, { method: 'GET', path: '/api/v1/users/auth/keys' });
			return {
				results: ((answer.keys as IDataObject[] | undefined) ?? [])
					.map((key) => ({ name: `${String(key.description ?? key.id)} (${String(key.id)})`, value: String(key.id) }))
					.filter((result) => matches(result.name, filter)),
			};
		},
	},
	loadOptions: {
		/** The Elasticsearch resources (ref ids) of the deployment chosen above. */
		async getElasticsearchResources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			return await resourcesOf(this, 'elasticsearch');
		},
		/** The resources of the kind chosen above (Resource Kind) in the deployment chosen above. */
		async getDeploymentResources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			return await resourcesOf(this, String(this.getCurrentNodeParameter('resourceKind') ?? 'elasticsearch'));
		},
	},
};
