import { isTimeoutFailure } from '../../credentials/common/transport-failure';

/** What a failed request leaves behind, as far as the nodes read it. */
interface HttpFailure {
	message?: string;
	code?: string;
}

/**
 * Every failure n8n wrapped around a failed request (a login refused in the credential's hook included), outermost first. n8n keeps the original under
 * `cause` (2.x) or `errorResponse` (1.x); matched by shape, not class, because the package may load its
 * own copy of n8n-workflow.
 */
export function failureChain(error: unknown): Array<HttpFailure & Record<string, unknown>> {
	const chain: Array<HttpFailure & Record<string, unknown>> = [];
	let current = error as (HttpFailure & Record<string, unknown>) | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		chain.push(current);
		current = (current.cause ?? current.errorResponse) as typeof current;
	}
	return chain;
}

/** The innermost message: what the network layer said. */
export function innermostMessage(error: unknown): string | undefined {
	return failureChain(error)
		.map((failure) => failure.message)
		.filter((message): message is string => typeof message === 'string' && message !== '')
		.at(-1);
}

export function isTimeout(error: unknown): boolean {
	return failureChain(error).some(isTimeoutFailure);
}
