import type { IDataObject } from 'n8n-workflow';

/** Which cases to list, in the words of the case list and the trigger. */
export interface CaseFilters {
	tenantId?: string;
	statuses?: string[];
	minScore?: number;
	tags?: string[];
}

/** GET /connect/api/v1/cases query parameters for the filters (empty filters send nothing). */
export function caseQuery(filters: CaseFilters): IDataObject {
	const query: IDataObject = {};
	if (filters.tenantId) query.tenantid = filters.tenantId;
	if (filters.statuses?.length) query.status = filters.statuses.join(',');
	if (filters.minScore) query.min_score = filters.minScore;
	if (filters.tags?.length) query.tags = filters.tags.join(',');
	return query;
}
