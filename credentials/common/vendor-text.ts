/** Small readers for the places vendors put their error text. */

export function headerText(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	const text = Array.isArray(value) ? value.join(', ') : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/** The first non-empty string among these keys of an object body; in a nested object, its message or (Elasticsearch's) reason. */
export function bodyText(body: unknown, ...keys: string[]): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	for (const key of keys) {
		const value = (body as Record<string, unknown>)[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const nested = bodyText(value, 'message', 'reason');
			if (nested) return nested;
		}
	}
	return undefined;
}
