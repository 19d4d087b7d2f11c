import type { PageRead } from './paginate';

/**
 * The boundary check every paging by position shares (offsetPages, and timeWalkPages inside a tie). Each page after
 * the first starts one record early, at the last record of the page before: a listing that did not move starts
 * the page with a record read already. One that starts with a record never read means records were removed ahead
 * of the read (the listing moved back), so records between would be skipped in silence: the page is read again
 * from a page earlier, until it starts at a record read already, or the listing is changing faster than it can be
 * read and the read fails.
 */

/** The records pages overlap by: one, where pages can start anywhere; none for pages of one record (they could not move on). */
export function pageOverlap(size: number, anyStart = true): 0 | 1 {
	return anyStart && size > 1 ? 1 : 0;
}

/** Where the next page starts: at the last record of this one (the overlap). */
export function nextStart(position: number, received: number, overlap: 0 | 1): number {
	return position + received - overlap;
}

/** True when a page's first record shows the listing moved back under its boundary (see above). */
export function movedBack(position: number, overlap: 0 | 1, startsAtRecordRead: boolean): boolean {
	return position > 0 && overlap > 0 && !startsAtRecordRead;
}

/** The page read again a page earlier, with nothing taken from this one; `giveUp` (the read's own limit) fails it instead. */
export function readAgainEarlier<Cursor>(
	position: number,
	size: number,
	overlap: 0 | 1,
	received: number,
	giveUp: Error | undefined,
	at: (position: number) => Cursor,
): PageRead<Cursor> {
	if (giveUp) throw giveUp;
	return {
		items: [],
		next: at(Math.max(0, position - (size - overlap))),
		received,
		rewound: true,
		pageIds: [],
	};
}
