/** What a failed request leaves behind, as far as the nodes read it. */
export interface HttpFailure {
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	message?: string;
	code?: string;
	httpCode?: string | null;
}

/**
 * Every failure n8n wrapped around a failed request, outermost first. n8n keeps the original under
 * `cause` (2.x) or `errorResponse` (1.x); matched by shape, not class, because the package may load its
 * own copy of n8n-workflow.
 */
function failureChain(error: unknown): HttpFailure[] {
	const chain: HttpFailure[] = [];
	let current = error as (HttpFailure & { cause?: unknown; errorResponse?: unknown }) | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		chain.push(current);
		current = (current.cause ?? current.errorResponse) as typeof current;
	}
	return chain;
}

/** The HTTP answer of a failed request (status, body, headers), or undefined when there was none. */
export function failedAnswer(error: unknown): HttpFailure['response'] | undefined {
	const chain = failureChain(error);
	const withAnswer = chain.find((failure) => failure.response?.status);
	if (withAnswer) return withAnswer.response;
	// Some n8n versions keep only the status code.
	const status = Number(chain.find((failure) => failure.httpCode)?.httpCode);
	return Number.isInteger(status) && status >= 400 ? { status } : undefined;
}

/** The innermost message: what the network layer said. */
export function innermostMessage(error: unknown): string | undefined {
	return failureChain(error)
		.map((failure) => failure.message)
		.filter((message): message is string => typeof message === 'string' && message !== '')
		.at(-1);
}

export function isTimeout(error: unknown): boolean {
	return failureChain(error).some(
		({ code, message }) => code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout of \d+ms exceeded/i.test(String(message ?? '')),
	);
}
