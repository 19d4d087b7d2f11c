import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The most records one call returns to an AI agent: a model reads every one of them. */
export const AGENT_MAX_RECORDS = 100;

/** Whether the node runs as n8n's Tool variant of itself (AI Agent, MCP Server Trigger), named <node>Tool. */
export function isAgentTool(node: INode): boolean {
	return node.type.endsWith('Tool');
}

/** An operation an agent may not run, refused before any request; `why` is said to the model. */
export function refuseForAgents(context: IExecuteFunctions, itemIndex: number, why: string): void {
	if (isAgentTool(context.getNode()))
		throw new NodeOperationError(context.getNode(), why, { itemIndex });
}

/**
 * The switch of a containment operation (it changes who or what may reach the platform): off, an AI agent
 * that has the node as a tool is refused; the workflow's author turns it on per node (shown in the Tool variant only).
 */
export const allowAgentsField: INodeProperties = {
	displayName: 'Allow AI Agents to Run This',
	name: 'allowAgents',
	type: 'boolean',
	default: false,
	displayOptions: { show: { '@tool': [true] } },
	description:
		'Whether an AI agent that has this node as a tool may run it. Off, the agent is refused before any request: the operation changes access on the platform, so a person decides.',
};

/** Refuses a containment operation to an AI agent unless the node's Allow AI Agents to Run This is on. */
export function refuseUnlessAgentsAllowed(
	context: IExecuteFunctions,
	itemIndex: number,
	what: string,
): void {
	if (!isAgentTool(context.getNode())) return;
	if (context.getNodeParameter('allowAgents', itemIndex, false) === true) return;
	throw new NodeOperationError(
		context.getNode(),
		`${what} is not available to AI agents on this node: it changes access on the platform. The workflow's author can turn on "Allow AI Agents to Run This" in the node.`,
		{ itemIndex },
	);
}

/** The sentence a containment operation's tool description ends with. */
export const CONTAINMENT_TOOL_NOTE =
	"Changes access on the platform: refused to AI agents unless the workflow's author turned on Allow AI Agents to Run This in this node.";
