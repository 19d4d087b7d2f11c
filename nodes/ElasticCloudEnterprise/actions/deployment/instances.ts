import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { deploymentIdFields, pathId } from '../ids';
import { INSTANCE_KINDS, resourceFields } from './resource-kinds';

/** Stop or start every instance of one resource (POST .../instances/_stop|_start); the deployment and its data stay. */
function instancesCommand(command: 'stop' | 'start'): Operation {
	const verb = command === 'stop' ? 'Stop' : 'Start';
	return {
		option: {
			name: `${verb} Resource`,
			value: `${command}Resource`,
			action: `${verb} the instances of a resource`,
			description: `${verb} every instance of an Elasticsearch, Kibana, APM or Integrations Server resource`,
		},
		toolDescription: `${verb} every instance of one resource of an Elastic Cloud Enterprise deployment, given the deployment ID, the kind (elasticsearch, kibana, apm, integrations_server) and the ref ID. Returns accepted. Changes the platform.`,
		fields: [...deploymentIdFields, ...resourceFields(INSTANCE_KINDS, 'elasticsearch')],
		async execute(itemIndex) {
			const id = pathId(this, itemIndex, 'deploymentId', 'Deployment ID');
			const kind = pathId(this, itemIndex, 'resourceKind', 'Resource Kind');
			const refId = pathId(this, itemIndex, 'refId', 'Resource');
			const answer = await apiRequest.call(
				this,
				elasticCloudEnterprise,
				{ method: 'POST', path: `/api/v1/deployments/${id}/${kind}/${refId}/instances/_${command}`, about: `${decodeURIComponent(kind)} resource ${decodeURIComponent(refId)} of deployment ${decodeURIComponent(id)}` },
				itemIndex,
			);
			return { accepted: true, deploymentId: decodeURIComponent(id), resourceKind: decodeURIComponent(kind), refId: decodeURIComponent(refId), ...answer };
		},
	};
}

export const stopResource = instancesCommand('stop');
export const startResource = instancesCommand('start');
