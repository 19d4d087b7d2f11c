import {
	itemsNodes,
	secopsType,
	webhookWorkflow,
	type ChainNode,
	type WorkflowJson,
} from '../scripts/n8n/workflow-builder';
import type { SandboxCredential } from '../scripts/n8n/sandbox-credentials';
import { PLATFORMS, type Platform } from '../test/platforms';
import { UTMSTACK } from '../test/simulators/fixtures';
import type { SimulatorVendor } from '../test/simulators';

/** Workflows the benchmark runs, each started by a webhook in a running n8n. */

export type BenchVendor = Exclude<SimulatorVendor, never>;

/** Our node's cheapest call per platform (the registry's probe), once per item. */
export const OUR_CALL: Record<BenchVendor, { node: string; parameters: Record<string, unknown> }> =
	Object.fromEntries(
		PLATFORMS.map((platform) => [
			platform.vendor,
			{ node: platform.node, parameters: platform.probe.parameters },
		]),
	) as Record<BenchVendor, { node: string; parameters: Record<string, unknown> }>;

/** The same call as a user builds it without this package: an HTTP Request node that logs in, one that calls. */
const BY_HAND = Object.fromEntries(
	PLATFORMS.map((platform) => [platform.vendor, platform.byHand]),
) as Record<BenchVendor, Platform['byHand']>;

/** Keeps the webhook's answer small: the first item only. */
const FIRST_ITEM: ChainNode = {
	name: 'First',
	type: 'n8n-nodes-base.limit',
	typeVersion: 1,
	parameters: { maxItems: 1 },
};

function httpRequest(
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<ChainNode> = {},
): ChainNode {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { options: {}, ...parameters },
		...extra,
	};
}

const headers = (entries: Record<string, string>) => ({
	sendHeaders: true,
	headerParameters: {
		parameters: Object.entries(entries).map(([name, value]) => ({ name, value })),
	},
});

/** Results are not stored: the runs measure the nodes, not n8n writing 100,000 items to its database. */
function unsaved(workflow: WorkflowJson): WorkflowJson {
	return {
		...workflow,
		settings: {
			...workflow.settings,
			saveDataSuccessExecution: 'none',
			saveDataErrorExecution: 'all',
			saveManualExecutions: false,
		},
	};
}

export function ourWorkflow(
	path: string,
	vendor: BenchVendor,
	items: number,
	credential: SandboxCredential,
): WorkflowJson {
	const call = OUR_CALL[vendor];
	return unsaved(
		webhookWorkflow(path, `Bench: ${vendor} node over ${items} items`, path, [
			...itemsNodes(items),
			{
				name: 'Call',
				type: secopsType(call.node),
				parameters: call.parameters,
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
			FIRST_ITEM,
		]),
	);
}

export function byHandWorkflow(
	path: string,
	vendor: BenchVendor,
	items: number,
	baseUrl: string,
): WorkflowJson {
	const { login, callPath } = BY_HAND[vendor];
	const loginNode = httpRequest('Login', {
		method: 'POST',
		url: `${baseUrl}${login.path}`,
		...(login.headers ? headers(login.headers) : {}),
		...(login.body
			? { sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify(login.body) }
			: {}),
	});
	const callNode = httpRequest('Call', {
		method: 'GET',
		url: `${baseUrl}${callPath}`,
		...headers({ Authorization: `=Bearer {{ $('Login').first().json.${login.tokenField} }}` }),
	});
	return unsaved(
		webhookWorkflow(path, `Bench: ${vendor} by hand over ${items} items`, path, [
			loginNode,
			...itemsNodes(items),
			callNode,
			FIRST_ITEM,
		]),
	);
}

/** n8n's Summarize node: how many alerts, how many distinct ids. */
const COUNT_NODE: ChainNode = {
	name: 'Count',
	type: 'n8n-nodes-base.summarize',
	typeVersion: 1,
	parameters: {
		fieldsToSummarize: {
			values: [
				{ aggregation: 'count', field: 'id' },
				{ aggregation: 'countUnique', field: 'id' },
			],
		},
		options: {},
	},
};

/** UTMStack Return All through our node (API key, newest first: the node walks @timestamp past the 10,000-hit window). */
export function ourReturnAll(path: string, credential: SandboxCredential): WorkflowJson {
	return unsaved(
		webhookWorkflow(path, 'Bench: UTMStack Return All, our node', path, [
			{
				name: 'Search',
				type: secopsType('utmStack'),
				parameters: {
					resource: 'alert',
					operation: 'search',
					indexPattern: 'alert-*',
					filters: {},
					timeRange: 'none',
					sortField: '@timestamp',
					sortDirection: 'desc',
					returnAll: true,
				},
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
			COUNT_NODE,
		]),
	);
}

/** The pages of the same search through n8n's HTTP Request node and its built-in pagination (page by page: it cannot walk time). */
export function byHandReturnAll(
	path: string,
	baseUrl: string,
	total: number,
	pageSize: number,
): WorkflowJson {
	return unsaved(
		webhookWorkflow(path, 'Bench: UTMStack Return All, HTTP Request pagination', path, [
			httpRequest('Search', {
				method: 'POST',
				url: `${baseUrl}/api/elasticsearch/search`,
				sendQuery: true,
				queryParameters: {
					parameters: [
						{ name: 'indexPattern', value: 'alert-*' },
						{ name: 'top', value: String(total) },
						{ name: 'size', value: String(pageSize) },
						{ name: 'sort', value: '@timestamp,desc' },
					],
				},
				...headers({ 'Utm-Api-Key': UTMSTACK.apiKey }),
				sendBody: true,
				contentType: 'raw',
				rawContentType: 'application/json',
				body: '[]',
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
							},
							paginationCompleteWhen: 'responseIsEmpty',
							requestInterval: 0,
						},
					},
				},
			}),
			COUNT_NODE,
		]),
	);
}
