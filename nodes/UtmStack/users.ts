import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiList, type RequestContext } from '../common/request';
import { utmStack } from './transport';
import { utmStackId } from './record-id';

/** Spring's page clamp (no max-page-size is set in UTMStack): one page holds every user of a SOC. */
const USERS_PAGE = 2000;

/** GET /api/users (UserResource, administrators only): id, login, names, activated. */
export async function utmStackUsers(
	context: RequestContext,
	itemIndex = 0,
): Promise<IDataObject[]> {
	return await apiList.call(
		context,
		utmStack,
		{ method: 'GET', path: '/api/users', qs: { page: 0, size: USERS_PAGE } },
		[],
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
