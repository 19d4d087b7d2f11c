import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { collectPages } from '../../../common/paginate';
import { skipLimitPages } from '../../pagination';
import { stellarCyber } from '../../transport';
import { caseId, caseIdProperty } from './case-id';

/** Stellar serves a case's alerts 50 at a time at most. */
const MAX_ALERTS_PER_PAGE = 50;

export const getCaseAlerts: Operation = {
	option: { name: 'Get Alerts', value: 'getAlerts', action: 'Get the alerts of a case', description: 'List the alerts linked to a case' },
	fields: [caseIdProperty, ...returnAllOrLimit()],
	async execute(itemIndex) {
		const id = caseId(this, itemIndex);
		const pages = skipLimitPages(`/connect/api/v1/cases/${id}/alerts`, {}, MAX_ALERTS_PER_PAGE, (body) => ((body.data as IDataObject)?.docs as IDataObject[]) ?? []);
		return await collectPages.call(this, stellarCyber, pages, wantedCount(this, itemIndex), itemIndex);
	},
};
