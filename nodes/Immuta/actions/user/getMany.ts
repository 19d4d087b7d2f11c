import { searchableList } from '../searchable-list';

export const getManyUsers = searchableList(
	'/bim/user',
	'users',
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many users',
		description: 'List Immuta users, by name',
	},
	'List Immuta users, disabled ones included, optionally only those whose name contains a search text. Returns one record per user with its ID, IAM, user ID, profile (name, email), whether it is disabled and its last login. Use it to review who has access.',
	// Immuta leaves disabled users out unless asked (includeDisabled defaults to false)
	{ param: 'name', extra: { includeDisabled: true } },
);
