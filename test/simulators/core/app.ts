import type { IncomingMessage, ServerResponse } from 'node:http';

import type { RecordedRequest, ResolvedOptions } from '../options';
import { controlReply, type ControlTarget } from './control';
import { takeChurn, type ChurnPlan } from './churn';
import { faultAnswer, takeFault, type FaultPlan } from './faults';
import { noteAnswer, repeatedAnswer, rewriteRequest, type QuirkPlan } from './quirks';
import {
	json,
	parseBody,
	readBody,
	send,
	text,
	type Router,
	type SimReply,
	type SimRequest,
} from './server';
import type { LoginRecorder, SimulatorStats } from './stats';
import type { TokenStore } from './tokens';

/** What a vendor's factory gets. */
export interface VendorContext {
	/** The settings; the control endpoint may change some of them while running. */
	options: ResolvedOptions;
	tokens: TokenStore;
	logins: LoginRecorder;
	/** True once a token lifetime was set explicitly (option, setTokenLifetime or /__sim/config). */
	lifetimeIsExplicit(): boolean;
}

/** What a vendor's factory returns: its routes and its own way of saying "not found" and "failed". */
export interface VendorApp {
	router: Router;
	notFound(request: SimRequest, allowedMethods: string[]): SimReply;
	internalError(request: SimRequest, error: unknown): SimReply;
	/** Ends account locks (UTMStack). */
	unlock?(): void;
	/** The vendor's own /__sim endpoints (new records, changed records), or undefined for an unknown route. */
	control?(route: string, body: unknown): SimReply | undefined;
}

export type VendorFactory = (context: VendorContext) => VendorApp;

/** The scheme a request authenticated with, for the request log (never the secret itself). */
export function authScheme(request: Pick<SimRequest, 'headers' | 'query'>): string {
	const headers = request.headers;
	if (headers['utm-internal-key']) return 'Utm-Internal-Key';
	if (headers['utm-api-key']) return 'Utm-Api-Key';
	const authorization = headers.authorization;
	if (typeof authorization === 'string' && authorization.trim() !== '') {
		const [scheme, rest] = authorization.trim().split(/\s+/, 2);
		return rest === undefined ? 'raw-key' : scheme;
	}
	if (request.query.has('access_token')) return 'access_token';
	return 'none';
}

/** Query parameters that carry secrets; the log shows "***" instead. */
const SECRET_PARAMETERS = new Set(['access_token', 'apikey', 'api_key', 'token']);

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(query.keys())) {
		const values = SECRET_PARAMETERS.has(key.toLowerCase()) ? ['***'] : query.getAll(key);
		out[key] = values.length === 1 ? values[0] : values;
	}
	return out;
}

/** A copy of a body with secret-looking fields ("password", "apikey", ...) replaced by "***". */
export function redactBody(body: unknown): unknown {
	if (Array.isArray(body)) return body.map(redactBody);
	if (typeof body !== 'object' || body === null) return body;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(body)) {
		out[key] = /password|apikey|api_key|secret/i.test(key) ? '***' : redactBody(value);
	}
	return out;
}

export interface Pipeline {
	vendor: string;
	app: VendorApp;
	stats: SimulatorStats;
	requestLog: RecordedRequest[];
	options: ResolvedOptions;
	control: ControlTarget;
	/** Failures on purpose (POST /__sim/faults). */
	faults: FaultPlan;
	/** Data changed between page reads (POST /__sim/churn). */
	churn: ChurnPlan;
	/** A release or proxy that ignores paging (POST /__sim/quirks). */
	quirks: QuirkPlan;
	log?: (line: string) => void;
	/** Called in-process with each answered request as recorded (a test moves its fake clock here). */
	onAnswer?: (request: RecordedRequest) => void;
}

