import { Immuta } from '../../nodes/Immuta/Immuta.node';
import { nodeRuns } from '../helpers/node-runs';
import { IMMUTA } from '../simulators/fixtures';
import type { RunningSimulator } from '../simulators';

/**
 * Immuta as its API description and docs say it answers (docs/provenance/immuta.md): catalogs in the
 * order asked for, searches on names only when asked, partial updates, and the deprecated audit endpoint.
 */

const { simulator, run, runError, list } = nodeRuns();

let immuta: { sim: RunningSimulator; credentials: Record<string, string> };

beforeAll(async () => {
	immuta = await simulator(
		'immuta',
		{ dataSourceCount: 30 },
		{ authMethod: 'apiKey', apiKey: IMMUTA.apiKey },
		'immutaApi',
	);
});

const sent = (route: string) =>
	immuta.sim.requestLog.filter((request) => `${request.method} ${request.route}` === route);

test('data sources and projects are asked for in name order, and a search matches names only', async () => {
	immuta.sim.resetStats();
	const all = await run(
		new Immuta(),
		{ resource: 'dataSource', operation: 'getMany', returnAll: true },
		immuta.credentials,
	);
	const names = all.map((record) => String(record.json.name));
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	expect(sent('GET /dataSource')[0].query).toMatchObject({ sortField: 'name', sortOrder: 'asc' });
	// "replicated" is in many descriptions and in no name: with nameOnly, nothing
	const described = await run(
		new Immuta(),
		{ resource: 'dataSource', operation: 'getMany', returnAll: true, searchText: 'replicated' },
		immuta.credentials,
	);
	expect(described).toEqual([]);
	expect(sent('GET /dataSource').at(-1)?.query).toMatchObject({
		searchText: 'replicated',
		nameOnly: 'true',
	});
	await run(
		new Immuta(),
		{ resource: 'project', operation: 'getMany', returnAll: true },
		immuta.credentials,
	);
	expect(sent('GET /project').at(-1)?.query).toMatchObject({ sortField: 'name', sortOrder: 'asc' });
	const picked = await list<{ results: unknown[] }>(
		new Immuta(),
		'listSearch',
		'searchDataSources',
		immuta.credentials,
		{ resource: 'dataSource', operation: 'get' },
		{ filter: 'replicated' },
	);
	expect(picked.results).toEqual([]);
});

test('Update sends only the fields to change (no whole record read and sent back)', async () => {
	const [first] = await run(
		new Immuta(),
		{ resource: 'dataSource', operation: 'getMany', limit: 1 },
		immuta.credentials,
	);
	immuta.sim.resetStats();
	const [updated] = await run(
		new Immuta(),
		{
			resource: 'dataSource',
			operation: 'update',
			dataSourceId: { __rl: true, mode: 'id', value: String(first.json.id) },
			fieldsJson: '{"description": "Reviewed"}',
		},
		immuta.credentials,
	);
	expect(updated.json.description).toBe('Reviewed');
	expect(sent('PUT /dataSource/:id').map((request) => request.body)).toEqual([
		{ description: 'Reviewed' },
	]);
	expect(sent('GET /dataSource/:id')).toHaveLength(0);
});

test('an Immuta without the deprecated audit endpoint: the error says where audit records are now', async () => {
	immuta.sim.control('/__sim/faults', { mode: 'status', status: 404, path: '/audit', requests: 1 });
	const error = await runError(
		new Immuta(),
		{ resource: 'audit', operation: 'getMany', limit: 5 },
		immuta.credentials,
	);
	expect(error.message).toBe('Immuta does not serve GET /audit');
	expect(error.description).toContain('Universal Audit Model');
});
