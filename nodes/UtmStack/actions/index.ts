import type { Resources } from '../../common/operations';
import { addAlertNote } from './alert/addNote';
import { getAlert } from './alert/get';
import { searchAlerts } from './alert/search';
import { setAlertTags } from './alert/setTags';
import { updateAlertStatus } from './alert/updateStatus';
import { addAlertsToIncident } from './incident/addAlerts';
import { addIncidentNote } from './incident/addNote';
import { createIncident } from './incident/create';
import { getIncident } from './incident/get';
import { getManyIncidents } from './incident/getMany';
import { getIncidentNotes } from './incident/getNotes';
import { updateIncidentStatus } from './incident/updateStatus';
import { searchLogs } from './log/search';
import { getCurrentUser } from './user/getCurrent';

export const utmStackResources: Resources = {
	alert: {
		option: { name: 'Alert', value: 'alert' },
		defaultOperation: 'search',
		operations: {
			addNote: addAlertNote,
			get: getAlert,
			search: searchAlerts,
			setTags: setAlertTags,
			updateStatus: updateAlertStatus,
		},
	},
	incident: {
		option: { name: 'Incident', value: 'incident' },
		defaultOperation: 'getMany',
		operations: {
			addAlerts: addAlertsToIncident,
			addNote: addIncidentNote,
			create: createIncident,
			get: getIncident,
			getMany: getManyIncidents,
			getNotes: getIncidentNotes,
			updateStatus: updateIncidentStatus,
		},
	},
	log: {
		option: { name: 'Log', value: 'log' },
		defaultOperation: 'search',
		operations: { search: searchLogs },
	},
	user: {
		option: { name: 'User', value: 'user' },
		defaultOperation: 'getCurrent',
		operations: { getCurrent: getCurrentUser },
	},
};
