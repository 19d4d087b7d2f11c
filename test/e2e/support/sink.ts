import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP endpoint that keeps every JSON body POSTed to it, by path: where test workflows deliver their items. */
export class Sink {
	readonly received = new Map<string, unknown[]>();
	private server?: Server;
	url = '';

	async start(): Promise<void> {
		this.server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
				let body: unknown;
				try {
					body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
				} catch {
					body = Buffer.concat(chunks).toString('utf8');
				}
				this.received.set(path, [...(this.received.get(path) ?? []), body]);
				response.writeHead(200, { 'Content-Type': 'application/json' });
				response.end('{"ok":true}');
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
	}

	bodies<T = Record<string, unknown>>(path: string): T[] {
		return (this.received.get(path) ?? []) as T[];
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}
}

/** Waits until `check` holds, asking every half second. */
export async function eventually(
	check: () => boolean,
	timeoutMs: number,
	what: string,
): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
