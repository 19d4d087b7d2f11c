import {
	chainWorkflow,
	itemsNodes,
	secopsType,
	type ChainNode,
	type WorkflowJson,
} from '../../../scripts/n8n/workflow-builder';
import type { SandboxCredential } from '../../../scripts/n8n/sandbox-credentials';
import { platformByCredentialType } from '../../platforms';

export const PROBE_NODE_NAME = 'Secops Probe';

export function probeNode(credential: Pick<SandboxCredential, 'id' | 'name' | 'type'>): ChainNode {
	// The cheapest authenticated read of each node, the same endpoint the credential test calls.
	const platform = platformByCredentialType(credential.type);
	return {
		name: PROBE_NODE_NAME,
		type: secopsType(platform.node),
		parameters: platform.probe.parameters,
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

/** Manual Trigger -> (count items) -> the credential's probe, once per item. */
export function probeWorkflow(
	id: string,
	credential: Pick<SandboxCredential, 'id' | 'name' | 'type'>,
	count = 1,
): WorkflowJson {
	return chainWorkflow(id, `Probe ${credential.name} x${count}`, [
		...(count > 1 ? itemsNodes(count) : []),
		probeNode(credential),
	]);
}
