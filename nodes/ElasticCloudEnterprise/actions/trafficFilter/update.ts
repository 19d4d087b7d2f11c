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
import {
	RULESETS_PATH,
	readRuleset,
	requestOf,
	rulesetId,
	rulesetIdFields,
	rulesField,
	rulesFrom,
} from './ruleset';

/** The keys of TrafficFilterRulesetRequest. */
const REQUEST_KEYS = ['name', 'description', 'type', 'region', 'include_by_default', 'rules'];

/** What a ruleset allows and how, for telling whether an update changes anything (rule ids left aside). */
function essence(request: IDataObject): string {
	const rules = (request.rules as IDataObject[]).map((rule) => ({
		source: rule.source ?? '',
		description: rule.description ?? '',
	}));
	return JSON.stringify([
		request.name,
		request.description ?? '',
		request.include_by_default,
		rules,
	]);
}

export const updateTrafficFilter: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a traffic filter',
		description: 'Change the name, description, rules or Include by Default of a ruleset',
	},
	toolDescription: `Update one Elastic Cloud Enterprise traffic filter ruleset by its ID: a new name, description, Include by Default, or a new list of rules that replaces all of its rules (the sources it allows). Deployments it applies to then accept only the new sources. Returns the ruleset as changed with changed true, or changed false when it already held these values (nothing is sent then). ${CONTAINMENT_TOOL_NOTE}`,
	fields: [
		...rulesetIdFields,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'Left empty, the ruleset keeps no description',
				},
				{
					displayName: 'Include by Default',
					name: 'includeByDefault',
					type: 'boolean',
					default: false,
					description: 'Whether ECE applies the ruleset to new deployments in its region by itself',
				},
				{
					displayName: 'Name',
					name: 'rulesetName',
					type: 'string',
					default: '',
				},
				rulesField(
					'The sources the ruleset allows from now on: they replace all of its rules. Deployments it applies to accept only these.',
				),
			],
		},
		allowAgentsField,
	],
	async execute(itemIndex) {
		refuseUnlessAgentsAllowed(this, itemIndex, 'Updating a traffic filter ruleset');
		const id = rulesetId(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes: IDataObject = {};
		if (fields.rulesetName !== undefined) {
			changes.name = String(fields.rulesetName).trim();
			if (changes.name === '')
				throw new NodeOperationError(this.getNode(), 'The "Name" parameter is empty', {
					itemIndex,
				});
		}
		if (fields.description !== undefined) changes.description = String(fields.description).trim();
		if (fields.includeByDefault !== undefined)
			changes.include_by_default = fields.includeByDefault === true;
		if (fields.rules !== undefined) changes.rules = rulesFrom(this, fields.rules, itemIndex);
		if (Object.keys(changes).length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				'Nothing to update: add at least one field under "Update Fields"',
				{ itemIndex },
			);
		}

		// PUT takes the whole TrafficFilterRulesetRequest (every required field), so the ruleset is read first and
		// the fields set here replace its own, as ecctl's `traffic-filter update --generate-payload` then `--file` does.
		const read = await readRuleset(this, itemIndex, id, true);
		const current = requestOf(read);
		const body: IDataObject = { ...current, ...changes };
		if (body.description === '') delete body.description;
		// what the request does not hold (the id, the deployments it applies to) stays as read
		const kept = Object.fromEntries(
			Object.entries(read).filter(([key]) => !REQUEST_KEYS.includes(key)),
		);
		if (essence(body) === essence(current)) return { ...kept, ...body, changed: false };

		// 200 TrafficFilterRulesetResponse {id}; "the update has started", so the answer is what was sent, not a read back
		const answer = await apiRead.call(
			this,
			elasticCloudEnterprise,
			{
				method: 'PUT',
				path: `${RULESETS_PATH}/${id}`,
				body,
				about: `traffic filter ruleset ${decodeURIComponent(id)}`,
			},
			(response) => ({ id: textAt(response, ['id']) }),
			itemIndex,
		);
		return { ...kept, ...body, ...answer, changed: true };
	},
};
