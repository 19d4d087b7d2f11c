import { NodeOperationError } from 'n8n-workflow';

import {
	allowAgentsField,
	CONTAINMENT_TOOL_NOTE,
	refuseUnlessAgentsAllowed,
} from '../../../common/agent-tool';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { immuta } from '../../transport';
import { findUser, userFields, userPath, userSummary } from './who';

/**
 * Disable or enable a user: PUT /bim/iam/{iamid}/user/{userid}/disable/{true|false} (Immuta's API description,
 * no body). The user is read first, so a user already in that state is left alone and the item says so.
 */
export function accountState(disable: boolean): Operation {
	const verb = disable ? 'Disable' : 'Enable';
	return {
		option: {
			name: verb,
			value: disable ? 'disable' : 'enable',
			action: `${verb} a user`,
			description: disable
				? 'Stop a user from signing in to Immuta and querying data (Enable reverses it)'
				: 'Let a disabled user sign in to Immuta again',
		},
		toolDescription: `${verb} an Immuta user, named by its identity manager (IAM, bim for Immuta's own) and user ID (the sign-in name, often an email). Returns the user and whether anything changed (a user already ${disable ? 'disabled' : 'enabled'} is left as it is). ${CONTAINMENT_TOOL_NOTE}`,
		fields: [...userFields, allowAgentsField],
		async execute(itemIndex) {
			refuseUnlessAgentsAllowed(this, itemIndex, `${verb} User`);
			const user = await findUser(this, itemIndex);
			const was = user.record.disabled;
			if (typeof was !== 'boolean')
				throw new NodeOperationError(
					this.getNode(),
					`Immuta listed the user "${user.userid}" without saying whether it is disabled`,
					{ itemIndex },
				);
			const changed = was !== disable;
			if (changed)
				await apiRequest.call(
					this,
					immuta,
					{
						method: 'PUT',
						path: `${userPath(user)}/disable/${disable}`,
						expectsJson: false,
						about: `user ${user.userid}`,
					},
					itemIndex,
				);
			return { ...userSummary(user), disabled: disable, changed };
		},
	};
}
