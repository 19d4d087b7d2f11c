import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A user's id as one segment of a request path. `.` and `..` survive URL encoding and are collapsed by URL
 * parsing, so they would reach another endpoint (the list, a bulk delete): they are refused, as is nothing.
 */
export function pathSegment(
	node: INode,
	value: unknown,
	displayName: string,
	itemIndex: number,
): string {
	const id = String(value ?? '').trim();
	if (id === '')
		throw new NodeOperationError(node, `The "${displayName}" parameter is empty`, { itemIndex });
	if (id === '.' || id === '..') {
		throw new NodeOperationError(node, `The "${displayName}" parameter "${id}" is not an ID`, {
			itemIndex,
			description: 'Enter the ID of one record.',
		});
	}
	return encodeURIComponent(id);
}

/** True when a path holds a `.` or `..` segment (also percent-encoded): the last guard before a request is sent. */
export function hasDotSegment(path: string): boolean {
	return path.split('/').some((segment) => /^(?:%2e|\.){1,2}$/i.test(segment));
}
