import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { deploymentIdFields, pathId } from '../ids';
import { STATELESS_KINDS, resourceFields } from './resource-kinds';

export const restartResource: Operation = {
	option: { name: 'Restart Resource', value: 'restartResource', action: 'Restart a resource of a deployment', description: 'Restart Kibana, APM, Integrations Server or Enterprise Search' },
	toolDescription:
		'Restart a stateless resource (kibana, apm, integrations_server, enterprise_search, appsearch) of one Elastic Cloud Enterprise deployment, given the deployment ID, the kind and the ref ID (for example main-kibana). Returns accepted; the restart runs in the background. Changes the platform.',
	fields: [...deploymentIdFields, ...resourceFields(STATELESS_KINDS, 'kibana')],
	async execute(itemIndex) {
		const id = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
		const kind = pathId(this, itemIndex, 'resourceKind', 'Resource Kind');
		const refId = pathId(this, itemIndex, 'refId', 'Resource');
		const answer = await apiRequest.call(
			this,
			elasticCloudEnterprise,
			{ method: 'POST', path: `/api/v1/deployments/${id}/${kind}/${refId}/_restart`, about: `${decodeURIComponent(kind)} resource ${decodeURIComponent(refId)} of deployment ${decodeURIComponent(id)}` },
			itemIndex,
		);
		return { accepted: true, deploymentId: decodeURIComponent(id), resourceKind: decodeURIComponent(kind), refId: decodeURIComponent(refId), ...answer };
	},
};
