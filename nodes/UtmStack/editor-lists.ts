import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequestFull } from '../common/request';
import { newestAlerts } from './search/listings';
import { utmStack } from './transport';

const INCIDENTS_PER_PAGE = 50;
const ALERTS_PER_PAGE = 50;
/** UTMStack (JHipster) serves at most this many per page. */
const MAX_PAGE = 1000;

const listOf = (body: unknown) => (Array.isArray(body) ? (body as IDataObject[]) : []);

/** The editor's lists for UTMStack, loaded through the node's own request path (login, renewal, errors). */
export const utmStackLists = {
	listSearch: {
		/** The newest alerts, or those whose name contains the text typed. */
		async searchAlerts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
			const page = Number(paginationToken ?? 1) || 1;
			const name = (filter ?? '').trim();
			const response = await apiRequestFull.call(this, utmStack, newestAlerts(page, ALERTS_PER_PAGE, name));
			const alerts = listOf(response.body);
			return {
				results: alerts.map((alert) => ({
					name: `${String(alert.name ?? alert.id)} (${String(alert.severityLabel ?? alert.severity ?? '')}, ${String(alert['@timestamp'] ?? '')})`,
					value: String(alert.id),
				})),
				paginationToken: alerts.length === ALERTS_PER_PAGE ? String(page + 1) : undefined,
			};
		},
		async searchIncidents(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
			const page = Number(paginationToken ?? 0) || 0;
			const name = (filter ?? '').trim();
			const response = await apiRequestFull.call(this, utmStack, {
				method: 'GET',
				path: '/api/utm-incidents',
				qs: { sort: 'id,desc', page, size: INCIDENTS_PER_PAGE, ...(name ? { 'incidentName.contains': name } : {}) },
			});
			const incidents = listOf(response.body);
			return {
				results: incidents.map((incident) => ({
					name: `#${String(incident.id)} ${String(incident.incidentName ?? '')} (${String(incident.incidentStatus ?? '')})`,
					value: String(incident.id),
				})),
				paginationToken: incidents.length === INCIDENTS_PER_PAGE ? String(page + 1) : undefined,
			};
		},
	},
	loadOptions: {
		/** UTMStack's users, by login (what an incident's assignee holds). */
		async getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const response = await apiRequestFull.call(this, utmStack, { method: 'GET', path: '/api/users', qs: { page: 0, size: MAX_PAGE } });
			return listOf(response.body)
				.filter((user) => user.activated !== false)
				.map((user) => ({ name: `${[user.firstName, user.lastName].filter(Boolean).join(' ')} (${String(user.login)})`, value: String(user.login) }))
				.sort((a, b) => a.name.localeCompare(b.name));
		},
		async getIndexPatterns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const response = await apiRequestFull.call(this, utmStack, { method: 'GET', path: '/api/utm-index-patterns', qs: { page: 0, size: MAX_PAGE } });
			return listOf(response.body)
				.filter((pattern) => pattern.isActive !== false && typeof pattern.pattern === 'string')
				.map((pattern) => ({ name: String(pattern.pattern), value: String(pattern.pattern), description: String(pattern.patternModule ?? '') }));
		},
	},
};
