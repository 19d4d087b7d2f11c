import type { IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { AGENT_MAX_RECORDS, isAgentTool } from './agent-tool';

/**
 * n8n's usual Return All / Limit pair. As an AI agent's tool ('@tool') the node has a Limit only, of at
 * most AGENT_MAX_RECORDS: an agent never gets an unbounded list.
 */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { hide: { '@tool': [true] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] }, hide: { '@tool': [true] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: AGENT_MAX_RECORDS },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { '@tool': [true] } },
		},
	];
}

/** undefined for Return All, else the Limit; as an agent's tool, always a Limit of at most AGENT_MAX_RECORDS. */
export function wantedCount(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const asTool = isAgentTool(context.getNode());
	if (!asTool && (context.getNodeParameter('returnAll', itemIndex, false) as boolean))
		return undefined;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`The "Limit" parameter must be a whole number of at least 1, not ${limit}`,
			{ itemIndex },
		);
	}
	if (asTool && limit > AGENT_MAX_RECORDS) {
		throw new NodeOperationError(
			context.getNode(),
			`The "Limit" parameter is ${limit}, but a tool returns at most ${AGENT_MAX_RECORDS} records to an AI agent: ask for fewer or narrow the search`,
			{ itemIndex },
		);
	}
	return limit;
}

/** The records a Return All / Limit pair asks for, of a listing the platform answers in one piece. */
export function wantedOf<T>(context: IExecuteFunctions, itemIndex: number, records: T[]): T[] {
	const limit = wantedCount(context, itemIndex);
	return limit === undefined ? records : records.slice(0, limit);
}

/** How long before the newest record a time-ordered trigger looks again, for records the platform indexes late. */
export const DEFAULT_LOOK_BACK_MINUTES = 5;

/** The Options collection of a polling trigger: how many records one poll may emit, how far it looks back. */
export function maxPerPollOptions(recordName: string, defaultMax: number): INodeProperties {
	const records = recordName.toLowerCase();
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Look-Back for Late Records (Minutes)',
				name: 'lookBackMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_LOOK_BACK_MINUTES,
				description: `Each poll also reads this far back before the newest ${records} already emitted, so ${records} the platform records late are still emitted, once. 0 reads only what is newer.`,
			},
			{
				displayName: `Max ${recordName} per Poll`,
				name: 'maxPerPoll',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: defaultMax,
				description: `The most ${records} one poll emits; a larger backlog is emitted by the next polls, oldest first`,
			},
		],
	};
}

/** The Max … per Poll option of a trigger. */
export function maxPerPoll(context: IPollFunctions, defaultMax: number): number {
	const options = context.getNodeParameter('options', {}) as { maxPerPoll?: number };
	const value = Number(options.maxPerPoll ?? defaultMax);
	return Number.isFinite(value) && value >= 1 ? Math.floor(value) : defaultMax;
}

/** The look-back option of a trigger, in milliseconds. */
export function lookBackMs(context: IPollFunctions): number {
	const options = context.getNodeParameter('options', {}) as { lookBackMinutes?: number };
	const minutes = Number(options.lookBackMinutes ?? DEFAULT_LOOK_BACK_MINUTES);
	return Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes * 60_000) : 0;
}

/** A listing's "Filters" collection, as n8n's own nodes name it ("Add Filter"). */
export function filtersField(
	options: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
		...extra,
	};
}
