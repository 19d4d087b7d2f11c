import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiList, type RequestContext } from '../common/request';
import { stellarCyber } from './transport';

/**
 * Stellar's users as its own sync tools read them: GET /users -> {data: [{user_id, email, ...}]}
 * (jira-case-sync get_user, halopsa-ticket-sync getUserByEmail). A case's modified_by holds a user_id.
 */
export async function stellarUsers(context: RequestContext, itemIndex = 0): Promise<IDataObject[]> {
	return await apiList.call(
		context,
		stellarCyber,
		{ method: 'GET', path: '/connect/api/v1/users' },
		['data'],
		itemIndex,
	);
}

export function userOptions(users: IDataObject[]): INodePropertyOptions[] {
	return users
		.map((user) => ({ name: String(user.email ?? user.user_id), value: String(user.user_id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The user ids for users given by id or by email (what a person types), as NOT~modified_by takes them.
 * A user the platform does not have fails the node: a filter on nobody would let every case through.
 */
export async function userIdsFor(
	context: RequestContext,
	given: string[],
	itemIndex: number,
): Promise<string[]> {
	if (given.length === 0) return [];
	const users = await stellarUsers(context, itemIndex);
	return given.map((wanted) => {
		const user = users.find(
			(candidate) =>
				candidate.user_id === wanted ||
				String(candidate.email ?? '').toLowerCase() === wanted.toLowerCase(),
		);
		if (!user) {
			throw new NodeOperationError(context.getNode(), `Stellar Cyber has no user "${wanted}"`, {
				itemIndex,
				description:
					'Not Last Modified By takes users by email or user ID, as the platform lists them (Stellar Cyber > User > Get Many).',
			});
		}
		return String(user.user_id);
	});
}
