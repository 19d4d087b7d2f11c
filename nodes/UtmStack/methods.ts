import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { numberedPages } from '../common/page-strategies';
import { collectPages } from '../common/paginate';
import { apiList } from '../common/request';
import { searchIndexFields, searchSortFields } from './search/index-fields';
import { ALERT_INDEXES, LOG_INDEXES, newestAlerts } from './search/listings';
import { utmStack } from './transport';
import { utmStackUsers } from './users';
import { utmStackId } from './record-id';

const INCIDENTS_PER_PAGE = 50;
const ALERTS_PER_PAGE = 50;
/** A page of index patterns, well within Spring's clamp of 2,000. */
const MAX_PAGE = 1000;

/** The editor's lists for UTMStack, loaded through the node's own request path (login, renewal, errors). */
export const utmStackMethods = {
	listSearch: {
		searchIndexFields,
		searchSortFields,
		/** The newest alerts, or those whose name contains the text typed. */
		async searchAlerts(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			const page = Number(paginationToken ?? 1) || 1;
			const name = (filter ?? '').trim();
			const alerts = await apiList.call(
				this,
				utmStack,
				newestAlerts(page, ALERTS_PER_PAGE, name),
				[],
			);
			return {
				results: alerts.map((alert) => ({
					name: `${String(alert.name ?? alert.id)} (${String(alert.severityLabel ?? alert.severity ?? '')}, ${String(alert['@timestamp'] ?? '')})`,
					value: utmStackId(alert),
				})),
				paginationToken: alerts.length === ALERTS_PER_PAGE ? String(page + 1) : undefined,
			};
		},
		async searchIncidents(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			const page = Number(paginationToken ?? 0) || 0;
			const name = (filter ?? '').trim();
			const incidents = await apiList.call(
				this,
				utmStack,
				{
					method: 'GET',
					path: '/api/utm-incidents',
					qs: {
						sort: 'id,desc',
						page,
						size: INCIDENTS_PER_PAGE,
						...(name ? { 'incidentName.contains': name } : {}),
					},
				},
				[],
			);
			return {
				results: incidents.map((incident) => ({
					name: `#${String(incident.id)} ${String(incident.incidentName ?? '')} (${String(incident.incidentStatus ?? '')})`,
					value: utmStackId(incident),
				})),
				paginationToken: incidents.length === INCIDENTS_PER_PAGE ? String(page + 1) : undefined,
			};
		},
	},
	loadOptions: {
		/**
		 * UTMStack's users by name and login, each with its user id: an incident's assignee holds user ids
		 * (UtmIncidentQueryService parses incidentAssignedTo as comma-separated numbers). An administrator's list.
		 */
		async getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			return (await utmStackUsers(this))
				.filter((user) => user.activated !== false)
				.map((user) => ({
					name: `${[user.firstName, user.lastName].filter(Boolean).join(' ')} (${String(user.login)})`,
					value: utmStackId(user),
				}))
				.sort((a, b) => a.name.localeCompare(b.name));
		},
		/** The active index patterns, as UTMStack's own screen lists them (isActive.equals=true; the answer's key is `active`). */
		async getIndexPatterns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
			// a Spring page with X-Total-Count: read page by page, so no pattern is cut off
			const patterns = await collectPages.call(
				this,
				utmStack,
				numberedPages({
					request: {
						method: 'GET',
						path: '/api/utm-index-patterns',
						qs: { 'isActive.equals': true, sort: 'id,asc' },
					},
					pageParam: 'page',
					sizeParam: 'size',
					firstPage: 0,
					maxPageSize: MAX_PAGE,
					totalHeader: 'x-total-count',
					idField: (pattern) => String(pattern.id ?? pattern.pattern),
				}),
				undefined,
			);
			// an alert search (and the trigger) lists alert patterns, a log search the others; each starts with the
			// node's default, both releases' patterns at once
			const forLogs = this.getCurrentNodeParameter('resource') === 'log';
			const isAlertPattern = (pattern: string) => /(^|[-,])alert-/.test(pattern);
			const listed = patterns
				.filter((pattern) => pattern.active !== false && typeof pattern.pattern === 'string')
				.filter((pattern) => isAlertPattern(String(pattern.pattern)) !== forLogs)
				.map((pattern) => ({
					name: String(pattern.pattern),
					value: String(pattern.pattern),
					description: String(pattern.patternModule ?? ''),
				}));
			const everything = forLogs ? LOG_INDEXES : ALERT_INDEXES;
			return [
				{
					name: forLogs ? 'All Logs (UTMStack 10 and 11)' : 'All Alerts (UTMStack 10 and 11)',
					value: everything,
					description: everything,
				},
				...listed.filter((option) => option.value !== everything),
			];
		},
	},
};
