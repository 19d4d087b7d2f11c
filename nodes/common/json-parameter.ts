import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

/** A JSON object parameter, as typed or as an expression's object; anything else is the user's error. */
export function jsonObject(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): IDataObject {
	const raw = context.getNodeParameter(name, itemIndex);
	let value: unknown;
	try {
		value = typeof raw === 'string' ? jsonParse(raw) : raw;
	} catch {
		throw new NodeOperationError(
			context.getNode(),
			`The "${displayName}" parameter is not valid JSON`,
			{ itemIndex },
		);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(
			context.getNode(),
			`The "${displayName}" parameter must be a JSON object`,
			{ itemIndex },
		);
	}
	return value as IDataObject;
}
