import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { apiList } from '../common/request';
import { DEFAULT_ALERT_INDEX } from './actions/alert/alert-index';
import { EVERY_CASE } from './case-query';
import { dataSearch } from './listings';
import { stellarCyber } from './transport';
import { stellarUsers, userOptions } from './users';

/** Cases a "From List" page shows: Stellar has no name search, so a page of the newest is filtered here. */
const CASES_PER_PAGE = 100;
const ALERTS_PER_PAGE = 100;
/** Stellar's Data Lake answers from + size up to 10,000 without a scroll; the list stops there. */
const ALERT_RESULT_WINDOW = 10_000;

/** What the alert list searches for: the words typed, in the alert's name and hosts, or an alert _id. */
function alertFilter(text: string): IDataObject {
	if (text === '') return { match_all: {} };
	return {
		bool: {
			should: [
				{ ids: { values: [text] } },
				{
					multi_match: {
						query: text,
						fields: [
							'xdr_event.display_name',
							'event_name',
							'dstip_host',
							'srcip_host',
							'srcip',
							'dstip',
						],
					},
				},
			],
			minimum_should_match: 1,
		},
	};
}

/** The editor's lists for Stellar Cyber, loaded through the node's own request path (login, renewal, errors). */
export const stellarCyberMethods = {
	listSearch: {
		/** The newest alerts of the node's Index (a pattern or one index), by name, host and time. */
		async searchAlerts(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			const from = Number(paginationToken ?? 0) || 0;
			const index =
				String(this.getCurrentNodeParameter('index') ?? '').trim() || DEFAULT_ALERT_INDEX;
			const hits = await apiList.call(
				this,
				stellarCyber,
				dataSearch(index, {
					method: 'POST',
					body: {
						query: alertFilter((filter ?? '').trim()),
						from,
						size: ALERTS_PER_PAGE,
						sort: [{ timestamp: { order: 'desc' } }],
					},
				}),
				['hits', 'hits'],
			);
			const next = from + ALERTS_PER_PAGE;
			return {
				results: hits.map((hit) => {
					const alert = (hit._source as IDataObject | undefined) ?? {};
					const event = (alert.xdr_event as IDataObject | undefined) ?? {};
					const time = Number(alert.timestamp);
					const when = Number.isFinite(time) ? new Date(time).toISOString() : '';
					const host = alert.dstip_host ?? alert.dstip ?? '';
					return {
						name: `${String(event.display_name ?? alert.event_name ?? hit._id)}${host ? ` on ${String(host)}` : ''} (${String(alert.event_status ?? '')}, severity ${String(alert.severity ?? '?')}, ${when})`,
						value: String(hit._id),
					};
				}),
				paginationToken:
					hits.length === ALERTS_PER_PAGE && next + ALERTS_PER_PAGE <= ALERT_RESULT_WINDOW
						? String(next)
						: undefined,
			};
		},
		async searchCases(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			const skip = Number(paginationToken ?? 0) || 0;
			const cases = await apiList.call(
				this,
				stellarCyber,
				{
					method: 'GET',
					path: '/connect/api/v1/cases',
					qs: { ...EVERY_CASE, sort: 'created_at', order: 'desc', skip, limit: CASES_PER_PAGE },
				},
				['data', 'cases'],
			);
			const wanted = (filter ?? '').trim().toLowerCase();
			const results = cases
				.filter(
					(record) =>
						wanted === '' ||
						`${String(record.ticket_id ?? '')} ${String(record.name ?? '')} ${String(record._id)}`
							.toLowerCase()
							.includes(wanted),
				)
				.map((record) => ({
					name: `#${String(record.ticket_id ?? '?')} ${String(record.name ?? record._id)} (${String(record.status ?? '')}, score ${String(record.score ?? '?')})`,
					value: String(record._id),
				}));
			return {
				results,
				paginationToken:
					cases.length === CASES_PER_PAGE ? String(skip + CASES_PER_PAGE) : undefined,
			};
		},
	},
	loadOptions: {
		/** The platform's users by email, each with its user_id (what modified_by holds; the assignee's value is inferred to be one too). */
		async getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			return userOptions(await stellarUsers(this));
		},
		async getTenants(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			const tenants = await apiList.call(
				this,
				stellarCyber,
				{ method: 'GET', path: '/connect/api/v1/tenants' },
				['data'],
			);
			return tenants
				.map((tenant) => ({
					name: String(tenant.cust_name ?? tenant.cust_id),
					value: String(tenant.cust_id),
				}))
				.sort((a, b) => a.name.localeCompare(b.name));
		},
	},
};
