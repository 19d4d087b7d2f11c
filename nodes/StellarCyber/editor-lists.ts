import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../common/request';
import { stellarCyber } from './transport';

/** Cases a "From List" page shows: Stellar has no name search, so a page of the newest is filtered here. */
const CASES_PER_PAGE = 100;

/** The editor's lists for Stellar Cyber, loaded through the node's own request path (login, renewal, errors). */
export const stellarCyberLists = {
	listSearch: {
		async searchCases(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
			const skip = Number(paginationToken ?? 0) || 0;
			const answer = await apiRequest.call(this, stellarCyber, {
				method: 'GET',
				path: '/connect/api/v1/cases',
				qs: { sort: 'created_at', order: 'desc', skip, limit: CASES_PER_PAGE },
			});
			const cases = ((answer.data as IDataObject | undefined)?.cases as IDataObject[] | undefined) ?? [];
			const wanted = (filter ?? '').trim().toLowerCase();
			const results = cases
				.filter((record) => wanted === '' || `${String(record.ticket_id ?? '')} ${String(record.name ?? '')} ${String(record._id)}`.toLowerCase().includes(wanted))
				.map((record) => ({
					name: `#${String(record.ticket_id ?? '?')} ${String(record.name ?? record._id)} (${String(record.status ?? '')}, score ${String(record.score ?? '?')})`,
					value: String(record._id),
				}));
			return { results, paginationToken: cases.length === CASES_PER_PAGE ? String(skip + CASES_PER_PAGE) : undefined };
		},
	},
	loadOptions: {
		/** The platform's users, by the name a case's assignee holds. */
		async getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const answer = await apiRequest.call(this, stellarCyber, { method: 'GET', path: '/connect/api/v1/users' });
			return ((answer.data as IDataObject[] | undefined) ?? [])
				.map((user) => ({ name: `${String(user.user_name)}${user.email ? ` (${String(user.email)})` : ''}`, value: String(user.user_name) }))
				.sort((a, b) => a.name.localeCompare(b.name));
		},
		async getTenants(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const answer = await apiRequest.call(this, stellarCyber, { method: 'GET', path: '/connect/api/v1/tenants' });
			const tenants = (answer.data as IDataObject[] | undefined) ?? [];
			return tenants
				.map((tenant) => ({ name: String(tenant.cust_name ?? tenant.cust_id), value: String(tenant.cust_id) }))
				.sort((a, b) => a.name.localeCompare(b.name));
		},
	},
};
