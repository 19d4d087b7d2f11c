import { OWNER } from '../../../scripts/n8n/instance';
import type { E2eEnvironment } from './environment';

/**
 * A type list n8n's editor loads (/types/nodes.json, /types/credentials.json). They are written while n8n
 * finishes starting: ask until they are served. n8n 1.123 once answered 401 for 30 s after a successful
 * login (CI): log in again between tries.
 */
export async function listedTypes(
	env: E2eEnvironment,
	path: string,
): Promise<Array<{ name: string; supportedNodes?: string[] }>> {
	let lastError: unknown;
	for (let attempt = 0; attempt < 60; attempt++) {
		try {
			return await env.rest.getJson<Array<{ name: string; supportedNodes?: string[] }>>(path);
		} catch (error) {
			lastError = error;
			await new Promise((resolve) => setTimeout(resolve, 1000));
			if (String(error).endsWith(': 401') && attempt % 5 === 4) await env.rest.ownerLogin(OWNER);
		}
	}
	throw lastError;
}
