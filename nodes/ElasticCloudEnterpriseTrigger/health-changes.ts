import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { cursorPages } from '../common/page-strategies';
import { collectPages } from '../common/paginate';
import { elasticCloudEnterprise } from '../ElasticCloudEnterprise/transport';
import { deploymentSearch } from '../ElasticCloudEnterprise/listings';
import { optionalListAt, recordAt } from '../common/answer-parts';

/** What the trigger compares between polls: the deployment's healthy flag and each Elasticsearch resource's state. */
export interface DeploymentHealth extends IDataObject {
	healthy: boolean;
	elasticsearch: Array<{ refId: string; status: string; healthy: boolean }>;
}

const SCOPE = 'deploymentHealthChanged';

export function healthOf(deployment: IDataObject): DeploymentHealth {
	const resources = optionalListAt(deployment, ['resources', 'elasticsearch']);
	return {
		healthy: deployment.healthy === true,
		elasticsearch: resources
			.map((resource) => {
				const info = recordAt(resource, ['info']);
				return {
					refId: String(resource.ref_id ?? ''),
					status: String(info.status ?? 'unknown'),
					healthy: info.healthy === true,
				};
			})
			.sort((a, b) => a.refId.localeCompare(b.refId)),
	};
}

const sameHealth = (a: DeploymentHealth, b: DeploymentHealth) =>
	JSON.stringify(a) === JSON.stringify(b);

function healthEvent(
	deployment: IDataObject,
	before: DeploymentHealth | null,
	after: DeploymentHealth,
): IDataObject {
	return { id: deployment.id, name: deployment.name, before, after, deployment };
}

/**
 * One poll: every deployment's health, compared with the last poll's (kept in the workflow static data,
 * one small entry per deployment). The first poll after activation records it and emits nothing; a manual
 * run shows one deployment, an unhealthy one if there is any. New and deleted deployments are recorded,
 * not emitted. A failed poll throws before the state is touched.
 */
export async function pollHealthChanges(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const deployments = await collectPages.call(
		this,
		elasticCloudEnterprise,
		cursorPages(deploymentSearch({ match_all: {} })),
		undefined,
	);
	const current = new Map(
		deployments.map((deployment) => [String(deployment.id), healthOf(deployment)]),
	);

	if (this.getMode() === 'manual') {
		const shown =
			deployments.find((deployment) => !current.get(String(deployment.id))?.healthy) ??
			deployments[0];
		return shown
			? [
					this.helpers.returnJsonArray([
						healthEvent(shown, null, current.get(String(shown.id)) as DeploymentHealth),
					]),
				]
			: null;
	}

	const state = this.getWorkflowStaticData('node');
	const previous =
		state.scope === SCOPE && typeof state.health === 'object' && state.health !== null
			? (state.health as Record<string, DeploymentHealth>)
			: undefined;
	const events = previous
		? deployments.flatMap((deployment) => {
				const id = String(deployment.id);
				const before = previous[id];
				const after = current.get(id) as DeploymentHealth;
				return before && !sameHealth(before, after) ? [healthEvent(deployment, before, after)] : [];
			})
		: [];
	Object.assign(state, { scope: SCOPE, health: Object.fromEntries(current) });
	return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
}
