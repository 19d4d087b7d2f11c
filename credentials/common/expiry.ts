/** Where a login answer says when its token expires, as vendors write it. */

export function expiryFromJwt(token: string): Date | undefined {
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
			exp?: unknown;
		};
		return expiryFromEpochSeconds(claims.exp);
	} catch {
		return undefined;
	}
}

export function expiryFromEpochSeconds(value: unknown): Date | undefined {
	const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
	return new Date(seconds * 1000);
}

export function expiryFromIso(value: unknown): Date | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date;
}
