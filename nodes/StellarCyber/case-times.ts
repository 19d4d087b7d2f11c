import type { IDataObject } from 'n8n-workflow';

/** Epoch milliseconds after 2001-09-09: Stellar's *_at fields; smaller numbers are not times. */
const EPOCH_MS_FLOOR = 1e12;

/**
 * The case with each epoch-milliseconds time (created_at, modified_at, …) also as an ISO date beside it
 * (created_at_iso), for people and for n8n's date handling; the raw fields stay as Stellar sent them.
 */
export function withReadableTimes(record: IDataObject): IDataObject {
	const readable: IDataObject = { ...record };
	for (const [key, value] of Object.entries(record)) {
		if (key.endsWith('_at') && typeof value === 'number' && value >= EPOCH_MS_FLOOR)
			readable[`${key}_iso`] = new Date(value).toISOString();
	}
	return readable;
}
