import {
	createServer as createHttpServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as a route handler sees it. */
export interface SimRequest {
	method: string;
	/** The path without query, percent-decoding left to the router's parameters. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Route parameters, decoded. */
	params: Record<string, string>;
	/** The route pattern that matched, e.g. "/api/utm-incidents/:id". */
	route: string;
	rawBody: string;
	/** The parsed JSON body, or undefined when there is none or it is not JSON. */
	body: unknown;
	/** True when a body was sent with a JSON content type but did not parse. */
	bodyInvalid: boolean;
	/** The client's address as a Spring backend reads it: X-Forwarded-For's first entry, else the socket's. */
	clientAddress: string;
	/** Set by a vendor's auth check: who is calling. */
	user?: string;
}

export type HeaderValues = Record<string, string | number | string[]>;

export type SimReply =
	| { status: number; kind: 'json'; body: unknown; headers?: HeaderValues }
	| { status: number; kind: 'text'; body: string; headers?: HeaderValues; contentType?: string }
	| { status: number; kind: 'empty'; headers?: HeaderValues };

export const json = (status: number, body: unknown, headers?: HeaderValues): SimReply => ({
	status,
	kind: 'json',
	body,
	headers,
});
export const text = (
	status: number,
	body: string,
	headers?: HeaderValues,
	contentType?: string,
): SimReply => ({
	status,
	kind: 'text',
	body,
	headers,
	contentType,
});
export const empty = (status: number, headers?: HeaderValues): SimReply => ({
	status,
	kind: 'empty',
	headers,
});

export type Handler = (request: SimRequest) => SimReply | Promise<SimReply>;

interface Route {
	method: string;
	pattern: string;
	segments: string[];
	handler: Handler;
}

export type RouteMatch =
	| { found: true; route: Route; params: Record<string, string> }
	| { found: false; allowedMethods: string[] };

function split(path: string): string[] {
	return path.split('/').filter((segment) => segment !== '');
}

/** Method + path patterns with ":name" parameters; literal segments win over parameters. */
export class Router {
	private readonly routes: Route[] = [];

	on(method: string, pattern: string, handler: Handler): this {
		this.routes.push({ method: method.toUpperCase(), pattern, segments: split(pattern), handler });
		return this;
	}

	get(pattern: string, handler: Handler): this {
		return this.on('GET', pattern, handler);
	}

	post(pattern: string, handler: Handler): this {
		return this.on('POST', pattern, handler);
	}

	put(pattern: string, handler: Handler): this {
		return this.on('PUT', pattern, handler);
	}

	delete(pattern: string, handler: Handler): this {
		return this.on('DELETE', pattern, handler);
	}

	match(method: string, path: string): RouteMatch {
		const segments = split(path);
		let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
		const allowed = new Set<string>();
		for (const route of this.routes) {
			const params = matchSegments(route.segments, segments);
			if (!params) continue;
			allowed.add(route.method);
			if (route.method !== method.toUpperCase()) continue;
			const literals = route.segments.filter((segment) => !segment.startsWith(':')).length;
			if (!best || literals > best.literals) best = { route, params, literals };
		}
		if (best) return { found: true, route: best.route, params: best.params };
		return { found: false, allowedMethods: [...allowed] };
	}
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
	if (pattern.length !== actual.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < pattern.length; i++) {
		let value: string;
		try {
			value = decodeURIComponent(actual[i]);
		} catch {
			return undefined;
		}
		if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = value;
		else if (pattern[i] !== value) return undefined;
	}
	return params;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > MAX_BODY_BYTES) throw new Error('request body too large');
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Parses the body as JSON when it looks like JSON or the content type says so. */
export function parseBody(
	raw: string,
	contentType: string | undefined,
): { body: unknown; invalid: boolean } {
	if (raw.trim() === '') return { body: undefined, invalid: false };
	const declaredJson = (contentType ?? '').toLowerCase().includes('json');
	try {
		return { body: JSON.parse(raw), invalid: false };
	} catch {
		return { body: undefined, invalid: declaredJson };
	}
}

export function send(response: ServerResponse, reply: SimReply): void {
	for (const [name, value] of Object.entries(reply.headers ?? {})) {
		response.setHeader(name, Array.isArray(value) ? value : String(value));
	}
	let payload = '';
	if (reply.kind === 'json') {
		payload = JSON.stringify(reply.body);
		if (!response.hasHeader('Content-Type')) response.setHeader('Content-Type', 'application/json');
	} else if (reply.kind === 'text') {
		payload = reply.body;
		if (!response.hasHeader('Content-Type'))
			response.setHeader('Content-Type', reply.contentType ?? 'text/plain;charset=UTF-8');
	}
	response.setHeader('Content-Length', Buffer.byteLength(payload));
	response.statusCode = reply.status;
	response.end(payload);
}

export interface ListeningServer {
	server: Server;
	url: string;
	close(): Promise<void>;
}

export interface ListenOptions {
	port?: number;
	/** Serve HTTPS with this key and certificate. */
	tls?: { key: string; cert: string };
}

/** An HTTP(S) server on 127.0.0.1 only; port 0 picks a free one. */
export async function listen(
	handler: (request: IncomingMessage, response: ServerResponse) => void,
	options: ListenOptions = {},
): Promise<ListeningServer> {
	const server: Server = options.tls
		? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler)
		: createHttpServer(handler);
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
	let closing: Promise<void> | undefined;
	return {
		server,
		url,
		close() {
			closing ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}
