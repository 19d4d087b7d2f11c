import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listAt, numberAt } from '../common/answer-parts';
import { apiRead } from '../common/request';
import { BY_NAME, NAME_ONLY } from './listings';
import { immuta } from './transport';

const PER_PAGE = 50;

/** One "From List" page of an Immuta catalog searched by name (data sources, projects). */
async function searchCatalog(
	context: ILoadOptionsFunctions,
	path: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const searchText = (filter ?? '').trim();
	const request = {
		method: 'GET' as const,
		path,
		qs: { size: PER_PAGE, offset, ...BY_NAME, ...(searchText ? { searchText, ...NAME_ONLY } : {}) },
	};
	const answer = await apiRead.call(context, immuta, request, (body) => ({
		hits: listAt(body, ['hits']),
		count: numberAt(body, ['count']),
	}));
	const hits = answer.hits as IDataObject[];
	const count = Number(answer.count);
	return {
		results: hits.map((hit) => ({
			name: `${String(hit.name ?? hit.id)} (${String(hit.id)})`,
			value: String(hit.id),
		})),
		paginationToken:
			hits.length === PER_PAGE && (!Number.isFinite(count) || offset + PER_PAGE < count)
				? String(offset + PER_PAGE)
				: undefined,
	};
}

/** One "From List" page of users (disabled ones too) or groups, searched by name: value the user ID or group ID. */
async function searchPeople(
	context: ILoadOptionsFunctions,
	kind: 'users' | 'groups',
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const name = (filter ?? '').trim();
	const request = {
		method: 'GET' as const,
		path: kind === 'users' ? '/bim/user' : '/bim/group',
		qs: {
			size: PER_PAGE,
			offset,
			...(kind === 'users' ? { includeDisabled: true } : BY_NAME),
			...(name ? { name } : {}),
		},
	};
	const answer = await apiRead.call(context, immuta, request, (body) => ({
		hits: listAt(body, ['hits']),
		count: numberAt(body, ['count']),
	}));
	const hits = answer.hits as IDataObject[];
	const count = Number(answer.count);
	return {
		results: hits.map((hit) => {
			if (kind === 'groups')
				return { name: `${String(hit.name ?? hit.id)} (${String(hit.id)})`, value: String(hit.id) };
			const profile = (hit.profile ?? {}) as IDataObject;
			const disabled = hit.disabled === true ? ', disabled' : '';
			return {
				name: `${String(profile.name ?? hit.userid)} (${String(hit.userid)}, IAM ${String(hit.iamid)}${disabled})`,
				value: String(hit.userid),
			};
		}),
		paginationToken:
			hits.length === PER_PAGE && offset + PER_PAGE < count ? String(offset + PER_PAGE) : undefined,
	};
}

/** The editor's lists for Immuta, loaded through the node's own request path (login, renewal, errors). */
export const immutaMethods = {
	listSearch: {
		async searchDataSources(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			return await searchCatalog(this, '/dataSource', filter, paginationToken);
		},
		async searchProjects(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			return await searchCatalog(this, '/project', filter, paginationToken);
		},
		async searchUsers(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			return await searchPeople(this, 'users', filter, paginationToken);
		},
		async searchGroups(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			return await searchPeople(this, 'groups', filter, paginationToken);
		},
	},
};
