import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { apiRequest } from '../../nodes/common/request';
import type { VendorApi } from '../../nodes/common/vendor-api';
import { PLATFORMS } from '../platforms';

export const VENDOR_APIS: Record<string, VendorApi> = Object.fromEntries(
	PLATFORMS.map((platform) => [platform.api.credentialType, platform.api]),
);

async function legacyRequest(
	context: IExecuteFunctions,
	api: VendorApi,
	path: string,
	url: string,
) {
	const credentials = await context.getCredentials(api.credentialType);
	// A URL of its own, as the HTTP Request node takes one beside a credential: any host.
	const uri = url !== '' ? url : String(credentials.baseUrl).replace(/\/+$/, '') + path;
	return await context.helpers.requestWithAuthentication.call(context, api.credentialType, {
		method: 'GET',
		uri,
		json: true,
	});
}

/**
 * A minimal programmatic node for the foundation tests: one GET per input item through the shared
 * request function, the way every operation of the real nodes sends its requests.
 */
export class ProbeNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Calls one endpoint per item',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: Object.keys(VENDOR_APIS).map((name) => ({ name, required: false })),
		properties: [
			{ displayName: 'Credential Type', name: 'credentialType', type: 'string', default: '' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			// 'legacy' sends through requestWithAuthentication, as n8n's HTTP Request node still does.
			{ displayName: 'Helper', name: 'helper', type: 'string', default: 'current' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const api = VENDOR_APIS[this.getNodeParameter('credentialType', i) as string];
			try {
				const path = this.getNodeParameter('path', i) as string;
				const body =
					this.getNodeParameter('helper', i) === 'legacy'
						? await legacyRequest(this, api, path, this.getNodeParameter('url', i) as string)
						: await apiRequest.call(this, api, { method: 'GET', path }, i);
				output.push({ json: { body } as never, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				output.push({
					json: { error: error.message, description: error.description },
					pairedItem: { item: i },
				});
			}
		}
		return [output];
	}
}
