import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { lookBackMs, maxPerPoll, maxPerPollOptions } from '../common/fields';
import { pollNewRecords } from '../common/new-records';
import { CASE_STATUSES, tagList } from '../StellarCyber/actions/case/case-id';
import { withReadableTimes } from '../StellarCyber/case-times';
import { stellarCyberMethods } from '../StellarCyber/methods';
import { caseChangeSource, type CaseEvent } from './case-changes';
import { userIdsFor } from '../StellarCyber/users';

const DEFAULT_MAX_PER_POLL = 500;

export class StellarCyberTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stellar Cyber Trigger',
		name: 'stellarCyberTrigger',
		icon: {
			light: 'file:../../icons/stellar-cyber.svg',
			dark: 'file:../../icons/stellar-cyber.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "newCase" ? "New case" : "Updated case"}}',
		description:
			'Search and handle Stellar Cyber cases and alerts, or start a workflow when a case opens or changes',
		defaults: { name: 'Stellar Cyber Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'stellarCyberApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newCase',
				options: [
					{
						name: 'New Case',
						value: 'newCase',
						description: 'A case matching the filters is created',
					},
					{
						name: 'Updated Case',
						value: 'updatedCase',
						description:
							'A case matching the filters is changed (status, assignee, tags, alerts...)',
					},
				],
			},
			{
				displayName: 'Tenant Name or ID',
				name: 'tenantId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTenants' },
				default: '',
				description:
					'Only cases of this tenant (its cust_id); none for every tenant the key can see. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: CASE_STATUSES,
				description: 'Only cases in one of these statuses; leave empty for any status',
			},
			{
				displayName: 'Minimum Score',
				name: 'minScore',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'Only cases scored at least this much',
			},
			{
				displayName: 'Without Tags',
				name: 'withoutTags',
				type: 'string',
				default: '',
				placeholder: 'e.g. escalated-by-n8n',
				description:
					'Leave out cases that have any of these tags (comma-separated), such as the tag your workflow sets on the cases it handled',
			},
			{
				displayName: 'Not Last Modified By',
				name: 'notModifiedBy',
				type: 'string',
				default: '',
				description:
					'Leave out cases whose last change was made by these users (comma-separated emails or user IDs, as Stellar Cyber > User > Get Many lists them): with the user of this credential, the workflow does not start again on its own updates',
			},
			maxPerPollOptions('Cases', DEFAULT_MAX_PER_POLL),
		],
	};

	methods = { loadOptions: stellarCyberMethods.loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as CaseEvent;
		const source = caseChangeSource(event, {
			tenantId: String(this.getNodeParameter('tenantId', '')).trim(),
			statuses: this.getNodeParameter('statuses', []) as string[],
			minScore: Number(this.getNodeParameter('minScore', 0)) || 0,
			withoutTags: tagList(this.getNodeParameter('withoutTags', '')),
			notModifiedBy: await userIdsFor(this, tagList(this.getNodeParameter('notModifiedBy', '')), 0),
		});
		const emitted = await pollNewRecords.call(
			this,
			source,
			maxPerPoll(this, DEFAULT_MAX_PER_POLL),
			lookBackMs(this),
		);
		return (
			emitted &&
			emitted.map((items) => items.map((item) => ({ ...item, json: withReadableTimes(item.json) })))
		);
	}
}
