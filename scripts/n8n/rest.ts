/**
 * The calls n8n's editor makes, through n8n's REST API with the browser's cookie: owner setup, login,
 * the credential test button. Works on 1.123.x and 2.x (both accept the fields sent here).
 */
export class N8nRest {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
		const answer = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), 'browser-id': 'secops-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = answer.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((value) => value.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await answer.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		const data = (parsed as { data?: T })?.data ?? (parsed as T);
		return { status: answer.status, data };
	}

	/** A GET outside /rest (for example /types/nodes.json, the node list the editor loads), with the login cookie. */
	async getJson<T = unknown>(path: string): Promise<T> {
		const answer = await fetch(`${this.baseUrl}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
		if (!answer.ok) throw new Error(`GET ${path}: ${answer.status}`);
		return (await answer.json()) as T;
	}

	/** Creates the owner on a fresh instance (no-op answer 400 when it exists), then logs in. */
	async ownerLogin(owner: { email: string; password: string; firstName: string; lastName: string }): Promise<void> {
		await this.call('POST', '/owner/setup', owner);
		// n8n may answer its settings a moment before its login route exists: a 404 is tried again for 30 s.
		let login = await this.call('POST', '/login', { email: owner.email, emailOrLdapLoginId: owner.email, password: owner.password });
		for (const started = Date.now(); login.status === 404 && Date.now() - started < 30_000; ) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			await this.call('POST', '/owner/setup', owner);
			login = await this.call('POST', '/login', { email: owner.email, emailOrLdapLoginId: owner.email, password: owner.password });
		}
		if (login.status !== 200) throw new Error(`n8n login failed: ${login.status} ${JSON.stringify(login.data).slice(0, 300)}`);
	}

	/** What the credential modal's test does with the data the user typed. */
	async testCredential(credential: { id?: string; name: string; type: string; data: Record<string, unknown> }) {
		const answer = await this.call<{ status: string; message: string }>('POST', '/credentials/test', { credentials: credential });
		if (answer.status !== 200) throw new Error(`credential test request failed: ${answer.status} ${JSON.stringify(answer.data).slice(0, 300)}`);
		return answer.data;
	}
}
