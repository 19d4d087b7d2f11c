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

/** The answer's body as an object: a JSON text parsed (a problem+json body may reach us unparsed), else undefined. */
export function bodyObject(body: unknown): Record<string, unknown> | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body))
		return body as Record<string, unknown>;
	if (typeof body !== 'string' || !body.trimStart().startsWith('{')) return undefined;
	try {
		const parsed: unknown = JSON.parse(body);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** The non-empty strings of a list, trimmed. */
export function texts(values: unknown): string[] {
	return Array.isArray(values)
		? values
				.filter((value): value is string => typeof value === 'string' && value.trim() !== '')
				.map((value) => value.trim())
		: [];
}

/** A text, or undefined when it is not a non-empty string. */
export function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
