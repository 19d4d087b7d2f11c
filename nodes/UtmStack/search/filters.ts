import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** How many values each UTMStack search operator takes (vendor-apis.md, UTMStack operators). */
type ValueShape = 'none' | 'one' | 'list' | 'range';

export const OPERATOR_SHAPES: Record<string, ValueShape> = {
	IS: 'one',
	IS_NOT: 'one',
	CONTAIN: 'one',
	DOES_NOT_CONTAIN: 'one',
	CONTAIN_ONE_OF: 'list',
	DOES_NOT_CONTAIN_ONE_OF: 'list',
	IS_ONE_OF: 'list',
	IS_NOT_ONE_OF: 'list',
	IS_ONE_OF_TERMS: 'list',
	EXIST: 'none',
	DOES_NOT_EXIST: 'none',
	IS_BETWEEN: 'range',
	IS_NOT_BETWEEN: 'range',
	// one text, searched in every field (SearchUtil.buildIsInFields: query_string "*value*" on default_field "*")
	IS_IN_FIELDS: 'one',
	IS_NOT_IN_FIELDS: 'one',
	ENDS_WITH: 'one',
	NOT_ENDS_WITH: 'one',
	START_WITH: 'one',
	NOT_START_WITH: 'one',
	IS_GREATER_THAN: 'one',
	IS_LESS_THAN_OR_EQUALS: 'one',
};

const OPERATOR_NAMES: Record<string, string> = {
	IS: 'Is',
	IS_NOT: 'Is Not',
	CONTAIN: 'Contains',
	DOES_NOT_CONTAIN: 'Does Not Contain',
	CONTAIN_ONE_OF: 'Contains One Of',
	DOES_NOT_CONTAIN_ONE_OF: 'Does Not Contain Any Of',
	IS_ONE_OF: 'Is One Of',
	IS_NOT_ONE_OF: 'Is Not One Of',
	IS_ONE_OF_TERMS: 'Is One Of (Exact Terms)',
	EXIST: 'Exists',
	DOES_NOT_EXIST: 'Does Not Exist',
	IS_BETWEEN: 'Is Between',
	IS_NOT_BETWEEN: 'Is Not Between',
	IS_IN_FIELDS: 'Is In Fields',
	IS_NOT_IN_FIELDS: 'Is Not In Fields',
	ENDS_WITH: 'Ends With',
	NOT_ENDS_WITH: 'Does Not End With',
	START_WITH: 'Starts With',
	NOT_START_WITH: 'Does Not Start With',
	IS_GREATER_THAN: 'Is Greater Than',
	IS_LESS_THAN_OR_EQUALS: 'Is Less Than or Equal To',
};

/**
 * What each operator matches, as UTMStack's backend builds its query (match_phrase, query_string with wildcards,
 * terms, exists, range, wildcard: the shapes in docs/provenance/utmstack.md and test/simulators/utmstack-search.ts).
 */
const OPERATOR_HINTS: Record<string, string> = {
	IS: 'The field holds this phrase (analysed: "high" also matches "High")',
	IS_NOT: 'The field does not hold this phrase',
	CONTAIN: 'The field contains this text anywhere (wildcards around it)',
	DOES_NOT_CONTAIN: 'The field does not contain this text anywhere',
	CONTAIN_ONE_OF: 'The field holds at least one of these phrases (comma-separated)',
	DOES_NOT_CONTAIN_ONE_OF: 'The field holds none of these phrases (comma-separated)',
	IS_ONE_OF: 'The field holds at least one of these phrases (comma-separated)',
	IS_NOT_ONE_OF: 'The field holds none of these phrases (comma-separated)',
	IS_ONE_OF_TERMS:
		'The field is exactly one of these values (comma-separated; exact terms, so use a .keyword field for text)',
	EXIST: 'The field has a value',
	DOES_NOT_EXIST: 'The field has no value',
	IS_BETWEEN: 'Value to Up To, both included (numbers, dates or date math like now-1h)',
	IS_NOT_BETWEEN: 'Outside Value to Up To',
	IS_IN_FIELDS: 'Any field of the document contains this text (no Field needed)',
	IS_NOT_IN_FIELDS: 'No field of the document contains this text (no Field needed)',
	ENDS_WITH: 'The field ends with this (exact case: best on a .keyword field)',
	NOT_ENDS_WITH: 'The field does not end with this',
	START_WITH: 'The field starts with this (exact case: best on a .keyword field)',
	NOT_START_WITH: 'The field does not start with this',
	IS_GREATER_THAN: 'The field is greater than this number or date',
	IS_LESS_THAN_OR_EQUALS: 'The field is at most this number or date',
};

