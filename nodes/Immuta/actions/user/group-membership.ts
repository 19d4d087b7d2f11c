import type { IDataObject } from 'n8n-workflow';

import {
	allowAgentsField,
	CONTAINMENT_TOOL_NOTE,
	refuseUnlessAgentsAllowed,
} from '../../../common/agent-tool';
import { listAt, numberAt, recordAt } from '../../../common/answer-parts';
import type { Operation } from '../../../common/operations';
import { apiList, apiRead, apiRequest } from '../../../common/request';
import { immuta } from '../../transport';
import { groupIdFields, recordId } from '../record-id';
import { findUser, userFields, userPath, userSummary } from './who';

/**
 * Add a user to a group or remove one, as Immuta's Terraform provider does (POST /bim/group/{groupId}/user
 * {userid, iamid}; DELETE /bim/group/{groupId}/user/{membership id}). The user's groups are read first
 * (GET /bim/iam/{iamid}/user/{userid}/groups: {id, name, groupUser}), which gives the membership id and leaves
 * a user already in (or already out of) the group alone.
 */
export function groupMembership(add: boolean): Operation {
	const what = add ? 'Add User to Group' : 'Remove User From Group';
	return {
		option: add
			? {
					name: 'Add to Group',
					value: 'addToGroup',
					action: 'Add a user to a group',
					description:
						'Make a user a member of an Immuta group (and so give it what the group may see)',
				}
			: {
					name: 'Remove From Group',
					value: 'removeFromGroup',
					action: 'Remove a user from a group',
					description: "End a user's membership of an Immuta group (and the access it gave)",
				},
		toolDescription: `${add ? 'Add an Immuta user to' : 'Remove an Immuta user from'} a group, the user named by its identity manager (IAM, bim for Immuta's own) and user ID, the group by its numeric ID. Returns the user, the group and whether anything changed (a user already ${add ? 'in' : 'out of'} the group is left as it is). ${CONTAINMENT_TOOL_NOTE}`,
		fields: [...userFields, ...groupIdFields, allowAgentsField],
		async execute(itemIndex) {
			refuseUnlessAgentsAllowed(this, itemIndex, what);
			const groupId = recordId(this, itemIndex, 'groupId', 'Group ID');
			const user = await findUser(this, itemIndex);
			const groups = await apiList.call(
				this,
				immuta,
				{ method: 'GET', path: `${userPath(user)}/groups`, about: `user ${user.userid}` },
				(body) =>
					listAt(body, []).map((group) => ({
						id: numberAt(group, ['id']),
						name: group.name,
						groupUser: numberAt(group, ['groupUser']),
					})),
				itemIndex,
			);
			const held = groups.find((group) => String(group.id) === groupId);
			const result: IDataObject = { ...userSummary(user), groupId: Number(groupId) };
			if (add) {
				if (held) return { ...result, groupName: held.name, member: true, changed: false };
				const membership = await apiRead.call(
					this,
					immuta,
					{
						method: 'POST',
						path: `/bim/group/${groupId}/user`,
						body: { userid: user.userid, iamid: user.iamid },
						about: `group ${groupId}`,
					},
					(body) => ({ id: numberAt(recordAt(body, []), ['id']) }),
					itemIndex,
				);
				return { ...result, member: true, membershipId: membership.id, changed: true };
			}
			if (!held) return { ...result, member: false, changed: false };
			const membershipId = Number(held.groupUser);
			await apiRequest.call(
				this,
				immuta,
				{
					method: 'DELETE',
					path: `/bim/group/${groupId}/user/${membershipId}`,
					expectsJson: false,
					about: `membership ${membershipId} of group ${groupId}`,
				},
				itemIndex,
			);
			return { ...result, groupName: held.name, member: false, membershipId, changed: true };
		},
	};
}
