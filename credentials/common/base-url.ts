/** The base URL without trailing slashes, or undefined when it is not an http(s) address. */
export function parseBaseUrl(raw: unknown): string | undefined {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (!/^https?:\/\/[^/\s?#]+/i.test(value)) return undefined;
	return value.replace(/\/+$/, '');
}

export function baseUrlProblem(platform: string, raw: unknown, example: string) {
	const shown = typeof raw === 'string' && raw.trim() !== '' ? `"${raw.trim()}"` : 'empty';
	return {
		message: `The ${platform} base URL is ${shown}, which is not a web address`,
		description: `Enter the address with its scheme, for example ${example}`,
	};
}

/** The address without user info or query, safe to show in an error. */
export function displayUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
	} catch {
		return url;
	}
}
