import { wholeList } from '../whole-list';

export const getManyUsers = wholeList(
	'users',
	{ name: 'Get Many', value: 'getMany', action: 'Get many users', description: 'List the platform\'s users (the names a case assignee takes)' },
	'List the Stellar Cyber users. Returns one record per user with the user name a case assignee holds, the email and the role.',
);
