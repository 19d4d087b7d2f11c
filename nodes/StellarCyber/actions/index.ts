import type { Resources } from '../../common/operations';
import { searchAlerts } from './alert/search';
import { updateAlert } from './alert/update';
import { addCaseComment } from './case/addComment';
import { getCase } from './case/get';
import { getCaseAlerts } from './case/getAlerts';
import { getCaseComments } from './case/getComments';
import { getManyCases } from './case/getMany';
import { updateCase } from './case/update';
import { getManyTenants } from './tenant/getMany';

export const stellarCyberResources: Resources = {
	alert: { option: { name: 'Alert', value: 'alert' }, defaultOperation: 'search', operations: { search: searchAlerts, update: updateAlert } },
	case: {
		option: { name: 'Case', value: 'case' },
		defaultOperation: 'getMany',
		operations: {
			addComment: addCaseComment,
			get: getCase,
			getAlerts: getCaseAlerts,
			getComments: getCaseComments,
			getMany: getManyCases,
			update: updateCase,
		},
	},
	tenant: { option: { name: 'Tenant', value: 'tenant' }, defaultOperation: 'getMany', operations: { getMany: getManyTenants } },
};
