import type { IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * The body of an answer that must be JSON. n8n hands over the raw text when the body does not parse
 * (or was not labelled JSON): parse it here, and fail on an empty or broken one.
 */
export function jsonBody(
	node: INode,
	platform: string,
	response: IN8nHttpFullResponse,
	itemIndex: number,
): unknown {
	const body = response.body;
	if (typeof body !== 'string' && body !== undefined && body !== null) return body;
	const text = typeof body === 'string' ? body.trim() : '';
	const fail = (what: string) => {
		const message = `${platform} sent ${what} where a JSON answer was expected (HTTP ${response.statusCode})`;
		const description =
			'The answer may have been cut off, or a proxy in front of the platform answered instead. Try again; if it persists, check the base URL and the proxy.';
		return new NodeApiError(node, { message, description } as JsonObject, {
			message,
			description,
			itemIndex,
		});
	};
	if (text === '') throw fail('an empty answer');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw fail('an answer that is not valid JSON');
	}
}
