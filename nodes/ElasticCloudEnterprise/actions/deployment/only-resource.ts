import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionalListAt, textAt } from '../../../common/answer-parts';
import { apiRead } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';

/**
 * The ref_id of a deployment's only Elasticsearch resource (GET /deployments/{id}: resources.elasticsearch[].ref_id),
 * for a restart whose resource was left empty; none or several is an error that names them.
 */
export async function onlyElasticsearch(
	context: IExecuteFunctions,
	itemIndex: number,
	deploymentId: string,
): Promise<string> {
	const path = `/api/v1/deployments/${deploymentId}`;
	const { refIds } = await apiRead.call(
		context,
		elasticCloudEnterprise,
		{ method: 'GET', path, about: `deployment ${decodeURIComponent(deploymentId)}` },
		(body) => ({
			refIds: optionalListAt(body, ['resources', 'elasticsearch']).map((resource) =>
				textAt(resource, ['ref_id']),
			),
		}),
		itemIndex,
	);
	const found = refIds as string[];
	if (found.length === 1) return found[0];
	throw new NodeOperationError(
		context.getNode(),
		found.length === 0
			? `Deployment ${decodeURIComponent(deploymentId)} has no Elasticsearch resource to restart`
			: `Deployment ${decodeURIComponent(deploymentId)} has ${found.length} Elasticsearch resources (${found.join(', ')}): pick one in "Elasticsearch Resource"`,
		{ itemIndex },
	);
}
