import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiList } from '../../common/request';
import { utmStack } from '../transport';

/** The node's own error again (its message and description), as n8n's rules want a node error thrown. */
function asNodeError(context: ILoadOptionsFunctions, error: unknown): NodeOperationError {
	const { message, description } = error as { message?: unknown; description?: unknown };
	return new NodeOperationError(context.getNode(), String(message ?? 'UTMStack failed'), {
		description: typeof description === 'string' ? description : undefined,
	});
}

/** n8n's HTTP error of an answer, when it is a 404 (a pattern this release has no index for). */
const isNotFound = (error: unknown) =>
	String((error as { httpCode?: unknown } | undefined)?.httpCode ?? '') === '404';

/**
 * The fields of an index pattern as UTMStack lists them for its own filters: GET /api/elasticsearch/index/properties
 * answers [{name, type}] for one pattern (ElasticsearchResource.getIndexProperties; docs/provenance/utmstack.md). A
 * comma list (alert-*,v11-alert-*) is asked pattern by pattern; one that has no index on this release (404) adds
 * nothing, and only when none has one is the 404 the answer.
 */
export async function indexFields(
	context: ILoadOptionsFunctions,
	indexPattern: string,
): Promise<Array<{ name: string; type: string }>> {
	const patterns = indexPattern
		.split(',')
		.map((pattern) => pattern.trim())
		.filter((pattern) => pattern !== '');
	const fields = new Map<string, string>();
	let missing: unknown;
	let found = false;
	for (const pattern of patterns) {
		let listed: IDataObject[];
		try {
			listed = await apiList.call(
				context,
				utmStack,
				{
					method: 'GET',
					path: '/api/elasticsearch/index/properties',
					qs: { indexPattern: pattern },
					about: `index pattern ${pattern}`,
				},
				[],
			);
		} catch (error) {
			if (!isNotFound(error)) throw asNodeError(context, error);
			missing = error;
			continue;
		}
		found = true;
		for (const field of listed)
			if (typeof field.name === 'string' && field.name !== '')
				fields.set(field.name, String(field.type ?? ''));
	}
	if (!found && missing) throw asNodeError(context, missing);
	return [...fields]
		.map(([name, type]) => ({ name, type }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The editor's field list of a filter row: the chosen index pattern's fields, narrowed by the text typed. */
export async function searchIndexFields(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const indexPattern = String(this.getCurrentNodeParameter('indexPattern') ?? '').trim();
	if (indexPattern === '') return { results: [] };
	const wanted = (filter ?? '').trim().toLowerCase();
	const fields = await indexFields(this, indexPattern);
	return {
		results: fields
			.filter((field) => wanted === '' || field.name.toLowerCase().includes(wanted))
			.map((field) => ({ name: `${field.name} (${field.type})`, value: field.name })),
	};
}

/** Field types OpenSearch sorts on without fielddata: text fields sort through their .keyword beside them. */
const SORTABLE =
	/^(date|date_nanos|long|integer|short|byte|double|float|half_float|scaled_float|keyword|boolean|ip)$/;

/**
 * The Sort By list: @timestamp (the order every document can be read in), Relevance, then the chosen index pattern's
 * other sortable fields as UTMStack lists them, narrowed by the text typed.
 */
export async function searchSortFields(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const indexPattern = String(this.getCurrentNodeParameter('indexPattern') ?? '').trim();
	const fields = indexPattern === '' ? [] : await indexFields(this, indexPattern);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = [
		// named as list entries, not option names: the field itself keeps its case
		{ name: 'Time of the Document (Reads Every One)', value: '@timestamp' },
		{ name: 'Relevance (the First 10,000)', value: '' },
		...fields
			.filter((field) => field.name !== '@timestamp' && SORTABLE.test(field.type))
			.map((field) => ({ name: `${field.name} (${field.type})`, value: field.name })),
	];
	return {
		results: results.filter(
			(result) => wanted === '' || result.name.toLowerCase().includes(wanted),
		),
	};
}
