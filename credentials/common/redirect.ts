/**
 * Where a redirect points, as told to a user: the origin of an absolute Location, "another path of the same
 * server" for a relative one, "another address" when there is none. Never the path or query, which may hold
 * a token. Requests carry secrets, so a redirect is reported with this, never followed.
 */
export function redirectTarget(location: unknown): string {
	if (typeof location !== 'string' || location === '') return 'another address';
	try {
		return new URL(location, 'http://relative.invalid').origin.replace(
			'http://relative.invalid',
			'another path of the same server',
		);
	} catch {
		return 'another address';
	}
}
