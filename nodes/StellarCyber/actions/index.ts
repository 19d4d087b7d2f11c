import type { Resources } from '../../common/operations';
import { getAlert } from './alert/get';
import { searchAlerts } from './alert/search';
import { updateAlert } from './alert/update';
import { addCaseComment } from './case/addComment';
import { getManyConnectors } from './connector/getMany';
import { getCase } from './case/get';
import { getCaseAlerts } from './case/getAlerts';
import { getCaseComments } from './case/getComments';
import { getManyCases } from './case/getMany';
import { updateCase } from './case/update';
import { getCaseObservables, getCaseScores, getCaseSummary } from './case/views';
import { getManySensors } from './sensor/getMany';
import { getManyTenants } from './tenant/getMany';
import { getManyUsers } from './user/getMany';

export const stellarCyberResources: Resources = {
	alert: {
		option: { name: 'Alert', value: 'alert' },
		defaultOperation: 'search',
		operations: { get: getAlert, search: searchAlerts, update: updateAlert },
	},
	case: {
		option: { name: 'Case', value: 'case' },
		defaultOperation: 'getMany',
		operations: {
			addComment: addCaseComment,
			get: getCase,
			getAlerts: getCaseAlerts,
			getComments: getCaseComments,
			getMany: getManyCases,
			getObservables: getCaseObservables,
			getScores: getCaseScores,
			getSummary: getCaseSummary,
			update: updateCase,
		},
	},
	connector: {
		option: { name: 'Connector', value: 'connector' },
		defaultOperation: 'getMany',
		operations: { getMany: getManyConnectors },
	},
	sensor: {
		option: { name: 'Sensor', value: 'sensor' },
		defaultOperation: 'getMany',
		operations: { getMany: getManySensors },
	},
	tenant: {
		option: { name: 'Tenant', value: 'tenant' },
		defaultOperation: 'getMany',
		operations: { getMany: getManyTenants },
	},
	user: {
		option: { name: 'User', value: 'user' },
		defaultOperation: 'getMany',
		operations: { getMany: getManyUsers },
	},
};
