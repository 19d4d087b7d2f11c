import type { INodeProperties } from 'n8n-workflow';

export function baseUrlProperty(platform: string, example: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: example,
		description: `The address of ${platform}, with http:// or https://`,
	};
}

/** A field shown only for the listed values of the credential's method selector. */
export function forMethod(
	field: INodeProperties,
	selector: string,
	values: string[],
): INodeProperties {
	return { ...field, displayOptions: { show: { [selector]: values } } };
}

export function secretProperty(
	displayName: string,
	name: string,
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		...(description ? { description } : {}),
	};
}

export function textProperty(
	displayName: string,
	name: string,
	fallback = '',
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: fallback,
		required: true,
		...(description ? { description } : {}),
	};
}

export const ignoreSslProperty: INodeProperties = {
	displayName: 'Ignore SSL Issues (Insecure)',
	name: 'allowUnauthorizedCerts',
	type: 'boolean',
	default: false,
	description:
		'Whether to connect even if the SSL certificate cannot be verified, for example a self-signed one',
};
