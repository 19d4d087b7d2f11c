import { searchableList } from '../searchable-list';

export const getManyProjects = searchableList(
	'/project',
	'projects',
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many projects',
		description: 'List projects, by name',
	},
	'List Immuta projects, optionally only those whose name contains a search text. Returns one record per project with its ID, name and status.',
);
