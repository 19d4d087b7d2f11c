import type { IDataObject } from 'n8n-workflow';

import { filtersField, returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { collectPages } from '../../../common/paginate';
import { timeWalkPages } from '../../../common/time-walk';
import { incidentWalk } from '../../search/listings';
import { utmStack } from '../../transport';
import { INCIDENT_STATUSES } from './incident-id';

export const getManyIncidents: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many incidents',
		description: 'List incidents, newest first',
	},
	toolDescription:
		'List UTMStack incidents, newest first, optionally by status or name. Returns one record per incident with its ID, name, status, severity and creation time.',
	fields: [
		...returnAllOrLimit(),
		filtersField([
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: INCIDENT_STATUSES,
			},
			{ displayName: 'Name Contains', name: 'nameContains', type: 'string', default: '' },
		]),
	],
	async execute(itemIndex) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as {
			statuses?: string[];
			nameContains?: string;
		};
		const query: IDataObject = {};
		if (filters.statuses?.length) query['incidentStatus.in'] = filters.statuses.join(',');
		if (filters.nameContains) query['incidentName.contains'] = filters.nameContains;
		return await collectPages.call(
			this,
			utmStack,
			timeWalkPages(incidentWalk(query)),
			wantedCount(this, itemIndex),
			itemIndex,
		);
	},
};
