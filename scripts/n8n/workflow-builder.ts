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

type Connection = { node: string; type: string; index: number };

export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: object[];
	/** Per source node and connection type (main, ai_tool), the targets of each output. */
	connections: Record<string, Record<string, Connection[][]>>;
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
	return linkedWorkflow(id, name, [
		{ name: MANUAL_TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		...nodes,
	]);
}

/**
 * Webhook (POST /webhook/<path>, answering with every item of the last node) -> nodes[0] -> ...: a
 * workflow the running n8n executes in its own process. Activate it before starting n8n.
 */
export function webhookWorkflow(
	id: string,
	name: string,
	path: string,
	nodes: ChainNode[],
): WorkflowJson {
	const webhook: ChainNode = {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `${id}-hook`,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
	return linkedWorkflow(id, name, [webhook, ...nodes]);
}

/**
 * n8n's MCP Server Trigger (its streamable HTTP version, at /mcp/<path>) with `tools` connected to it as an
 * AI agent's tools: the Tool variants of nodes (type <node>Tool). Activate it before starting n8n.
 */
export function mcpServerWorkflow(
	id: string,
	name: string,
	path: string,
	tools: ChainNode[],
): WorkflowJson {
	const trigger: ChainNode = {
		name: 'MCP Server Trigger',
		type: '@n8n/n8n-nodes-langchain.mcpTrigger',
		typeVersion: 2,
		webhookId: `${id}-mcp`,
		parameters: { path, authentication: 'none' },
	};
	const workflow = linkedWorkflow(id, name, [trigger]);
	workflow.nodes.push(
		...tools.map((tool, index) => ({
			id: `${id}-tool-${index}`,
			typeVersion: 1,
			...tool,
			position: [index * 200, 520],
		})),
	);
	for (const tool of tools)
		workflow.connections[tool.name] = {
			ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]],
		};
	return workflow;
}

/** A trigger node (ours, polling) -> nodes[0] -> ...; activate it to have n8n poll. */
export function triggerWorkflow(
	id: string,
	name: string,
	trigger: ChainNode,
	nodes: ChainNode[],
): WorkflowJson {
	return linkedWorkflow(id, name, [trigger, ...nodes]);
}

/**
 * Poll Times for a trigger polling every `everySeconds` (a divisor of 60): one custom cron entry per
 * second value, because n8n refuses a seconds field that is not a plain number (sub-minute polling).
 */
export function pollEvery(everySeconds: number): {
	item: Array<{ mode: 'custom'; cronExpression: string }>;
} {
	const seconds = Array.from(
		{ length: Math.floor(60 / everySeconds) },
		(_, index) => index * everySeconds,
	);
	return {
		item: seconds.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })),
	};
}

function linkedWorkflow(id: string, name: string, all: ChainNode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = {
			main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]],
		};
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
