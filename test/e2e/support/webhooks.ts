/**
 * n8n answers before it has registered every active workflow's webhook. A GET to a POST-only webhook
 * tells them apart without running the workflow: "Did you mean to make a POST request?" once registered.
 */
export async function webhooksRegistered(
	n8nUrl: string,
	paths: string[],
	timeoutMs = 60_000,
): Promise<void> {
	const started = Date.now();
	for (const path of paths) {
		for (;;) {
			const text = await (await fetch(`${n8nUrl}/webhook/${path}`)).text();
			if (/did you mean/i.test(text)) break;
			if (Date.now() - started > timeoutMs)
				throw new Error(`the webhook ${path} was not registered in time: ${text}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}
