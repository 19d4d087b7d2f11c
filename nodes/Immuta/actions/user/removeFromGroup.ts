import { groupMembership } from './group-membership';

export const removeUserFromGroup = groupMembership(false);
