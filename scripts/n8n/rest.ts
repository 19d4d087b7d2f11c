/**
 * The calls n8n's editor makes, through n8n's REST API with the browser's cookie: owner setup, login,
 * the credential test button. Works on 1.123.x and 2.x (both accept the fields sent here).
 */
export class N8nRest {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async call<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; data: T }> {
		const answer = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
				'browser-id': 'secops-e2e',
			},
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
		const answer = await fetch(`${this.baseUrl}${path}`, {
			headers: this.cookie ? { cookie: this.cookie } : {},
		});
		if (!answer.ok) throw new Error(`GET ${path}: ${answer.status}`);
		return (await answer.json()) as T;
	}

	/** Creates the owner on a fresh instance (no-op answer 400 when it exists), then logs in. */
	async ownerLogin(owner: {
		email: string;
		password: string;
		firstName: string;
		lastName: string;
	}): Promise<void> {
		// n8n may answer its settings a moment before its owner and login routes exist (seen as a 404 on either,
		// or a 401 on a login that came before the owner was set up): both are tried again for 60 s.
		const started = Date.now();
		for (;;) {
			const setup = await this.call('POST', '/owner/setup', owner);
			const login =
				setup.status === 404
					? undefined
					: await this.call('POST', '/login', {
							email: owner.email,
							emailOrLdapLoginId: owner.email,
							password: owner.password,
						});
			if (login?.status === 200) return;
			if (Date.now() - started > 60_000) {
				throw new Error(
					`n8n login failed: owner setup ${setup.status}, login ${login?.status ?? 'not tried'} ${JSON.stringify(login?.data ?? setup.data).slice(0, 300)}`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}

	/** What the credential modal's test does with the data the user typed. */
	async testCredential(credential: {
		id?: string;
		name: string;
		type: string;
		data: Record<string, unknown>;
	}) {
		const answer = await this.call<{ status: string; message: string }>(
			'POST',
			'/credentials/test',
			{ credentials: credential },
		);
		if (answer.status !== 200)
			throw new Error(
				`credential test request failed: ${answer.status} ${JSON.stringify(answer.data).slice(0, 300)}`,
			);
		return answer.data;
	}
}
