import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { filtersField, returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { offsetPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { timeWalkPages } from '../../../common/time-walk';
import { caseQuery } from '../../case-query';
import { caseListing, caseTimeWalk } from '../../listings';
import { withReadableTimes } from '../../case-times';
import { stellarCyber } from '../../transport';
import { CASE_STATUSES, tagList } from './case-id';
import { userIdsFor } from '../../users';

/** Cases in Stellar's own order for a sort: by the field, then by _id ascending (as its listing pages them). */
function inOrder(cases: IDataObject[], sort: string, order: string): IDataObject[] {
	const sign = order === 'desc' ? -1 : 1;
	const byId = (a: IDataObject, b: IDataObject) =>
		String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0;
	return [...cases].sort((a, b) => sign * (Number(a[sort]) - Number(b[sort])) || byId(a, b));
}

export const getManyCases: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many cases',
		description: 'List cases with filters and a sort order',
	},
	toolDescription:
		'List Stellar Cyber cases, optionally filtered by status, minimum score, tags, tenant or creation and modification dates, newest first by default. Returns one record per case with its _id, name, status, severity, score and times.',
	fields: [
		...returnAllOrLimit(),
		filtersField([
			{
				displayName: 'Created From',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only cases created at this time or later',
			},
			{
				displayName: 'Minimum Score',
				name: 'minScore',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description:
					'Only cases scored at least this much (the score Stellar Cyber shows on a case, for example 80)',
			},
			{
				displayName: 'Modified From',
				name: 'modifiedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only cases changed at this time or later',
			},
			{
				displayName: 'Not Last Modified By',
				name: 'notModifiedBy',
				type: 'string',
				default: '',
				description:
					'Leave out cases whose last change was made by these users (comma-separated emails or user IDs, as User > Get Many lists them), for example the user of this credential',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: CASE_STATUSES,
				description: 'Only cases in these statuses; none selected means any',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				description: 'Cases with any of these tags (comma-separated)',
			},
			{
				displayName: 'Tenant Name or ID',
				name: 'tenantId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTenants' },
				default: '',
				description:
					'The tenant the cases belong to (its cust_id). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Without Tags',
				name: 'withoutTags',
				type: 'string',
				default: '',
				description: 'Leave out cases that have any of these tags (comma-separated)',
			},
		]),
		{
			displayName: 'Sort By',
			name: 'sort',
			type: 'options',
			default: 'created_at',
			options: [
				{ name: 'Created At', value: 'created_at' },
				{ name: 'Modified At', value: 'modified_at' },
				{ name: 'Score', value: 'score' },
			],
		},
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			default: 'desc',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
		},
	],
	async execute(itemIndex) {
		return (await readCases.call(this, itemIndex)).map(withReadableTimes);
	},
};

/** The cases one item asks for, every one once, in the order asked for. */
async function readCases(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, 'created_at') as string;
	const order = this.getNodeParameter('order', itemIndex, 'desc') as string;
	const filterQuery: IDataObject = {
		...caseQuery({
			tenantId: filters.tenantId as string | undefined,
			statuses: Array.isArray(filters.statuses) ? (filters.statuses as string[]) : [],
			minScore: filters.minScore as number | undefined,
			tags: tagList(filters.tags),
			withoutTags: tagList(filters.withoutTags),
			notModifiedBy: await userIdsFor(this, tagList(filters.notModifiedBy), itemIndex),
		}),
	};
	for (const [name, field, label] of [
		['createdAfter', 'created_at', 'Created From'],
		['modifiedAfter', 'modified_at', 'Modified From'],
	]) {
		if (!filters[name]) continue;
		const at = Date.parse(String(filters[name]));
		if (Number.isNaN(at))
			throw new NodeOperationError(this.getNode(), `The "${label}" filter needs a date`, {
				itemIndex,
			});
		filterQuery[`FROM~${field}`] = at;
	}
	const limit = wantedCount(this, itemIndex);
	// A Return All walks forward in time from the oldest case, so cases created or changed while it runs
	// cannot shift it: by modified_at when that is the order asked for, else by created_at (which never
	// changes), put in the order asked for afterwards. An ascending Limit by time is the start of that walk.
	if (limit === undefined || (sort !== 'score' && order === 'asc')) {
		const walkedBy = sort === 'modified_at' ? 'modified_at' : 'created_at';
		const cases = await collectPages.call(
			this,
			stellarCyber,
			timeWalkPages(caseTimeWalk(walkedBy, filterQuery)),
			limit,
			itemIndex,
		);
		return sort === walkedBy
			? order === 'desc'
				? cases.reverse()
				: cases
			: inOrder(cases, sort, order);
	}
	// The first few of a newest-first or score order: skip/limit pages that check their boundary.
	return await collectPages.call(
		this,
		stellarCyber,
		offsetPages(caseListing({ sort, order, ...filterQuery })),
		limit,
		itemIndex,
	);
}
