import type { Operation } from '../../../common/operations';
import { readRuleset, rulesetId, rulesetIdFields } from './ruleset';

export const getTrafficFilter: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a traffic filter',
		description: 'Read one ruleset with its rules and the deployments it applies to',
	},
	toolDescription:
		'Get one Elastic Cloud Enterprise traffic filter ruleset by its ID: name, type, region, rules (the sources it allows), whether new deployments get it by default, and the deployments it applies to.',
	fields: [
		...rulesetIdFields,
		{
			displayName: 'Include Associations',
			name: 'includeAssociations',
			type: 'boolean',
			default: true,
			description: 'Whether to list the deployments the ruleset applies to',
		},
	],
	async execute(itemIndex) {
		const id = rulesetId(this, itemIndex);
		const includeAssociations =
			this.getNodeParameter('includeAssociations', itemIndex, true) === true;
		return await readRuleset(this, itemIndex, id, includeAssociations);
	},
};
