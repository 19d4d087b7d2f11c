import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { numberedPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { apiRequest } from '../../../common/request';
import { utmStack } from '../../transport';
import { incidentId, incidentIdFields } from './incident-id';
import { utmStackId } from '../../record-id';

/** Within Spring Data's default clamp of 2,000; notes are only ever added, so pages in id order do not shift. */
const NOTES_PER_PAGE = 1000;

export const getIncidentNotes: Operation = {
	option: {
		name: 'Get Notes',
		value: 'getNotes',
		action: 'Get the notes of an incident',
		description: 'List the notes written on an incident, oldest first',
	},
	toolDescription:
		'List the notes written on one UTMStack incident, oldest first, given the numeric incident ID. Returns one record per note with its text, author and date.',
	fields: [...incidentIdFields, ...returnAllOrLimit()],
	async execute(itemIndex) {
		const id = incidentId(this, itemIndex);
		// An incident that does not exist has no notes either: say so instead of an empty list.
		await apiRequest.call(
			this,
			utmStack,
			{ method: 'GET', path: `/api/utm-incidents/${id}`, about: `incident ${id}` },
			itemIndex,
		);
		const pages = numberedPages({
			request: {
				method: 'GET',
				path: '/api/utm-incident-notes',
				qs: { 'incidentId.equals': id, sort: 'id,asc' },
			},
			pageParam: 'page',
			sizeParam: 'size',
			firstPage: 0,
			maxPageSize: NOTES_PER_PAGE,
			totalHeader: 'x-total-count',
			idField: utmStackId,
		});
		return await collectPages.call(this, utmStack, pages, wantedCount(this, itemIndex), itemIndex);
	},
};
