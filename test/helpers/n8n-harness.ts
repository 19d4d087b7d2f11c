import { ExecuteContext, LoadOptionsContext, PollContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ICredentialType,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeParameters,
	NodeExecutionHint,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';

export interface ActiveTrigger {
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>;
	/** A copy of the node's workflow static data (the trigger's cursor). */
	staticData(): IDataObject;
}

/**
 * Runs nodes and credential tests with n8n's real execution context, request helpers and routing node
 * (n8n-core), over an in-memory credentials store that follows n8n's preAuthentication rules.
 */
export class N8nHarness {
	readonly credentials: TestCredentialsHelper;

	private readonly additionalData: IWorkflowExecuteAdditionalData;

	constructor(credentialTypes: ICredentialType[]) {
		this.credentials = new TestCredentialsHelper(
			Object.fromEntries(credentialTypes.map((type) => [type.name, type])),
		);
		this.additionalData = {
			credentialsHelper: this.credentials,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formBaseUrl: '',
			formWaitingBaseUrl: '',
			formTestBaseUrl: '',
			webhookBaseUrl: '',
			webhookWaitingBaseUrl: '',
			webhookTestBaseUrl: '',
			mcpBaseUrl: '',
			mcpTestBaseUrl: '',
			variables: {},
			userId: 'test-user',
			executeWorkflow: async () => {
				throw new Error('not used');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			logAiEvent: () => {},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** The hints the last node run left for the editor's output pane. */
	lastHints: NodeExecutionHint[] = [];

	/** Stores a credential as n8n would after the user saved it; returns its id. */
	addCredential(id: string, type: string, data: ICredentialDataDecryptedObject): string {
		this.credentials.add({ id, name: `${type} ${id}`, type, data });
		return id;
	}

	stored(id: string): ICredentialDataDecryptedObject {
		return this.credentials.stored(id);
	}

	private workflowFor(node: INode, nodeType: INodeType, staticData?: IDataObject): Workflow {
		const nodeTypes: INodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
			getKnownTypes: () => ({}),
		};
		return new Workflow({
			id: 'test-workflow',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes,
			staticData,
		});
	}

	private context(workflow: Workflow, node: INode, items: INodeExecutionData[]): ExecuteContext {
		const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
		const inputData = { main: [items] };
		return new ExecuteContext(
			workflow,
			node,
			this.additionalData,
			'manual',
			runExecutionData,
			0,
			items,
			inputData,
			{ node, data: inputData, source: null },
			[],
		);
	}

	private nodeFor(
		nodeType: INodeType,
		parameters: INodeParameters,
		credentials: Record<string, string>,
	): INode {
		return {
			id: 'node-under-test',
			name: nodeType.description.displayName,
			type: nodeType.description.name,
			typeVersion: Array.isArray(nodeType.description.version)
				? nodeType.description.version.slice(-1)[0]
				: nodeType.description.version,
			position: [0, 0],
			parameters,
			credentials: Object.fromEntries(
				Object.entries(credentials).map(([type, id]) => [type, { id, name: `${type} ${id}` }]),
			),
		};
	}

	/** Runs one programmatic node over the items, as n8n's engine calls execute(). */
	async runNode(
		nodeType: INodeType,
		parameters: INodeParameters,
		items: INodeExecutionData[],
		credentials: Record<string, string>,
		options: { continueOnFail?: boolean; typeVersion?: number; asTool?: boolean } = {},
	): Promise<INodeExecutionData[][]> {
		// n8n's Tool variant of a node (an AI agent's or MCP Server Trigger's tool) is the same node type named
		// <node>Tool, which is also what shows its '@tool' fields
		if (options.asTool)
			nodeType = Object.assign(Object.create(nodeType) as INodeType, {
				description: { ...nodeType.description, name: `${nodeType.description.name}Tool` },
			});
		const node = {
			...this.nodeFor(nodeType, parameters, credentials),
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
		};
		const workflow = this.workflowFor(node, nodeType);
		if (!nodeType.execute) throw new Error('not a programmatic node');
		const context = this.context(workflow, node, items);
		this.lastHints = (context as unknown as { hints: NodeExecutionHint[] }).hints;
		const result = await nodeType.execute.call(context);
		return result as INodeExecutionData[][];
	}

	/**
	 * What the editor loads for a field, as n8n's dynamic-node-parameters service calls it: a "From List"
	 * page (listSearch) or a dropdown (loadOptions), with the node's current parameters.
	 */
	async loadList(
		nodeType: INodeType,
		kind: 'listSearch' | 'loadOptions',
		method: string,
		parameters: INodeParameters,
		credentials: Record<string, string>,
		search: { filter?: string; paginationToken?: string } = {},
	): Promise<unknown> {
		const node = this.nodeFor(nodeType, parameters, credentials);
		const workflow = this.workflowFor(node, nodeType);
		const context = new LoadOptionsContext(
			workflow,
			node,
			{
				...this.additionalData,
				currentNodeParameters: parameters,
			} as IWorkflowExecuteAdditionalData,
			`parameters.${method}`,
		);
		const found = (
			nodeType.methods?.[kind] as
				| Record<string, (...args: unknown[]) => Promise<unknown>>
				| undefined
		)?.[method];
		if (!found) throw new Error(`no ${kind} method ${method}`);
		return kind === 'listSearch'
			? await found.call(context, search.filter, search.paginationToken)
			: await found.call(context);
	}

	/**
	 * A polling trigger as n8n runs it once activated: one Workflow whose static data lives on between
	 * polls. `poll('manual')` is the editor's test run.
	 */
	activateTrigger(
		nodeType: INodeType,
		parameters: INodeParameters,
		credentials: Record<string, string>,
	): ActiveTrigger {
		const node = this.nodeFor(nodeType, parameters, credentials);
		const workflow = this.workflowFor(node, nodeType, {});
		return {
			poll: async (mode = 'trigger') => {
				if (!nodeType.poll) throw new Error('not a polling trigger');
				const context = new PollContext(
					workflow,
					node,
					this.additionalData,
					mode,
					mode === 'manual' ? 'manual' : 'activate',
				);
				return await nodeType.poll.call(context);
			},
			staticData: () =>
				JSON.parse(JSON.stringify(workflow.getStaticData('node', node))) as IDataObject,
		};
	}

	/** The credential test exactly as n8n's CredentialsTester runs a `test` request on a credential class. */
	async testCredential(type: ICredentialType, id: string): Promise<INodeCredentialTestResult> {
		if (!type.test) throw new Error(`${type.name} has no test`);
		const data = this.credentials.withDefaults(type.name, this.stored(id));
		const node: INode = {
			id: 'temp',
			parameters: {},
			name: 'Temp-Node',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [0, 0],
			credentials: { [type.name]: { id, name: `${type.name} ${id}` } },
		};
		const nodeType: INodeType = {
			description: {
				displayName: 'No Operation, do nothing',
				name: 'n8n-nodes-base.noOp',
				group: ['organization'],
				version: 1,
				description: '',
				defaults: {},
				inputs: ['main'],
				outputs: ['main'],
				credentials: [{ name: type.name, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						routing: { request: type.test.request },
						default: '',
					},
				],
			},
		};
		const workflow = this.workflowFor(node, nodeType);
		const context = this.context(workflow, node, [{ json: {} }]);
		const routingNode = new RoutingNode(context, nodeType, {
			id,
			name: node.name,
			type: type.name,
			data,
		});
		try {
			await routingNode.runNode();
		} catch (error) {
			const cause = error.cause;
			if (cause?.response) {
				const statusCode = cause.response.status;
				for (const rule of type.test.rules ?? []) {
					if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
				if (statusCode < 199 || statusCode > 299) {
					return {
						status: 'Error',
						message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
					};
				}
			} else if (cause?.code) {
				return { status: 'Error', message: cause.code };
			}
			return { status: 'Error', message: String(error.message) };
		}
		return { status: 'OK', message: 'Connection successful!' };
	}
}
