/** Longer than any real address; a longer one is refused before any parsing. */
export const MAX_BASE_URL_LENGTH = 2048;

function withoutTrailingSlashes(text: string): string {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 47) end--;
	return text.slice(0, end);
}

/**
 * The base URL (scheme, host, port and path, without trailing slashes), or undefined when it is not a
 * plain http(s) address: too long, unparsable, or carrying a user, password, query or fragment, which
 * would go with every request. Linear in the length of the text.
 */
export function parseBaseUrl(raw: unknown): string | undefined {
	if (typeof raw !== 'string' || raw.length > MAX_BASE_URL_LENGTH) return undefined;
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return undefined;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	if (
		url.username !== '' ||
		url.password !== '' ||
		url.search !== '' ||
		url.hash !== '' ||
		url.hostname === ''
	)
		return undefined;
	return url.origin + withoutTrailingSlashes(url.pathname);
}

/** Why a base URL was refused, without echoing it: it may hold a password, and is typed by whoever edits the credential. */
export function baseUrlProblem(platform: string, raw: unknown, example: string) {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '')
		return {
			message: `The ${platform} base URL is empty`,
			description: `Enter the address of ${platform}, for example ${example}`,
		};
	if (raw !== undefined && String(raw).length > MAX_BASE_URL_LENGTH) {
		return {
			message: `The ${platform} base URL is longer than ${MAX_BASE_URL_LENGTH} characters`,
			description: `Enter the address of ${platform}, for example ${example}`,
		};
	}
	return {
		message: `The ${platform} base URL is not a web address n8n can use`,
		description: `Enter the address with http:// or https:// and without a user, password, query or #fragment, for example ${example}`,
	};
}

/** The address without user info or query, safe to show in an error. */
export function displayUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
	} catch {
		return '(an address that is not a URL)';
	}
}
