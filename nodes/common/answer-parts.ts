import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiRequest, VendorApi } from './vendor-api';

/**
 * Strict reading of an answer: the part an operation reads must be there and of the kind it expects. A
 * missing list is never read as an empty one, a list never spread into a record, a text never split
 * into characters: the node fails and says what came instead.
 */

/** Where a value sits in an answer: a list of keys from the top of the JSON body ([] is the body itself). */
export type AnswerPath = readonly string[];

export class UnexpectedAnswerError extends Error {
	constructor(
		/** What the read takes, e.g. 'a list at "data.cases"'. */
		readonly expected: string,
		/** What the answer is, e.g. 'an object with the keys connectors'. */
		readonly came: string,
	) {
		super(`expected ${expected}; the answer is ${came}`);
		this.name = 'UnexpectedAnswerError';
	}
}

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An answer or a part of one, as a person would describe it (never its values: they may be anything). */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'empty';
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (isRecord(value)) {
		const keys = Object.keys(value);
		if (keys.length === 0) return 'an empty object';
		const shown = keys.slice(0, 12).join(', ');
		return `an object with the keys ${shown}${keys.length > 12 ? `, … (${keys.length} in all)` : ''}`;
	}
	if (typeof value === 'string') return `a text of ${value.length} characters`;
	return `a ${typeof value}`;
}

function where(path: AnswerPath): string {
	return path.length === 0 ? 'as the whole answer' : `at "${path.join('.')}"`;
}

function valueAt(body: unknown, path: AnswerPath): unknown {
	let value = body;
	for (const key of path) value = isRecord(value) ? value[key] : undefined;
	return value;
}

/** The list at `path`: an error when it is missing or anything else. */
export function listAt(body: unknown, path: AnswerPath): IDataObject[] {
	const value = valueAt(body, path);
	if (!Array.isArray(value))
		throw new UnexpectedAnswerError(`a list ${where(path)}`, describeValue(body));
	return value as IDataObject[];
}

/** The list at `path` where the platform leaves an empty one out: missing is [], another kind is an error. */
export function optionalListAt(body: unknown, path: AnswerPath): IDataObject[] {
	const value = valueAt(body, path);
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value))
		throw new UnexpectedAnswerError(`a list ${where(path)}`, describeValue(body));
	return value as IDataObject[];
}

/** The record (a JSON object, not a list) at `path`. */
export function recordAt(body: unknown, path: AnswerPath): IDataObject {
	const value = valueAt(body, path);
	if (!isRecord(value))
		throw new UnexpectedAnswerError(`a record ${where(path)}`, describeValue(body));
	return value;
}

/** The text at `path`. */
export function textAt(body: unknown, path: AnswerPath): string {
	const value = valueAt(body, path);
	if (typeof value !== 'string')
		throw new UnexpectedAnswerError(`a text ${where(path)}`, describeValue(body));
	return value;
}

/** The text at `path` where the answer may leave it out (a cursor on the last page): undefined then, an error for another kind. */
export function optionalTextAt(body: unknown, path: AnswerPath): string | undefined {
	const value = valueAt(body, path);
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string')
		throw new UnexpectedAnswerError(`a text ${where(path)}`, describeValue(body));
	return value;
}

/** The number at `path`. */
export function numberAt(body: unknown, path: AnswerPath): number {
	const value = valueAt(body, path);
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw new UnexpectedAnswerError(`a number ${where(path)}`, describeValue(body));
	return value;
}

/** The error a node shows for an answer it cannot read: the platform, the request, what it reads and what came. */
export function unexpectedAnswer(
	node: INode,
	api: VendorApi,
	request: Pick<ApiRequest, 'method' | 'path'>,
	error: UnexpectedAnswerError,
	itemIndex: number,
): NodeApiError {
	const message = `${api.platform} answered ${request.method} ${request.path.split('?')[0]} in a form this node cannot read`;
	const description =
		`The node reads ${error.expected}; the answer is ${error.came}. Nothing was output for it, so no record is lost in silence. ` +
		`A proxy in front of ${api.platform}, or a release of ${api.platform} that answers differently, may be the cause: check the base URL, and report the platform's version if it persists.`;
	return new NodeApiError(node, { message, description } as JsonObject, {
		message,
		description,
		itemIndex,
	});
}
