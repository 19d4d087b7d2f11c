import type { IDataObject } from 'n8n-workflow';

/** Which cases to list, in the words of the case list and the trigger. */
export interface CaseFilters {
	tenantId?: string;
	statuses?: string[];
	minScore?: number;
	tags?: string[];
	/** Cases with none of these tags (e.g. the tag an automation sets on the cases it has handled). */
	withoutTags?: string[];
	/** Cases last changed by someone else than these users (user ids), so an automation does not wake up on its own updates. */
	notModifiedBy?: string[];
}

/** GET /connect/api/v1/cases query parameters for the filters (empty filters send nothing). */
export function caseQuery(filters: CaseFilters): IDataObject {
	const query: IDataObject = {};
	if (filters.tenantId) query.tenantid = filters.tenantId;
	if (filters.statuses?.length) query.status = filters.statuses.join(',');
	// The vendor's tools filter by minimum score with FROM~score; the platform ignores min_score.
	if (filters.minScore) query['FROM~score'] = filters.minScore;
	if (filters.tags?.length) query.tags = filters.tags.join(',');
	// The spelling of Stellar's own sync tools for "not": NOT~<field>.
	if (filters.withoutTags?.length) query['NOT~tags'] = filters.withoutTags.join(',');
	if (filters.notModifiedBy?.length) query['NOT~modified_by'] = filters.notModifiedBy.join(',');
	return query;
}
