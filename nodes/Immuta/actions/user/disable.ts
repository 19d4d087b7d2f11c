import { accountState } from './account-state';

export const disableUser = accountState(true);
