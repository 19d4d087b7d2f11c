import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { lookBackMs, maxPerPoll, maxPerPollOptions } from '../common/fields';
import { pollNewRecords } from '../common/new-records';
import { filtersFromFieldList, filtersProperty, searchFilters } from '../UtmStack/search/filters';
import { ALERT_SEVERITIES } from '../UtmStack/alert-codes';
import { utmStackMethods } from '../UtmStack/methods';
import { newAlertSource } from './new-alerts';
import { ALERT_INDEXES } from '../UtmStack/search/listings';
import { leaveOutRepeatsProperty } from '../UtmStack/search/repeats';

const DEFAULT_MAX_PER_POLL = 1000;

export class UtmStackTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UTMStack Trigger',
		name: 'utmStackTrigger',
		icon: { light: 'file:../../icons/utmstack.svg', dark: 'file:../../icons/utmstack.dark.svg' },
		group: ['trigger'],
		// 2: a filter's field picked from the index pattern's fields; version 1 workflows keep it as text.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: 'New alert',
		description:
			'Search and handle UTMStack alerts, logs and incidents, or start a workflow when new alerts are raised',
		defaults: { name: 'UTMStack Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'utmStackApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newAlert',
				options: [
					{
						name: 'New Alert',
						value: 'newAlert',
						description: 'An alert matching the filters is raised',
					},
				],
			},
			{
				displayName: 'Index Pattern Name or ID',
				name: 'indexPattern',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getIndexPatterns' },
				required: true,
				default: ALERT_INDEXES,
				description:
					'UTMStack index pattern the alerts are in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Minimum Severity',
				name: 'minSeverity',
				type: 'options',
				default: 1,
				options: ALERT_SEVERITIES.map(({ name, value }) => ({
					name: value === 1 ? `${name} (All Alerts)` : name,
					value,
				})),
			},
			{ ...filtersProperty, displayOptions: { show: { '@version': [1] } } },
			{ ...filtersFromFieldList, displayOptions: { hide: { '@version': [1] } } },
			leaveOutRepeatsProperty,
			maxPerPollOptions('Alerts', DEFAULT_MAX_PER_POLL),
		],
	};

	methods = {
		loadOptions: utmStackMethods.loadOptions,
		listSearch: { searchIndexFields: utmStackMethods.listSearch.searchIndexFields },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const indexPattern = String(this.getNodeParameter('indexPattern')).trim();
		if (indexPattern === '')
			throw new NodeOperationError(this.getNode(), 'The "Index Pattern" parameter is empty');
		const filters = searchFilters(
			this.getNode(),
			this.getNodeParameter('filters', {}) as IDataObject,
			0,
		);
		const minSeverity = Number(this.getNodeParameter('minSeverity', 1));
		if (minSeverity > 1)
			filters.push({
				field: 'severity',
				operator: 'IS_GREATER_THAN',
				value: String(minSeverity - 1),
			});
		const source = newAlertSource(
			indexPattern,
			filters,
			this.getNodeParameter('leaveOutRepeats', false) as boolean,
		);
		return await pollNewRecords.call(
			this,
			source,
			maxPerPoll(this, DEFAULT_MAX_PER_POLL),
			lookBackMs(this),
		);
	}
}
