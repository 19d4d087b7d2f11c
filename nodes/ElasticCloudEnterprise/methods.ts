import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { listAt, optionalListAt, textAt } from '../common/answer-parts';
import { apiList, apiRequest, readAnswer } from '../common/request';
import { ALL_ALLOCATORS, ALLOCATORS_PATH, allocatorsOf, deploymentSearch } from './listings';
import { cursorPages } from '../common/page-strategies';
import { collectPages } from '../common/paginate';
import { RULESETS_PATH } from './actions/trafficFilter/ruleset';
import { elasticCloudEnterprise } from './transport';

/** The most deployments the picker lists (ten search pages); a larger platform is searched by name with the filter. */
const PICKER_MOST = 1_000;

const matches = (name: string, filter?: string) =>
	name.toLowerCase().includes((filter ?? '').trim().toLowerCase());

/** The ref ids of one kind of resource in the deployment the node's Deployment ID names. */
async function resourcesOf(
	context: ILoadOptionsFunctions,
	kind: string,
): Promise<INodePropertyOptions[]> {
	const id = String(
		context.getCurrentNodeParameter('deploymentId', { extractValue: true }) ?? '',
	).trim();
	if (!/^[0-9a-zA-Z-]+$/.test(id)) return [];
	const deployment = await apiRequest.call(context, elasticCloudEnterprise, {
		method: 'GET',
		path: `/api/v1/deployments/${id}`,
		about: `deployment ${id}`,
	});
	const resources = readAnswer(
		context.getNode(),
		elasticCloudEnterprise,
		{ method: 'GET', path: `/api/v1/deployments/${id}` },
		deployment,
		(body) => optionalListAt(body, ['resources', kind]),
		0,
	);
	return resources.map((resource) => ({
		name: String(resource.ref_id),
		value: String(resource.ref_id),
	}));
}

/** The editor's lists for Elastic Cloud Enterprise, loaded through the node's own request path (login, renewal, errors). */
export const eceMethods = {
	listSearch: {
		async searchDeployments(
			this: ILoadOptionsFunctions,
			filter?: string,
		): Promise<INodeListSearchResult> {
			// POST /deployments/_search carries each deployment's healthy flag (GET /deployments does not): a person
			// picking a deployment to restart or change sees which one is unhealthy. Every page, up to PICKER_MOST.
			const deployments = await collectPages.call(
				this,
				elasticCloudEnterprise,
				cursorPages(deploymentSearch({ match_all: {} })),
				PICKER_MOST,
			);
			const results = deployments
				.filter((deployment) =>
					matches(`${String(deployment.name ?? '')} ${String(deployment.id)}`, filter),
				)
				.map((deployment) => {
					const health =
						deployment.healthy === true
							? 'healthy'
							: deployment.healthy === false
								? 'unhealthy'
								: 'health unknown';
					return {
						name: `${String(deployment.name ?? deployment.id)} (${String(deployment.id).slice(0, 6)}, ${health})`,
						value: String(deployment.id),
					};
				})
				.sort((a, b) => a.name.localeCompare(b.name));
			return { results };
		},
		async searchAllocators(
			this: ILoadOptionsFunctions,
			filter?: string,
		): Promise<INodeListSearchResult> {
			const request = {
				method: 'GET' as const,
				path: ALLOCATORS_PATH,
				qs: { size: ALL_ALLOCATORS },
			};
			const allocators = await apiList.call(this, elasticCloudEnterprise, request, allocatorsOf);
			return {
				results: allocators
					.map((allocator) => ({
						// maintenance_mode sits under status (AllocatorHealthStatus)
						name: `${String(allocator.allocator_id)} (${String(allocator.public_hostname ?? allocator.zone_id ?? '')}${(allocator.status as IDataObject | undefined)?.maintenance_mode === true ? ', in maintenance' : ''})`,
						value: String(allocator.allocator_id),
					}))
					.filter((result) => matches(result.name, filter)),
			};
		},
		async searchApiKeys(
			this: ILoadOptionsFunctions,
			filter?: string,
		): Promise<INodeListSearchResult> {
			const keys = await apiList.call(
				this,
				elasticCloudEnterprise,
				{ method: 'GET', path: '/api/v1/users/auth/keys' },
				['keys'],
			);
			return {
				results: keys
					.map((key) => ({
						name: `${String(key.description ?? key.id)} (${String(key.id)})`,
						value: String(key.id),
					}))
					.filter((result) => matches(result.name, filter)),
			};
		},
		async searchTrafficFilters(
			this: ILoadOptionsFunctions,
			filter?: string,
		): Promise<INodeListSearchResult> {
			// TrafficFilterRulesets: every ruleset in one answer (no paging parameters); id and name are required
			const rulesets = await apiList.call(
				this,
				elasticCloudEnterprise,
				{ method: 'GET', path: RULESETS_PATH, qs: { include_associations: false } },
				(body) =>
					listAt(body, ['rulesets']).map((ruleset) => ({
						id: textAt(ruleset, ['id']),
						name: textAt(ruleset, ['name']),
					})),
			);
			return {
				results: rulesets
					.map((ruleset) => ({
						name: `${String(ruleset.name)} (${String(ruleset.id)})`,
						value: String(ruleset.id),
					}))
					.filter((result) => matches(result.name, filter))
					.sort((a, b) => a.name.localeCompare(b.name)),
			};
		},
	},
	loadOptions: {
		/** The Elasticsearch resources (ref ids) of the deployment chosen above. */
		/**
		 * The Elasticsearch resources of the deployment chosen above. The empty value (what the field starts with)
		 * is listed too, named for what it does: before a deployment is chosen it says to pick one, and with a
		 * deployment of one resource it stands for that one (Restart Elasticsearch restarts the only one).
		 */
		async getElasticsearchResources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const id = String(
				this.getCurrentNodeParameter('deploymentId', { extractValue: true }) ?? '',
			).trim();
			if (id === '') return [{ name: 'Pick a Deployment First', value: '' }];
			const resources = await resourcesOf(this, 'elasticsearch');
			return resources.length === 1
				? [{ name: `Its Only One (${String(resources[0].value)})`, value: '' }, ...resources]
				: resources;
		},
		/** The resources of the kind chosen above (Resource Kind) in the deployment chosen above. */
		async getDeploymentResources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			return await resourcesOf(
				this,
				String(this.getCurrentNodeParameter('resourceKind') ?? 'elasticsearch'),
			);
		},
	},
};
