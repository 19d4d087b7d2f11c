import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { offsetPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { skipLimitListing } from '../../listings';
import { stellarCyber } from '../../transport';
import { caseId, caseIdFields } from './case-id';

/** Stellar serves a case's alerts 50 at a time at most. */
const MAX_ALERTS_PER_PAGE = 50;

export const getCaseAlerts: Operation = {
	option: {
		name: 'Get Alerts',
		value: 'getAlerts',
		action: 'Get the alerts of a case',
		description: 'List the alerts linked to a case',
	},
	toolDescription:
		'List the alerts linked to one Stellar Cyber case, given the case ID. Returns one record per alert with its _index, _id and fields.',
	fields: [...caseIdFields, ...returnAllOrLimit()],
	async execute(itemIndex) {
		const id = await caseId(this, itemIndex);
		const pages = offsetPages(
			skipLimitListing(
				`/connect/api/v1/cases/${id}/alerts`,
				{},
				MAX_ALERTS_PER_PAGE,
				['data', 'docs'],
				undefined,
				`case ${decodeURIComponent(id)}`,
			),
		);
		return await collectPages.call(
			this,
			stellarCyber,
			pages,
			wantedCount(this, itemIndex),
			itemIndex,
		);
	},
};
