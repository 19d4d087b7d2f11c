import type { StoredDoc } from './utmstack';

/**
 * UTMStack 11's alert documents, from the v10-shaped seed: the two sides are `adversary` and `target`
 * (plugins/alerts AlertFields, `json:"adversary"` / `json:"target"`; the frontend's ALERT_ADVERSARY_IP_FIELD =
 * 'adversary.ip'), and every alert carries `parentId`: "" for a first alert, the id of an earlier alert of the same name
 * for a repeat (plugins/alerts main.go getPreviousAlertId: same name and deduplicateBy values; ParentID is always set, so a
 * first alert holds "" rather than no field). Every fourth alert here repeats the one before it, under its first alert.
 */
export function v11Alerts(docs: StoredDoc[]): StoredDoc[] {
	const rootOf = new Map<string, string>();
	return docs.map((doc, i) => {
		const previous = i > 0 ? docs[i - 1].source : undefined;
		const repeat = i % 4 === 3 && previous !== undefined;
		const id = String(doc.source.id);
		const parentId = repeat ? (rootOf.get(String(previous.id)) ?? String(previous.id)) : '';
		rootOf.set(id, parentId || id);
		return v11Alert(doc, parentId, repeat ? String(previous.name) : undefined);
	});
}

/** One alert as UTMStack 11 writes it: a repeat (parentId set) takes its first alert's name. */
export function v11Alert(doc: StoredDoc, parentId = '', name?: string): StoredDoc {
	const { source: adversary, destination: target, ...rest } = doc.source;
	return {
		index: `v11-${doc.index}`,
		source: { ...rest, ...(name ? { name } : {}), adversary, target, parentId },
	};
}
