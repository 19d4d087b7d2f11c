import type { Resources } from '../../common/operations';
import { getManyAuditRecords } from './audit/getMany';
import { addDataSourceTags } from './dataSource/addTags';
import { createDataSource } from './dataSource/create';
import { getDataSource } from './dataSource/get';
import { getManyDataSources } from './dataSource/getMany';
import { getDataSourceTags } from './dataSource/getTags';
import { updateDataSource } from './dataSource/update';
import { getManyGlobalPolicies } from './globalPolicy/getMany';
import { getManyGroups } from './group/getMany';
import { getProject } from './project/get';
import { getManyProjects } from './project/getMany';
import { getCurrentUser } from './user/getCurrent';
import { getManyUsers } from './user/getMany';

export const immutaResources: Resources = {
	audit: {
		option: { name: 'Audit Record', value: 'audit' },
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
		operations: { getCurrent: getCurrentUser, getMany: getManyUsers },
	},
};
