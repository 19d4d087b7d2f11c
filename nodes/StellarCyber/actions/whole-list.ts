import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit, wantedOf } from '../../common/fields';
import type { Operation } from '../../common/operations';
import { apiRequest } from '../../common/request';
import { stellarCyber } from '../transport';

/** A list Stellar answers whole, under `data` (tenants, users, connectors, sensors): no paging to do. */
export function wholeList(path: string, option: Operation['option'], toolDescription: string): Operation {
	return {
		option,
		toolDescription,
		fields: returnAllOrLimit(),
		async execute(itemIndex) {
			const answer = await apiRequest.call(this, stellarCyber, { method: 'GET', path: `/connect/api/v1/${path}` }, itemIndex);
			return wantedOf(this, itemIndex, (answer.data as IDataObject[] | undefined) ?? []);
		},
	};
}
