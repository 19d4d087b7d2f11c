import type { INodeProperties } from 'n8n-workflow';

import { ElasticCloudEnterpriseApi } from '../../credentials/ElasticCloudEnterpriseApi.credentials';
import { ImmutaApi } from '../../credentials/ImmutaApi.credentials';
import { StellarCyberApi } from '../../credentials/StellarCyberApi.credentials';
import { UtmStackApi } from '../../credentials/UtmStackApi.credentials';
import { eceResources } from '../../nodes/ElasticCloudEnterprise/actions';
import { immutaResources } from '../../nodes/Immuta/actions';
import { stellarCyberResources } from '../../nodes/StellarCyber/actions';
import { utmStackResources } from '../../nodes/UtmStack/actions';
import type { Resources } from '../../nodes/common/operations';

/**
 * CONTRIBUTING.md "One editor language": the list and search operations of the four nodes show their fields in
 * one order with one set of labels, and every credential names its method selector the same way.
 */

/** The labels of an operation's fields as the newest node version shows them (no field kept for older versions, no tool-only fields). */
function labels(fields: INodeProperties[]): string[] {
	return fields
		.filter((field) => {
			const show = field.displayOptions?.show ?? {};
			const olderVersions = show['@version'] !== undefined;
			const onlyTool = JSON.stringify(show['@tool']) === '[true]';
			return !olderVersions && !onlyTool;
		})
		.map((field) => field.displayName);
}

const SEARCHES: Array<[string, Resources, string, string]> = [
	['UTMStack alert search', utmStackResources, 'alert', 'search'],
	['UTMStack log search', utmStackResources, 'log', 'search'],
	['Stellar Cyber case get many', stellarCyberResources, 'case', 'getMany'],
	['Stellar Cyber alert search', stellarCyberResources, 'alert', 'search'],
	['Immuta data source get many', immutaResources, 'dataSource', 'getMany'],
	['Immuta user get many', immutaResources, 'user', 'getMany'],
	['Immuta audit get many', immutaResources, 'audit', 'getMany'],
	['Immuta users with access', immutaResources, 'dataSource', 'getAccess'],
	['ECE deployment search', eceResources, 'deployment', 'search'],
	['ECE deployment get many', eceResources, 'deployment', 'getMany'],
];

test.each(SEARCHES)(
	'%s: Return All then Limit, right after where to look; Sort By then Order last',
	(_name, resources, resource, operation) => {
		const shown = labels(resources[resource].operations[operation].fields);
		const returnAll = shown.indexOf('Return All');
		expect(returnAll).toBeGreaterThanOrEqual(0);
		expect(shown[returnAll + 1]).toBe('Limit');
		// before Return All, at most the one field that says where to look (an index pattern, a record)
		expect(returnAll).toBeLessThanOrEqual(1);
		if (returnAll === 1) expect(shown[0]).toMatch(/^(Index Pattern|Data Source ID)/);
		const sortBy = shown.indexOf('Sort By');
		if (sortBy >= 0) expect(shown.slice(sortBy)).toEqual(['Sort By', 'Order']);
		for (const other of ['Sort Field', 'Sort Direction', 'Created After', 'Modified After'])
			expect(shown).not.toContain(other);
	},
);

test('a window of time is From / To (Created From, Modified From); a time relative to now is Since', () => {
	const utm = labels(utmStackResources.alert.operations.search.fields);
	expect(utm).toEqual(expect.arrayContaining(['Time Range', 'Since', 'From', 'To']));
	const cases = stellarCyberResources.case.operations.getMany.fields.find(
		(field) => field.name === 'filters',
	) as INodeProperties;
	expect((cases.options as INodeProperties[]).map((field) => field.displayName)).toEqual(
		expect.arrayContaining(['Created From', 'Modified From']),
	);
	const audit = immutaResources.audit.operations.getMany.fields.find(
		(field) => field.name === 'filters',
	) as INodeProperties;
	expect((audit.options as INodeProperties[]).map((field) => field.displayName)).toEqual(
		expect.arrayContaining(['From', 'To']),
	);
});

test.each([
	['UTMStack', new UtmStackApi()],
	['Stellar Cyber', new StellarCyberApi()],
	['Immuta', new ImmutaApi()],
	['Elastic Cloud Enterprise', new ElasticCloudEnterpriseApi()],
])(
	'%s credential: the method selector is "Authentication"; every field a person fills in has a hint',
	(_name, credential) => {
		const selector = credential.properties.find((field) => field.type === 'options');
		expect(selector?.displayName).toBe('Authentication');
		for (const field of credential.properties.filter((field) => field.type === 'string'))
			expect({ field: field.displayName, hint: Boolean(field.description) }).toEqual({
				field: field.displayName,
				hint: true,
			});
	},
);

test("UTMStack's Authentication stays Username and Password, and its hint says to choose API Key for automation and why", () => {
	// n8n stores a credential without the values left at their default and fills them from the current default
	// when it runs one (the editor's saveCredential and CredentialsHelper in 1.123 and 2.41): a new default would
	// switch every credential saved with this one (test/e2e/credential-test.e2e.test.ts runs one saved so)
	const selector = new UtmStackApi().properties.find((field) => field.name === 'authMethod');
	expect(selector?.default).toBe('password');
	expect(selector?.description).toMatch(/choose API Key/);
	expect(selector?.description).toMatch(/second factor/);
});
