import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { numberedPages } from '../common/page-strategies';
import { collectPages } from '../common/paginate';
import type { RequestContext } from '../common/request';
import { utmStack } from './transport';
import { utmStackId } from './record-id';

/** Spring's page clamp (no max-page-size is set in UTMStack). */
const USERS_PAGE = 2000;

/**
 * GET /api/users (UserResource, administrators only): id, login, names, activated. A Spring page with
 * X-Total-Count, read page by page, so a SOC with more users than one page holds gets them all.
 */
export async function utmStackUsers(
	context: RequestContext,
	itemIndex = 0,
): Promise<IDataObject[]> {
	return await collectPages.call(
		context,
		utmStack,
		numberedPages({
			request: { method: 'GET', path: '/api/users', qs: { sort: 'id,asc' } },
			pageParam: 'page',
			sizeParam: 'size',
			firstPage: 0,
			maxPageSize: USERS_PAGE,
			totalHeader: 'x-total-count',
			idField: utmStackId,
		}),
		undefined,
		itemIndex,
	);
}

/**
 * The user ids an incident's assignee takes, for users given by id (picked from the list) or by login (typed,
 * or saved by an earlier version of the node, which sent logins UTMStack cannot parse).
 */
export async function userIdsFor(
	context: RequestContext,
	given: string[],
	itemIndex: number,
): Promise<string[]> {
	if (given.every((value) => /^\d+$/.test(value))) return given;
	const users = await utmStackUsers(context, itemIndex);
	return given.map((wanted) => {
		if (/^\d+$/.test(wanted)) return wanted;
		const user = users.find(
			(candidate) => String(candidate.login).toLowerCase() === wanted.toLowerCase(),
		);
		if (!user) {
			throw new NodeOperationError(context.getNode(), `UTMStack has no user "${wanted}"`, {
				itemIndex,
				description:
					'The assignee is a UTMStack user, picked from the list or given by login or user ID.',
			});
		}
		return utmStackId(user);
	});
}
