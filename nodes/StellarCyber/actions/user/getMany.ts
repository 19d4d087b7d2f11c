import { wholeList } from '../whole-list';

export const getManyUsers = wholeList(
	'users',
	'data',
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many users',
		description: "List the platform's users",
	},
	"List the Stellar Cyber users. Returns one record per user with its user_id (what a case's modified_by holds), email and privilege profile.",
);
