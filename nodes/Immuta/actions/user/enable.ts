import { accountState } from './account-state';

export const enableUser = accountState(false);
