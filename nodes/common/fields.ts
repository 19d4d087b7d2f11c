import type { IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

/** n8n's usual Return All / Limit pair. */
export function returnAllOrLimit(maxValue?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** undefined for Return All, else the Limit. */
export function wantedCount(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return context.getNodeParameter('limit', itemIndex, 50) as number;
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
