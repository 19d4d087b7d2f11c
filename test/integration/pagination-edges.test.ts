import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import { ElasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/ElasticCloudEnterprise.node';
import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { StellarCyber } from '../../nodes/StellarCyber/StellarCyber.node';
import { UtmStack } from '../../nodes/UtmStack/UtmStack.node';
import { N8nHarness } from '../helpers/n8n-harness';
import { ALL_CREDENTIAL_TYPES } from '../helpers/vendors';
import { ECE, IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';
import {
	startSimulator,
	type RunningSimulator,
	type SimulatorOptions,
	type SimulatorVendor,
} from '../simulators';

/**
 * The shared pagination loop at its edges, for each platform's paginated listing: simulators seeded with
 * exactly 0, 1, one page and one page plus one record; Return All and Limits around the page size.
 */

interface PagedListing {
	name: string;
	vendor: SimulatorVendor;
	seed: (count: number) => SimulatorOptions;
	node: () => INodeType;
	credentialType: string;
	credential: ICredentialDataDecryptedObject;
	parameters: Record<string, unknown>;
	pagePath: string;
	pageSize: number;
	idField: string;
	/** Requests a Return All over `count` records takes. */
	returnAllRequests: (count: number) => number;
}

const LISTINGS: PagedListing[] = [
	{
		name: 'UTMStack alert search (page/size, X-Total-Count)',
		vendor: 'utmstack',
		seed: (count) => ({ alertCount: count, logCount: 0 }),
		node: () => new UtmStack(),
		credentialType: 'utmStackApi',
		credential: { authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
		parameters: {
			resource: 'alert',
			operation: 'search',
			indexPattern: 'alert-*',
			filters: {},
			timeRange: 'none',
			sortField: '',
			sortDirection: 'desc',
		},
		pagePath: '/api/elasticsearch/search',
		pageSize: 1000,
		idField: 'id',
		// zero hits come back with no headers: one request
		returnAllRequests: (count) => Math.max(1, Math.ceil(count / 1000)),
	},
	{
		name: 'Stellar Cyber case getMany (skip/limit, total)',
		vendor: 'stellarcyber',
		seed: (count) => ({ caseCount: count }),
		node: () => new StellarCyber(),
		credentialType: 'stellarCyberApi',
		credential: { keyType: 'scoped', apiKey: STELLAR.apiKey },
		parameters: {
			resource: 'case',
			operation: 'getMany',
			filters: {},
			sort: 'created_at',
			order: 'desc',
		},
		pagePath: '/connect/api/v1/cases',
		pageSize: 500,
		idField: '_id',
		returnAllRequests: (count) => Math.max(1, Math.ceil(count / 500)),
	},
	{
		name: 'Immuta data source getMany (offset/size, count)',
		vendor: 'immuta',
		seed: (count) => ({ dataSourceCount: count }),
		node: () => new Immuta(),
		credentialType: 'immutaApi',
		credential: { authMethod: 'apiKey', apiKey: IMMUTA.apiKey },
		parameters: { resource: 'dataSource', operation: 'getMany', searchText: '' },
		pagePath: '/dataSource',
		pageSize: 200,
		idField: 'id',
		returnAllRequests: (count) => Math.max(1, Math.ceil(count / 200)),
	},
	{
		// a bare array with no count (docs/provenance/immuta.md row 17): the read ends at a short page
		name: 'Immuta global policy getMany (offset/size, no count)',
		vendor: 'immuta',
		seed: (count) => ({ globalPolicyCount: count, dataSourceCount: 1 }),
		node: () => new Immuta(),
		credentialType: 'immutaApi',
		credential: { authMethod: 'apiKey', apiKey: IMMUTA.apiKey },
		parameters: { resource: 'globalPolicy', operation: 'getMany' },
		pagePath: '/policy/global',
		pageSize: 200,
		idField: 'id',
		// a full last page is followed by one more request, which comes back short (empty)
		returnAllRequests: (count) => Math.floor(count / 200) + 1,
	},
	{
		name: 'ECE deployment search (cursor)',
		vendor: 'ece',
		seed: (count) => ({ deploymentCount: count }),
		node: () => new ElasticCloudEnterprise(),
		credentialType: 'elasticCloudEnterpriseApi',
		credential: { authMethod: 'apiKey', apiKey: ECE.apiKey },
		parameters: {
			resource: 'deployment',
			operation: 'search',
			queryType: 'queryString',
			query: '',
		},
		pagePath: '/api/v1/deployments/_search',
		pageSize: 100,
		idField: 'id',
		// ECE states no total: a full page is followed by one more request, which comes back empty
		// the cursor is followed until a page comes back empty, as ecctl does (return_count == 0)
		returnAllRequests: (count) => Math.ceil(count / 100) + 1,
	},
];

describe.each(LISTINGS)('$name', (listing) => {
	const counts = [0, 1, listing.pageSize, listing.pageSize + 1];
	const simulators = new Map<number, RunningSimulator>();
	const harness = new N8nHarness(ALL_CREDENTIAL_TYPES);

	beforeAll(async () => {
		for (const count of counts) {
			const simulator = await startSimulator(listing.vendor, listing.seed(count));
			simulators.set(count, simulator);
			harness.addCredential(`${listing.vendor}-${count}`, listing.credentialType, {
				baseUrl: simulator.url,
				...listing.credential,
			});
		}
	});

	afterAll(async () => {
		await Promise.all([...simulators.values()].map(async (simulator) => await simulator.close()));
	});

	async function list(count: number, paging: Record<string, unknown>) {
		const simulator = simulators.get(count) as RunningSimulator;
		simulator.resetStats();
		const [output] = await harness.runNode(
			listing.node(),
			{ ...listing.parameters, ...paging } as never,
			[{ json: {} }],
			{ [listing.credentialType]: `${listing.vendor}-${count}` },
		);
		const pages = simulator.requestLog.filter((entry) => entry.path === listing.pagePath);
		return { ids: output.map((item) => item.json[listing.idField]), pages };
	}

	test.each(counts)(
		'Return All over %i records: each once, no page more than needed',
		async (count) => {
			const { ids, pages } = await list(count, { returnAll: true });
			expect(ids).toHaveLength(count);
			expect(new Set(ids).size).toBe(count);
			expect(pages).toHaveLength(listing.returnAllRequests(count));
		},
	);

	test('a Limit of exactly one page stops after that page', async () => {
		const { ids, pages } = await list(listing.pageSize + 1, {
			returnAll: false,
			limit: listing.pageSize,
		});
		expect(ids).toHaveLength(listing.pageSize);
		expect(pages).toHaveLength(1);
	});

	test('a Limit one past the page boundary reads two pages and stops at the Limit', async () => {
		const { ids, pages } = await list(listing.pageSize + 1, {
			returnAll: false,
			limit: listing.pageSize + 1,
		});
		expect(ids).toHaveLength(listing.pageSize + 1);
		expect(new Set(ids).size).toBe(listing.pageSize + 1);
		expect(pages).toHaveLength(2);
	});

	test('a Limit above what exists returns what exists', async () => {
		const { ids } = await list(1, { returnAll: false, limit: 5 });
		expect(ids).toHaveLength(1);
	});
});
