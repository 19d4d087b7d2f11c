import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequestFull } from '../common/request';
import { utmStack } from './transport';

const INCIDENTS_PER_PAGE = 50;
/** UTMStack (JHipster) serves at most this many per page. */
const MAX_PAGE = 1000;

const listOf = (body: unknown) => (Array.isArray(body) ? (body as IDataObject[]) : []);

/** The editor's lists for UTMStack, loaded through the node's own request path (login, renewal, errors). */
export const utmStackLists = {
	listSearch: {
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
		async getIndexPatterns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const response = await apiRequestFull.call(this, utmStack, { method: 'GET', path: '/api/utm-index-patterns', qs: { page: 0, size: MAX_PAGE } });
			return listOf(response.body)
				.filter((pattern) => pattern.isActive !== false && typeof pattern.pattern === 'string')
				.map((pattern) => ({ name: String(pattern.pattern), value: String(pattern.pattern), description: String(pattern.patternModule ?? '') }));
		},
	},
};
