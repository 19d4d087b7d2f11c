import type {
	INode,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { reportExpiringKey } from './key-expiry';

/** One operation of a node: its own fields and what it does for one input item. */
export interface Operation {
	/** The option shown in the Operation list; `action` is what an AI agent and a person read. */
	option: INodePropertyOptions & { action: string };
	/**
	 * What an AI agent reads when the node is one of its tools: what the operation returns, what it needs and
	 * when to use it. The default of the tool's Description, which the user can still edit.
	 */
	toolDescription: string;
	/** The operation's fields, without displayOptions: the node description adds them. */
	fields: INodeProperties[];
	/** One item in, zero or more records out. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export interface Resource {
	option: INodePropertyOptions;
	operations: Record<string, Operation>;
	defaultOperation: string;
}

export type Resources = Record<string, Resource>;

/** The Resource and Operation selectors and every operation's fields, shown for their operation only. */
export function describeResources(
	resources: Resources,
	defaultResource: string,
): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: Object.values(resources).map((resource) => resource.option),
			default: defaultResource,
		},
	];
	// n8n's scanner lints without inline eslint comments and reads a `default` it can resolve only as a
	// literal or a plain identifier: hence the destructured defaultOperation.
	for (const [resourceName, { operations, defaultOperation }] of Object.entries(resources)) {
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resourceName] } },
			options: Object.values(operations).map((operation) => operation.option),
			default: defaultOperation,
		});
	}
	for (const [resourceName, resource] of Object.entries(resources)) {
		for (const [operationName, operation] of Object.entries(resource.operations)) {
			properties.push(
				toolDescriptionProperty(resourceName, operationName, operation.toolDescription),
			);
			for (const field of operation.fields) {
				const show = {
					...(field.displayOptions?.show ?? {}),
					resource: [resourceName],
					operation: [operationName],
				};
				properties.push({ ...field, displayOptions: { ...field.displayOptions, show } });
			}
		}
	}
	return properties;
}

/**
 * The Description of the node used as a tool ('@tool': n8n's Tool variant only), one per operation. Being a
 * property of the node, it replaces the generic "<action> in <node>" text n8n would otherwise write.
 */
function toolDescriptionProperty(
	resource: string,
	operation: string,
	text: string,
): INodeProperties {
	return {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: text,
		required: true,
		typeOptions: { rows: 3 },
		description: 'What the AI agent reads about this tool: what it returns and when to use it',
		displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
	};
}

/** Errors from the request function and parameter checks are already n8n errors; anything else is wrapped. */
function asNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * The execute() of every node: items in order (so a run logs in at most once per credential), one
 * output item per record with pairedItem, and Continue On Fail returning the error on its item.
 */
export async function executeOperations(
	this: IExecuteFunctions,
	resources: Resources,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resourceName = this.getNodeParameter('resource', itemIndex) as string;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = resources[resourceName]?.operations[operationName];
			if (!operation) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operationName}" of "${resourceName}" is not supported`,
					{ itemIndex },
				);
			}
			const result = await operation.execute.call(this, itemIndex);
			const records = Array.isArray(result) ? result : [result];
			for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output.push({
				json: {
					error: error.message,
					...(error.description ? { description: error.description } : {}),
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	reportExpiringKey(this, output);
	return [output];
}
