import { returnAllOrLimit, wantedCount } from '../../../common/fields';
import type { Operation } from '../../../common/operations';
import { offsetPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { PAGE_SIZE } from '../../listings';
import { immuta } from '../../transport';
import { dataSourceIdFields, recordId } from '../record-id';

/**
 * GET /dataSource/{id}/access: who holds access to a data source (Immuta's API description: states, expandGroups,
 * size, offset, sortField, sortOrder). The answer's `users` is what tap-immuta reads, one entry per user profile.
 * The answer states no count (unattested either way), so it is paged until a page comes back short.
 */
export const getDataSourceAccess: Operation = {
	option: {
		name: 'Get Users With Access',
		value: 'getAccess',
		action: 'Get users with access to a data source',
		description: 'List who holds access to a data source: subscribers, experts and owners',
	},
	toolDescription:
		'List the users who hold access to one Immuta data source (by its numeric data source ID): one record per user with name, email, user ID, IAM, access level (subscribed, expert, owner) and whether it is approved. Use it to answer who can read a data source.',
	fields: [
		...dataSourceIdFields,
		...returnAllOrLimit(),
		{
			displayName: 'Access Levels',
			name: 'accessLevels',
			type: 'multiOptions',
			options: [
				{ name: 'Subscribed', value: 'subscribed', description: 'May query the data source' },
				{ name: 'Expert', value: 'expert', description: 'May also see it unmasked to help others' },
				{ name: 'Owner', value: 'owner', description: 'Manages the data source' },
				{ name: 'Ingest', value: 'ingest', description: 'Loads data into it' },
			],
			default: ['subscribed', 'expert', 'owner'],
			description: 'Which kinds of access to list',
		},
		{
			displayName: 'List Group Members',
			name: 'expandGroups',
			type: 'boolean',
			default: true,
			description:
				'Whether to list each member of a group that has access, rather than leave group access out of the list',
		},
	],
	async execute(itemIndex) {
		const id = recordId(this, itemIndex, 'dataSourceId', 'Data Source ID');
		const states = this.getNodeParameter('accessLevels', itemIndex, [
			'subscribed',
			'expert',
			'owner',
		]) as string[];
		const expandGroups = this.getNodeParameter('expandGroups', itemIndex, true) === true;
		// `states` is a repeated parameter (collectionFormat multi); n8n's request helpers would write a list in
		// the query as states[0]=…, so it is put in the path as Immuta reads it.
		const repeated = states.map((state) => `states=${encodeURIComponent(state)}`).join('&');
		const users = await collectPages.call(
			this,
			immuta,
			offsetPages({
				path: `/dataSource/${id}/access${repeated ? `?${repeated}` : ''}`,
				query: {
					expandGroups,
					sortField: 'name',
					sortOrder: 'asc',
				},
				offsetParam: 'offset',
				sizeParam: 'size',
				maxPageSize: PAGE_SIZE,
				records: ['users'],
				idField: 'profile',
				orderCanChange: true,
				about: `data source ${id}`,
			}),
			wantedCount(this, itemIndex),
			itemIndex,
		);
		// which data source each record is about, as tap-immuta adds it (data_source_id), for reports over several
		return users.map((user) => ({ dataSourceId: Number(id), ...user }));
	},
};
