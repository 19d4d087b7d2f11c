import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UnexpectedAnswerError, listAt, recordAt, textAt } from '../../../common/answer-parts';
import { idLocator } from '../../../common/id-locator';
import type { Operation } from '../../../common/operations';
import { apiList } from '../../../common/request';
import { dataSearch } from '../../listings';
import { stellarCyber } from '../../transport';
import { DEFAULT_ALERT_INDEX } from './alert-index';

/** Where a person finds an alert's ID, said in the field and in the "not found" error alike. */
const WHERE_THE_ID_IS =
	"the alert's _id: the _id of an Alert Search result, or the last part of the alert's link in Stellar Cyber (…/alerts/alert/<index>/amsg/<ID>)";

/**
 * `_id:<id>` as a Lucene query that matches that one _id and nothing else. An ID of letters, digits and `_`
 * (Stellar's are hexadecimal, as XSOAR's recorded alert shows) goes bare, as XSOAR's get_alert sends it; any
 * other is quoted, so none of its characters is an operator, a wildcard, a range (`<` and `>` cannot be
 * escaped in Elasticsearch's query_string) or a second clause. A quoted value on _id, a keyword field, is one
 * exact term (Elasticsearch's query_string; unattested for Stellar).
 */
export function alertIdQuery(id: string): string {
	if (/^\w+$/.test(id) && !/^(AND|OR|NOT)$/.test(id)) return `_id:${id}`;
	return `_id:"${id.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * The hits of a search for one _id, read strictly: each an object with its _id, _index and _source, and no
 * other _id among them (a platform or proxy that dropped the query would answer other alerts: never output).
 */
function hitsOf(id: string) {
	return (body: unknown): IDataObject[] => {
		const hits = listAt(body, ['hits', 'hits']);
		for (const hit of hits) {
			recordAt(hit, []);
			recordAt(hit, ['_source']);
			textAt(hit, ['_index']);
			if (textAt(hit, ['_id']) !== id)
				throw new UnexpectedAnswerError(
					'only hits with the asked _id at "hits.hits"',
					'a hit with another _id (the search was not limited to the ID)',
				);
		}
		return hits;
	};
}

export const getAlert: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an alert',
		description: 'Read one security event by its ID',
	},
	toolDescription:
		"Get one Stellar Cyber alert (a security event in the Data Lake index aella-ser-*) by its alert ID, the _id an alert search returns. Returns it as an alert search does: _index, _id and the alert's fields under _source (xdr_event.display_name, severity, event_status, timestamp, srcip, dstip…). Use it to read an alert named in a case or a search before updating it; it fails when no alert has that ID.",
	fields: [
		// named `index` as in Alert Update, so the Alert ID's "From List" searches the pattern given here
		{
			displayName: 'Index Pattern',
			name: 'index',
			type: 'string',
			required: true,
			default: DEFAULT_ALERT_INDEX,
			description:
				"Where to look: aella-ser-* holds every alert; an alert's own _index narrows it to that index",
		},
		...idLocator({
			displayName: 'Alert ID',
			name: 'alertId',
			searchListMethod: 'searchAlerts',
			placeholder: 'e.g. 1710883791406342b1f41b2247774d60bf035a6f98e5ff21',
			description: `The alert's ID: ${WHERE_THE_ID_IS}`,
		}),
	],
	async execute(itemIndex) {
		const id = String(
			this.getNodeParameter('alertId', itemIndex, '', { extractValue: true }) ?? '',
		).trim();
		if (id === '')
			throw new NodeOperationError(this.getNode(), 'The "Alert ID" parameter is empty', {
				itemIndex,
			});
		const index = String(this.getNodeParameter('index', itemIndex, DEFAULT_ALERT_INDEX)).trim();
		if (index === '')
			throw new NodeOperationError(this.getNode(), 'The "Index Pattern" parameter is empty', {
				itemIndex,
			});
		// GET with q=_id:<id>, as XSOAR's get_alert reads one alert; size 2 so that a second hit is seen
		const hits = await apiList.call(
			this,
			stellarCyber,
			dataSearch(index, { method: 'GET', qs: { q: alertIdQuery(id), size: 2 } }),
			hitsOf(id),
			itemIndex,
		);
		if (hits.length === 0) {
			throw new NodeOperationError(this.getNode(), `No alert with ID ${id} in ${index}`, {
				itemIndex,
				description: `The Alert ID is ${WHERE_THE_ID_IS}. Check it, and that Index Pattern covers the alert's index (aella-ser-* covers every alert).`,
			});
		}
		// Elasticsearch keeps an _id unique within one index only, and aella-ser-* spans many. Stellar's ids start
		// with the alert's write time in milliseconds (XSOAR's recorded alert: _id 1710883791406… for write_time
		// 1710883791406) followed by random hex, so two hits are copies of one alert, or two alerts: either way
		// picking one would be a guess, so the node fails and names the indices instead.
		if (hits.length > 1) {
			throw new NodeOperationError(
				this.getNode(),
				`Alert ID ${id} is in more than one index matching ${index}`,
				{
					itemIndex,
					description: `Set Index Pattern to the alert's own _index (one of ${hits.map((hit) => String(hit._index)).join(', ')}).`,
				},
			);
		}
		// the hit as Alert Search outputs each one (_index, _id, _score, _source), so a workflow reads both alike
		return hits[0];
	},
};
