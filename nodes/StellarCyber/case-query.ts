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

/**
 * Without a created_at bound the case list may answer the last 24 hours only (DSBrit0/stellarcyber-poc-report's
 * notes, from Stellar's API description and live checks; docs/provenance/stellar-cyber.md M9): every case read
 * states its lower bound, the start of time unless a filter or a walk sets a later one.
 */
export const EVERY_CASE = { 'FROM~created_at': 0 } as const;

/** GET /connect/api/v1/cases query parameters for the filters (with the explicit lower bound above). */
export function caseQuery(filters: CaseFilters): IDataObject {
	const query: IDataObject = { ...EVERY_CASE };
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
