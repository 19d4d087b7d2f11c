import type { StoredDoc } from './data/utmstack';
import { indexMatcher } from './utmstack-search';

/**
 * GET /api/elasticsearch/index/properties?indexPattern=: the fields of the indices a pattern matches, as
 * ElasticsearchResource.getIndexProperties answers them ([{name, type}], util/chart_builder/IndexPropertyType.java):
 * flattened dotted names, a `<field>.keyword` entry beside each text field (opensearch-connector IndexUtils), no order
 * promised. The simulator maps its documents as OpenSearch's dynamic mapping would (strings that read as dates: date;
 * other strings: text with .keyword; numbers: long or float; booleans: boolean); undefined when no index matches,
 * which UTMStack answers with a 404.
 */
export function indexProperties(
	documents: StoredDoc[],
	pattern: string,
): Array<{ name: string; type: string }> | undefined {
	const inIndex = indexMatcher(pattern);
	const matched = documents.filter((doc) => inIndex(doc.index));
	if (matched.length === 0) return undefined;
	const types = new Map<string, string>();
	const walk = (value: unknown, path: string) => {
		if (value === null || value === undefined) return;
		if (Array.isArray(value)) {
			for (const entry of value) walk(entry, path);
			return;
		}
		if (typeof value === 'object') {
			for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
			return;
		}
		if (types.has(path)) return;
		if (typeof value === 'boolean') types.set(path, 'boolean');
		else if (typeof value === 'number') types.set(path, Number.isInteger(value) ? 'long' : 'float');
		else if (/^\d{4}-\d{2}-\d{2}T/.test(String(value))) types.set(path, 'date');
		else {
			types.set(path, 'text');
			types.set(`${path}.keyword`, 'keyword');
		}
	};
	for (const doc of matched) walk(doc.source, '');
	return [...types].map(([name, type]) => ({ name, type }));
}
