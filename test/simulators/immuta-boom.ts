import { json, type SimReply } from './core/server';

const REASON: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	500: 'Internal Server Error',
};

/** hapi's Boom error body, the shape Immuta answers errors in ({statusCode, error, message}). */
export function boom(
	status: number,
	message: string,
	extra: Record<string, unknown> = {},
): SimReply {
	return json(status, { statusCode: status, error: REASON[status] ?? 'Error', message, ...extra });
}
