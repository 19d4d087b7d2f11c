import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeListSearchItems,
} from 'n8n-workflow';

import { listAt, numberAt, recordAt } from '../common/answer-parts';
import { apiRead } from '../common/request';
import { BY_NAME, NAME_ONLY } from './listings';
import { immuta } from './transport';

const PER_PAGE = 50;

/**
 * One "From List" page of an Immuta list answered {hits, count} and paged by offset: `query` narrows it, `entry`
 * names each hit in the list; the next page is offered while a full page leaves some of the count.
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	query: IDataObject,
	entry: (hit: IDataObject) => INodeListSearchItems,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const request = { method: 'GET' as const, path, qs: { size: PER_PAGE, offset, ...query } };
	// each hit named inside the read, so a hit without what its entry needs fails as an unreadable answer
	const answer = await apiRead.call(context, immuta, request, (body) => {
		const hits = listAt(body, ['hits']);
		return {
			results: hits.map(entry),
			full: hits.length === PER_PAGE,
			count: numberAt(body, ['count']),
		};
	});
	const count = Number(answer.count);
	return {
		results: answer.results as INodeListSearchItems[],
		paginationToken:
			answer.full === true && (!Number.isFinite(count) || offset + PER_PAGE < count)
				? String(offset + PER_PAGE)
				: undefined,
	};
}

/** A record named by its name and id, picked by its id (data sources, projects, groups). */
const byNameAndId = (hit: IDataObject) => ({
	name: `${String(hit.name ?? hit.id)} (${String(hit.id)})`,
	value: String(hit.id),
});

/** A catalog (data sources, projects) searched by name: searchText with nameOnly, in name order. */
const catalogQuery = (filter?: string): IDataObject => {
	const searchText = (filter ?? '').trim();
	return { ...BY_NAME, ...(searchText ? { searchText, ...NAME_ONLY } : {}) };
};

/** Users and groups are searched with `name` (Immuta's API description declares no searchText there). */
const nameQuery = (filter?: string): IDataObject => {
	const name = (filter ?? '').trim();
	return name ? { name } : {};
};

/** The editor's lists for Immuta, loaded through the node's own request path (login, renewal, errors). */
export const immutaMethods = {
	listSearch: {
		async searchDataSources(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			return await searchPage(
				this,
				'/dataSource',
				catalogQuery(filter),
				byNameAndId,
				paginationToken,
			);
		},
		async searchProjects(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			return await searchPage(this, '/project', catalogQuery(filter), byNameAndId, paginationToken);
		},
		/** Users, disabled ones too, with their IAM; picked by their user ID (the sign-in name). */
		async searchUsers(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			return await searchPage(
				this,
				'/bim/user',
				{ includeDisabled: true, ...nameQuery(filter) },
				(hit) => {
					// a user's name is its profile's (Immuta's Model46): a hit without one fails the list loudly
					const profile = recordAt(hit, ['profile']);
					const disabled = hit.disabled === true ? ', disabled' : '';
					return {
						name: `${String(profile.name ?? hit.userid)} (${String(hit.userid)}, IAM ${String(hit.iamid)}${disabled})`,
						value: String(hit.userid),
					};
				},
				paginationToken,
			);
		},
		async searchGroups(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			return await searchPage(
				this,
				'/bim/group',
				{ ...BY_NAME, ...nameQuery(filter) },
				byNameAndId,
				paginationToken,
			);
		},
	},
};
