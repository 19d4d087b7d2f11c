/**
 * Small builders for n8n workflow JSON as `n8n import:workflow` takes it: a Manual Trigger (or one of our
 * triggers) followed by a chain of nodes. Node types of this package carry its npm name, as for users who install it.
 */
export const PACKAGE_PREFIX = 'n8n-nodes-secops';

export interface ChainNode {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: 'continueRegularOutput' | 'stopWorkflow';
	executeOnce?: boolean;
	/** Webhook nodes: the id n8n registers the production URL under. */
	webhookId?: string;
}

export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: object[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
	pinData: Record<string, unknown>;
	tags?: object[];
}

export const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';

export function secopsType(node: string): string {
	return `${PACKAGE_PREFIX}.${node}`;
}

/** Manual Trigger -> nodes[0] -> nodes[1] ... */
export function chainWorkflow(id: string, name: string, nodes: ChainNode[]): WorkflowJson {
	return linkedWorkflow(id, name, [{ name: MANUAL_TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }, ...nodes]);
}

/**
 * Webhook (POST /webhook/<path>, answering with every item of the last node) -> nodes[0] -> ...: a
 * workflow the running n8n executes in its own process. Activate it before starting n8n.
 */
export function webhookWorkflow(id: string, name: string, path: string, nodes: ChainNode[]): WorkflowJson {
	const webhook: ChainNode = {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `${id}-hook`,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
	return linkedWorkflow(id, name, [webhook, ...nodes]);
}

/** A trigger node (ours, polling) -> nodes[0] -> ...; activate it to have n8n poll. */
export function triggerWorkflow(id: string, name: string, trigger: ChainNode, nodes: ChainNode[]): WorkflowJson {
	return linkedWorkflow(id, name, [trigger, ...nodes]);
}

/**
 * Poll Times for a trigger polling every `everySeconds` (a divisor of 60): one custom cron entry per
 * second value, because n8n refuses a seconds field that is not a plain number (sub-minute polling).
 */
export function pollEvery(everySeconds: number): { item: Array<{ mode: 'custom'; cronExpression: string }> } {
	const seconds = Array.from({ length: Math.floor(60 / everySeconds) }, (_, index) => index * everySeconds);
	return { item: seconds.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };
}

function linkedWorkflow(id: string, name: string, all: ChainNode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		active: false,
		nodes: all.map((node, index) => ({
			id: `${id}-node-${index}`,
			typeVersion: 1,
			...node,
			position: [index * 240, 300],
		})),
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** n8n's own nodes that turn one item into `count` items, without a Code node. */
export function itemsNodes(count: number): ChainNode[] {
	return [
		{
			name: 'Make List',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				mode: 'raw',
				jsonOutput: `={{ JSON.stringify({ numbers: Array.from({ length: ${count} }, (_, index) => index) }) }}`,
				options: {},
			},
		},
		{
			name: 'One Item Each',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'numbers', options: {} },
		},
	];
}
