import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	CONTAINMENT_TOOL_NOTE,
	allowAgentsField,
	refuseUnlessAgentsAllowed,
} from '../../../common/agent-tool';
import { textAt } from '../../../common/answer-parts';
import type { Operation } from '../../../common/operations';
import { apiRead } from '../../../common/request';
import { elasticCloudEnterprise } from '../../transport';
import { RULESETS_PATH, rulesField, rulesFrom } from './ruleset';

/** The ruleset types ecctl documents (`cmd/deployment/trafficfilter/create.go`: "Can be one of [ip, vpce]"). */
export const RULESET_TYPES = [
	{ name: 'IP Addresses', value: 'ip' },
	{ name: 'Private Link Endpoint', value: 'vpce' },
];

export const createTrafficFilter: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a traffic filter',
		description: 'Create a ruleset of the sources allowed to reach the deployments it applies to',
	},
	toolDescription: `Create an Elastic Cloud Enterprise traffic filter ruleset: a name, a region, a type (ip or vpce) and the sources it allows (IP addresses or CIDR ranges, or VPC endpoint IDs). It restricts no deployment until it is applied to one (or, with Include by Default, to new deployments). Returns the new ruleset ID with what was sent and changed true. ${CONTAINMENT_TOOL_NOTE}`,
	fields: [
		{
			displayName: 'Name',
			name: 'rulesetName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. soc-analysts',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'string',
			required: true,
			default: 'ece-region',
			description: 'The region of the deployments the ruleset can apply to',
		},
		{
			displayName: 'Type',
			name: 'rulesetType',
			type: 'options',
			default: 'ip',
			options: RULESET_TYPES,
			description: 'What the rules name as sources',
		},
		rulesField('The sources the ruleset allows; a deployment it applies to accepts only these'),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Include by Default',
					name: 'includeByDefault',
					type: 'boolean',
					default: false,
					description: 'Whether ECE applies the ruleset to new deployments in its region by itself',
				},
			],
		},
		allowAgentsField,
	],
	async execute(itemIndex) {
		refuseUnlessAgentsAllowed(this, itemIndex, 'Creating a traffic filter ruleset');
		const name = String(this.getNodeParameter('rulesetName', itemIndex, '')).trim();
		const region = String(this.getNodeParameter('region', itemIndex, 'ece-region')).trim();
		const type = String(this.getNodeParameter('rulesetType', itemIndex, 'ip'));
		for (const [value, displayName] of [
			[name, 'Name'],
			[region, 'Region'],
		]) {
			if (value === '')
				throw new NodeOperationError(this.getNode(), `The "${displayName}" parameter is empty`, {
					itemIndex,
				});
		}
		const rules = rulesFrom(this, this.getNodeParameter('rules', itemIndex, {}), itemIndex);
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as {
			description?: string;
			includeByDefault?: boolean;
		};
		const description = String(extra.description ?? '').trim();
		// TrafficFilterRulesetRequest: name, type, region, rules and include_by_default are required
		const body: IDataObject = {
			name,
			...(description ? { description } : {}),
			type,
			region,
			include_by_default: extra.includeByDefault === true,
			rules,
		};
		// 201 TrafficFilterRulesetResponse {id}
		const id = await apiRead.call(
			this,
			elasticCloudEnterprise,
			{ method: 'POST', path: RULESETS_PATH, body },
			(answer) => ({ id: textAt(answer, ['id']) }),
			itemIndex,
		);
		return { ...id, ...body, changed: true };
	},
};
