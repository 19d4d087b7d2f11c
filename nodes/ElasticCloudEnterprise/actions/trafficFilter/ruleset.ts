import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	UnexpectedAnswerError,
	describeValue,
	listAt,
	optionalTextAt,
	recordAt,
	textAt,
} from '../../../common/answer-parts';
import { idLocator } from '../../../common/id-locator';
import { apiRead } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { pathId } from '../ids';

/**
 * What the traffic filter operations share: the ruleset's locator, its Rules field, and ECE's ruleset read
 * (TrafficFilterRulesetInfo) and written (TrafficFilterRulesetRequest) as ece-swagger.json describes them.
 * A traffic filter allows the sources its rules list: a deployment it applies to accepts only those.
 */

/** ece-swagger.json `/deployments/traffic-filter/rulesets` (basePath /api/v1). */
export const RULESETS_PATH = '/api/v1/deployments/traffic-filter/rulesets';

export const rulesetIdFields: INodeProperties[] = idLocator({
	displayName: 'Ruleset ID',
	name: 'rulesetId',
	searchListMethod: 'searchTrafficFilters',
	placeholder: 'e.g. 5b1c0e7d9a2f4c3e8d6b1a0f9e8d7c6b',
	description: 'The traffic filter ruleset',
});

/** The Ruleset ID, URL-encoded for the path, checked before any request. */
export function rulesetId(context: IExecuteFunctions, itemIndex: number): string {
	return pathId(context, itemIndex, 'rulesetId', 'Ruleset ID');
}

/** The Rules list: each rule one source the ruleset allows (TrafficFilterRule `source`, `description`). */
export function rulesField(description: string): INodeProperties {
	return {
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Rule',
		default: {},
		description,
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{
						displayName: 'Source',
						name: 'source',
						type: 'string',
						default: '',
						placeholder: 'e.g. 203.0.113.0/24',
						description:
							'The source allowed: an IP address or CIDR range for the IP Addresses type, a VPC endpoint ID for Private Link Endpoint',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
					},
				],
			},
		],
	};
}

/** The Rules field's value as ECE's rules; none, or a rule without a source, is refused before any request. */
export function rulesFrom(
	context: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
): IDataObject[] {
	const rows = ((raw as IDataObject | undefined)?.rule as IDataObject[] | undefined) ?? [];
	if (rows.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'The "Rules" parameter has no rule: add at least one source the ruleset allows',
			{ itemIndex },
		);
	}
	return rows.map((row, position) => {
		const source = String(row.source ?? '').trim();
		const description = String(row.description ?? '').trim();
		if (source === '') {
			throw new NodeOperationError(
				context.getNode(),
				`Rule ${position + 1}: the "Source" parameter is empty`,
				{ itemIndex },
			);
		}
		return { source, ...(description ? { description } : {}) };
	});
}

/** The boolean at `key` of a record: an error naming what came when it is missing or another kind. */
function booleanAt(body: unknown, key: string): boolean {
	const value = (body as IDataObject | undefined)?.[key];
	if (typeof value !== 'boolean')
		throw new UnexpectedAnswerError(`a boolean at "${key}"`, describeValue(body));
	return value;
}

/**
 * One ruleset as ECE answers it (TrafficFilterRulesetInfo): the keys ece-swagger.json requires (id, name, type,
 * region, include_by_default, rules) must be there and of their kind; `description` may be left out.
 */
export function rulesetAt(body: unknown): IDataObject {
	for (const key of ['id', 'name', 'type', 'region']) textAt(body, [key]);
	optionalTextAt(body, ['description']);
	booleanAt(body, 'include_by_default');
	listAt(body, ['rules']);
	return recordAt(body, []);
}

/**
 * The request that keeps a ruleset as it is (TrafficFilterRulesetRequest): what cloud-sdk-go's
 * `trafficfilterapi.NewUpdateRequestFromGet` takes from a read, the rules with their ids as read.
 */
export function requestOf(ruleset: IDataObject): IDataObject {
	return {
		name: ruleset.name,
		...(ruleset.description !== undefined && ruleset.description !== null
			? { description: ruleset.description }
			: {}),
		type: ruleset.type,
		region: ruleset.region,
		include_by_default: ruleset.include_by_default,
		rules: ruleset.rules,
	};
}

/** GET one ruleset (a 404 says ECE has no such ruleset), with the deployments it applies to when asked. */
export async function readRuleset(
	context: IExecuteFunctions,
	itemIndex: number,
	id: string,
	includeAssociations: boolean,
): Promise<IDataObject> {
	return await apiRead.call(
		context,
		elasticCloudEnterprise,
		{
			method: 'GET',
			path: `${RULESETS_PATH}/${id}`,
			qs: { include_associations: includeAssociations },
			about: `traffic filter ruleset ${decodeURIComponent(id)}`,
		},
		rulesetAt,
		itemIndex,
	);
}
