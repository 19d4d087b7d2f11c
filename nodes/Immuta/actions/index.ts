import type { Resources } from '../../common/operations';
import { getManyAuditRecords } from './audit/getMany';
import { addDataSourceTags } from './dataSource/addTags';
import { createDataSource } from './dataSource/create';
import { getDataSource } from './dataSource/get';
import { getDataSourceAccess } from './dataSource/getAccess';
import { getManyDataSources } from './dataSource/getMany';
import { getDataSourceTags } from './dataSource/getTags';
import { updateDataSource } from './dataSource/update';
import { getManyGlobalPolicies } from './globalPolicy/getMany';
import { getManyGroups } from './group/getMany';
import { getProject } from './project/get';
import { getManyProjects } from './project/getMany';
import { addUserToGroup } from './user/addToGroup';
import { disableUser } from './user/disable';
import { enableUser } from './user/enable';
import { getCurrentUser } from './user/getCurrent';
import { getManyUsers } from './user/getMany';
import { removeUserFromGroup } from './user/removeFromGroup';

export const immutaResources: Resources = {
	audit: {
		// the label says which Immuta serves it; the value stays what saved workflows hold
		option: { name: 'Audit Record (Self-Hosted Before 2024.1)', value: 'audit' },
		defaultOperation: 'getMany',
		operations: { getMany: getManyAuditRecords },
	},
	dataSource: {
		option: { name: 'Data Source', value: 'dataSource' },
		defaultOperation: 'getMany',
		operations: {
			addTags: addDataSourceTags,
			create: createDataSource,
			get: getDataSource,
			getAccess: getDataSourceAccess,
			getMany: getManyDataSources,
			getTags: getDataSourceTags,
			update: updateDataSource,
		},
	},
	globalPolicy: {
		option: { name: 'Global Policy', value: 'globalPolicy' },
		defaultOperation: 'getMany',
		operations: { getMany: getManyGlobalPolicies },
	},
	group: {
		option: { name: 'Group', value: 'group' },
		defaultOperation: 'getMany',
		operations: { getMany: getManyGroups },
	},
	project: {
		option: { name: 'Project', value: 'project' },
		defaultOperation: 'getMany',
		operations: { get: getProject, getMany: getManyProjects },
	},
	user: {
		option: { name: 'User', value: 'user' },
		defaultOperation: 'getCurrent',
		operations: {
			addToGroup: addUserToGroup,
			disable: disableUser,
			enable: enableUser,
			getCurrent: getCurrentUser,
			getMany: getManyUsers,
			removeFromGroup: removeUserFromGroup,
		},
	},
};
