import type { IDataObject } from 'n8n-workflow';

/**
 * A UTMStack record's id, read one way everywhere (listings, walks, triggers, editor lists): incidents, notes,
 * users, alerts and logs carry `id`; OpenSearch's `_id` stands in for a document that has none.
 */
export function utmStackId(record: IDataObject): string {
	return String(record.id ?? record._id);
}
