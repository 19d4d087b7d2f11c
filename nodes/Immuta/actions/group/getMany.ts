import { searchableList } from '../searchable-list';
import { BY_NAME } from '../../listings';

export const getManyGroups = searchableList(
	'/bim/group',
	'groups',
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many groups',
		description: 'List Immuta groups, by name',
	},
	'List Immuta groups, optionally only those whose name contains a search text. Returns one record per group with its ID, name, IAM and description.',
	{ param: 'name', extra: BY_NAME },
);
