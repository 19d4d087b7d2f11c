import { groupMembership } from './group-membership';

export const addUserToGroup = groupMembership(true);
