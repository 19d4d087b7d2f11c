import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

/** The node version from which record ids are picked from a list (version 1 kept a plain text field). */
export const LOCATOR_VERSION = 2;

export interface IdLocator {
	displayName: string;
	name: string;
	/** The node's listSearch method that fills "From List". */
	searchListMethod: string;
	placeholder: string;
	/** What an id looks like, checked in the editor ("By ID"). */
	pattern?: { regex: string; says: string };
	description?: string;
	/** Other ways to name the record (Stellar Cyber's "By Ticket Number"), after From List and By ID. */
	modes?: INodePropertyMode[];
}

/**
 * A record id as n8n's own nodes ask for one: picked "From List" (searched on the platform) or typed
 * "By ID". Workflows saved with version 1 keep their plain text field; both read the same with
 * getNodeParameter(name, i, '', { extractValue: true }).
 */
export function idLocator(field: IdLocator): INodeProperties[] {
	const { displayName, name, description } = field;
	return [
		{
			displayName,
			name,
			type: 'string',
			required: true,
			default: '',
			description,
			displayOptions: { show: { '@version': [1] } },
		},
		{
			displayName,
			name,
			type: 'resourceLocator',
			required: true,
			default: { mode: 'list', value: '' },
			description,
			displayOptions: { hide: { '@version': [1] } },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: `Select a ${displayName.replace(/ ID$/, '').toLowerCase()}...`,
					typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: field.placeholder,
					...(field.pattern
						? {
								validation: [
									{
										type: 'regex' as const,
										properties: { regex: field.pattern.regex, errorMessage: field.pattern.says },
									},
								],
							}
						: {}),
				},
				...(field.modes ?? []),
			],
		},
	];
}