/** The request handler of one simulator: control endpoints, counting, routing, logging. */
export function requestHandler(pipeline: Pipeline) {
	const { app, stats, requestLog, options, control } = pipeline;

	async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
		const method = (incoming.method ?? 'GET').toUpperCase();
		const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
		let rawBody: string;
		try {
			rawBody = await readBody(incoming);
		} catch {
			send(response, text(413, 'Request Entity Too Large'));
			return;
		}
		const { body, invalid } = parseBody(rawBody, incoming.headers['content-type']);
		if (!url.pathname.startsWith('/__sim/'))
			rewriteRequest(pipeline.quirks, url.pathname, url.searchParams, body);

		if (url.pathname.startsWith('/__sim/')) {
			send(response, controlReply(method, url.pathname, body, control));
			return;
		}

		stats.requests++;
		const match = app.router.match(method, url.pathname);
		const route = match.found ? match.route.pattern : '(no route)';
		const key = match.found ? `${method} ${route}` : `${method} (no route) ${url.pathname}`;
		stats.byEndpoint[key] = (stats.byEndpoint[key] ?? 0) + 1;

		const request: SimRequest = {
			method,
			path: url.pathname,
			query: url.searchParams,
			headers: incoming.headers,
			params: match.found ? match.params : {},
			route,
			rawBody,
			body,
			bodyInvalid: invalid,
			clientAddress:
				String(incoming.headers['x-forwarded-for'] ?? '')
					.split(',')[0]
					.trim() ||
				(incoming.socket.remoteAddress ?? ''),
		};
		let reply: SimReply;
		try {
			const normal = async () =>
				match.found
					? await match.route.handler(request)
					: app.notFound(request, match.allowedMethods);
			if (takeFault(pipeline.faults, url.pathname)) {
				const vendor = {
					internalError: () => app.internalError(request, new Error('Simulated server failure')),
					revokeTokens: () => control.revokeAllTokens(),
				};
				const answer = await faultAnswer(pipeline.faults, request, response, vendor, normal);
				if (answer === 'handled') {
					requestLog.push({
						method,
						path: url.pathname,
						route,
						query: queryObject(url.searchParams),
						body: undefined,
						auth: authScheme(request),
						status: 0,
						at: Date.now(),
					});
					return;
				}
				reply = answer;
			} else reply = repeatedAnswer(pipeline.quirks, url.pathname) ?? (await normal());
		} catch (error) {
			reply = app.internalError(request, error);
		}
		noteAnswer(pipeline.quirks, url.pathname, reply);
		if (reply.status === 401) stats.unauthorized++;

		requestLog.push({
			method,
			path: url.pathname,
			route,
			query: queryObject(url.searchParams),
			body: body !== undefined ? redactBody(body) : rawBody === '' ? undefined : rawBody,
			auth: authScheme(request),
			user: request.user,
			status: reply.status,
			at: Date.now(),
		});
		pipeline.onAnswer?.(requestLog[requestLog.length - 1]);
		if (requestLog.length > options.requestLogLimit)
			requestLog.splice(0, requestLog.length - options.requestLogLimit);
		if (pipeline.log) {
			const shown = new URLSearchParams(url.search);
			for (const key of [...shown.keys()])
				if (SECRET_PARAMETERS.has(key.toLowerCase())) shown.set(key, '***');
			const search = shown.toString();
			pipeline.log(
				`${pipeline.vendor} ${method} ${url.pathname}${search ? `?${search}` : ''} -> ${reply.status}`,
			);
		}
		// Every origin server with a clock sends Date (RFC 9110 6.6.1); it is the platform's clock, however far off.
		response.setHeader('Date', new Date(Date.now() + options.clockOffsetMs).toUTCString());
		send(response, reply);
		// After the answer is written (its records serialized as they were), before the next request is read.
		const change = takeChurn(pipeline.churn, url.pathname, reply.status);
		if (change) {
			const [churnMethod, churnPath] = pipeline.churn.route.split(' ');
			controlReply(churnMethod, churnPath, change.body, control);
		}
	}

	return (incoming: IncomingMessage, response: ServerResponse) => {
		handle(incoming, response).catch(() => {
			if (!response.headersSent) send(response, json(500, { error: 'simulator failure' }));
			else response.destroy();
		});
	};
}
