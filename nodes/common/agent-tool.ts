import type { IExecuteFunctions, INode } from 'n8n-workflow';
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