/** The operators that search every field: UTMStack ignores the Field (FilterType.validate asks none of them). */
const ANY_FIELD = ['IS_IN_FIELDS', 'IS_NOT_IN_FIELDS'];

const byShape = (...shapes: ValueShape[]) =>
	Object.keys(OPERATOR_SHAPES).filter((operator) => shapes.includes(OPERATOR_SHAPES[operator]));

/** The Field of a filter row as a text (node versions before the field list). */
const fieldAsText: INodeProperties = {
	displayName: 'Field',
	name: 'field',
	type: 'string',
	default: '',
	required: true,
	displayOptions: { hide: { operator: ANY_FIELD } },
	placeholder: 'severity',
	description:
		"Document field, for example severity or name; the attacker's address is adversary.ip on UTMStack 11 and source.ip on UTMStack 10",
};

/**
 * The Field of a filter row picked from the fields UTMStack lists for the chosen index pattern
 * (GET /api/elasticsearch/index/properties, as its own filter screens do), or typed by name.
 */
const fieldFromList: INodeProperties = {
	displayName: 'Field',
	name: 'field',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	displayOptions: { hide: { operator: ANY_FIELD } },
	description:
		"A field of the index pattern, as UTMStack lists it (UTMStack 11 names an alert's sides adversary and target: adversary.ip; UTMStack 10: source.ip)",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchIndexFields', searchable: true },
		},
		{ displayName: 'Name', name: 'name', type: 'string', placeholder: 'e.g. severity' },
	],
};

const otherFilterValues: INodeProperties[] = [
	{
		displayName: 'Operator',
		name: 'operator',
		type: 'options',
		default: 'IS',
		options: Object.keys(OPERATOR_SHAPES)
			.map((value) => ({ name: OPERATOR_NAMES[value], value, description: OPERATOR_HINTS[value] }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: 'For the "one of" operators, a comma-separated list',
		displayOptions: { hide: { operator: byShape('none') } },
	},
	{
		displayName: 'Up To',
		name: 'valueTo',
		type: 'string',
		default: '',
		description: 'Upper end of the range (inclusive)',
		displayOptions: { show: { operator: byShape('range') } },
	},
];

function filtersWith(field: INodeProperties): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Filter', name: 'filter', values: [field, ...otherFilterValues] }],
	};
}

/** The filter list of the UTMStack search and trigger, with the Field typed (saved workflows of earlier versions). */
export const filtersProperty: INodeProperties = filtersWith(fieldAsText);

/** The filter list with the Field picked from the index pattern's fields, or typed by name. */
export const filtersFromFieldList: INodeProperties = filtersWith(fieldFromList);

export interface SearchFilter extends IDataObject {
	field: string;
	operator: string;
	value?: string | string[] | null;
}

function splitList(value: string): string[] {
	return value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** The filter list as UTMStack takes it, each value in the shape its operator needs; bad shapes fail before any request. */
export function searchFilters(node: INode, raw: IDataObject, itemIndex: number): SearchFilter[] {
	const rows = (raw.filter as IDataObject[] | undefined) ?? [];
	return rows.map((row, position) => {
		const where = `Filter ${position + 1}`;
		// a text in earlier versions, a resource locator ({mode, value}) since the field list
		const picked = row.field;
		const field = String(
			picked && typeof picked === 'object' ? ((picked as IDataObject).value ?? '') : (picked ?? ''),
		).trim();
		const operator = String(row.operator ?? '');
		const value = String(row.value ?? '').trim();
		const fail = (message: string) =>
			new NodeOperationError(node, `${where}: ${message}`, { itemIndex });
		if (field === '' && !ANY_FIELD.includes(operator)) throw fail('the "Field" parameter is empty');
		const shape = OPERATOR_SHAPES[operator];
		if (!shape) throw fail(`the "Operator" parameter "${operator}" is not a UTMStack operator`);
		switch (shape) {
			case 'none':
				return { field, operator, value: null };
			case 'one':
				if (value === '')
					throw fail(`the "Value" parameter is needed for "${OPERATOR_NAMES[operator]}"`);
				return { field, operator, value };
			case 'list': {
				const list = splitList(value);
				if (list.length === 0)
					throw fail(
						`the "Value" parameter needs at least one value for "${OPERATOR_NAMES[operator]}" (comma-separated)`,
					);
				return { field, operator, value: list };
			}
			case 'range': {
				const upTo = String(row.valueTo ?? '').trim();
				if (value === '' || upTo === '')
					throw fail(`"${OPERATOR_NAMES[operator]}" needs both "Value" and "Up To"`);
				return { field, operator, value: [value, upTo] };
			}
		}
	});
}
