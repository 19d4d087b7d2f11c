import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { filtersField, returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { offsetPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { immutaListing } from '../../listings';
import { immuta } from '../../transport';

/** What a 404 of GET /audit means: the endpoint is gone, not a record (Immuta's audit documentation). */
const AUDIT_GONE =
	'This Immuta does not serve the audit endpoint (GET /audit), which Immuta deprecated: on Immuta SaaS audit records are exported in the Universal Audit Model (to S3 or ADLS Gen2), and from self-hosted 2024.1 they are pulled from Kubernetes into a SIEM. Read them there.';

export const getManyAuditRecords: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many audit records',
		description:
			'List audit records, newest first, from the legacy audit endpoint: self-hosted Immuta before 2024.1 only',
	},
	toolDescription:
		'List Immuta audit records from the legacy audit endpoint, which only self-hosted Immuta before 2024.1 serves (Immuta SaaS exports the Universal Audit Model instead; self-hosted 2024.1 and later send audit logs to a SIEM): newest first, optionally of one record type (for example sqlQuery or dataSourceGet) and between two dates. Returns one record per event with its type, user, data source and time. Use it to see who accessed or changed data.',
	fields: [
		...returnAllOrLimit(),
		filtersField([
			{ displayName: 'From', name: 'from', type: 'dateTime', default: '' },
			{
				displayName: 'Record Type',
				name: 'recordType',
				type: 'string',
				default: '',
				placeholder: 'sqlQuery',
			},
			{ displayName: 'To', name: 'to', type: 'dateTime', default: '' },
		]),
	],
	async execute(itemIndex) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const query: IDataObject = { sortField: 'dateTime', sortOrder: 'desc' };
		for (const [name, parameter, label] of [
			['from', 'minDate', 'From'],
			['to', 'maxDate', 'To'],
		]) {
			if (!filters[name]) continue;
			const at = Date.parse(String(filters[name]));
			if (Number.isNaN(at))
				throw new NodeOperationError(this.getNode(), `The "${label}" filter needs a date`, {
					itemIndex,
				});
			query[parameter] = new Date(at).toISOString();
		}
		if (query.minDate && query.maxDate && String(query.minDate) > String(query.maxDate)) {
			throw new NodeOperationError(this.getNode(), 'The "From" filter is after the "To" filter', {
				itemIndex,
			});
		}
		if (filters.recordType) query.recordType = filters.recordType;
		const listing = { ...immutaListing('/audit', query, 'append-only'), gone: AUDIT_GONE };
		return await collectPages.call(
			this,
			immuta,
			offsetPages(listing),
			wantedCount(this, itemIndex),
			itemIndex,
		);
	},
};
