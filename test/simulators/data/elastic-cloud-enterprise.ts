import { DAY_MS, Rng, subSeed } from '../seed';

export type Json = Record<string, unknown>;

export interface EceDeployment {
	id: string;
	name: string;
	healthy: boolean;
	/** 'started' or 'stopped' (after _shutdown). */
	status: string;
	version: string;
	region: string;
	esRefId: string;
	esClusterId: string;
	kibanaClusterId: string;
	instances: Array<{
		instance_name: string;
		zone: string;
		allocator_id: string;
		memory: number;
		healthy: boolean;
	}>;
	tags: Array<{ key: string; value: string }>;
	created: string;
	lastModified: string;
	ownerId: string;
	/** Resource kinds whose instances were stopped (POST .../instances/_stop). */
	stoppedKinds?: string[];
	/** Plan attempts per resource ("kind:refId"), for plan_info (see ../elastic-cloud-enterprise-plans.ts). */
	plans?: Record<string, PlanState>;
}

/** ElasticsearchClusterPlanInfo / KibanaClusterPlanInfo: one plan attempt, its steps (ClusterPlanStepInfo). */
export interface PlanAttempt {
	plan_attempt_id: string;
	healthy: boolean;
	attempt_start_time: string;
	attempt_end_time?: string;
	plan_attempt_log: Json[];
	warnings: Json[];
	plan?: Json;
	error?: Json;
}

export interface PlanState {
	current?: PlanAttempt;
	pending?: PlanAttempt;
	history: PlanAttempt[];
	/** Reads of the deployment (GET with show_plans) the pending plan lasts; the simulator's own bookkeeping. */
	readsLeft?: number;
	outcome?: { status: 'success' | 'error'; failingStep?: string; message?: string };
}

export interface EceAllocator {
	allocator_id: string;
	zone_id: string;
	host_ip: string;
	public_hostname: string;
	memoryTotal: number;
	maintenance_mode: boolean;
	maintenance_mode_timestamp?: string;
}

export const REGION = 'ece-region';
export const ZONES = ['ece-zone-1', 'ece-zone-2', 'ece-zone-3'];
const TEAMS = [
	'security',
	'observability',
	'search',
	'payments',
	'platform',
	'marketing',
	'logistics',
];
const PURPOSES = ['logs', 'metrics', 'siem', 'apm', 'catalog', 'audit', 'sandbox'];
const VERSIONS = ['7.17.22', '8.11.4', '8.13.4', '8.15.1'];

export function seedAllocators(seed: number): EceAllocator[] {
	const rng = new Rng(subSeed(seed, 'ece-allocators'));
	return ZONES.flatMap((zone, z) =>
		Array.from({ length: 4 }, (_, i) => {
			const ip = `192.168.${44 + z}.${10 + i}`;
			return {
				allocator_id: ip,
				zone_id: zone,
				host_ip: ip,
				public_hostname: `allocator-${z + 1}${i + 1}.ece.example.test`,
				memoryTotal: rng.pick([65536, 131072, 262144]),
				maintenance_mode: false,
			};
		}),
	);
}

export function seedDeployments(
	seed: number,
	count: number,
	now: number,
	allocators: EceAllocator[],
): EceDeployment[] {
	const rng = new Rng(subSeed(seed, 'ece-deployments'));
	return Array.from({ length: count }, (_, i) => {
		const zones = rng.int(1, 3);
		const created = now - rng.next() * 500 * DAY_MS;
		const instances = Array.from({ length: zones }, (_, z) => {
			const inZone = allocators.filter((allocator) => allocator.zone_id === ZONES[z]);
			return {
				instance_name: `instance-000000000${z}`,
				zone: ZONES[z],
				allocator_id: rng.pick(inZone).allocator_id,
				memory: rng.pick([1024, 2048, 4096, 8192]),
				healthy: true,
			};
		});
		const healthy = rng.chance(0.9);
		if (!healthy) instances[0].healthy = false;
		return {
			id: rng.hex(32),
			name: `${rng.pick(TEAMS)}-${rng.pick(PURPOSES)}-${String(i + 1).padStart(3, '0')}`,
			healthy,
			status: 'started',
			version: rng.pick(VERSIONS),
			region: REGION,
			esRefId: 'main-elasticsearch',
			esClusterId: rng.hex(32),
			kibanaClusterId: rng.hex(32),
			instances,
			tags: rng.chance(0.5) ? [{ key: 'team', value: rng.pick(TEAMS) }] : [],
			created: new Date(created).toISOString(),
			lastModified: new Date(Math.min(now, created + rng.next() * 100 * DAY_MS)).toISOString(),
			ownerId: rng.pick(['admin', 'n8n-operator', 'platform-team']),
		};
	});
}

/** DeploymentsListingData */
export function listing(d: EceDeployment): Json {
	return {
		id: d.id,
		name: d.name,
		resources: [
			{
				ref_id: d.esRefId,
				id: d.esClusterId,
				kind: 'elasticsearch',
				region: d.region,
				cloud_id: `${d.name}:${Buffer.from(`${d.id}.ece.example.test`).toString('base64')}`,
			},
			{
				ref_id: 'main-kibana',
				elasticsearch_cluster_ref_id: d.esRefId,
				id: d.kibanaClusterId,
				kind: 'kibana',
				region: d.region,
			},
		],
	};
}

/**
 * ElasticsearchClusterPlansInfo: `healthy` false when the last attempt failed (ece-swagger.json). Where ECE keeps a failed
 * attempt is unattested: the simulator moves it to `history` and keeps the last good one `current` (cloud-sdk-go's tracker
 * reads `current`, then the last of `history`, so it finds either way).
 */
function planInfo(d: EceDeployment, kind: string, refId: string, seeded?: PlanAttempt): Json {
	const state = d.plans?.[`${kind}:${refId}`];
	const current = state?.current ?? seeded;
	const last = state?.history.at(-1);
	const lastFailed =
		last !== undefined &&
		last.healthy === false &&
		!state?.pending &&
		(!current || last.attempt_start_time >= current.attempt_start_time);
	return {
		healthy: !lastFailed,
		history: state?.history ?? [],
		...(current ? { current } : {}),
		...(state?.pending ? { pending: state.pending } : {}),
	};
}

/** DeploymentGetResponse / DeploymentSearchResponse (the fields the Swagger marks required, and a few more). */
export function fullDeployment(d: EceDeployment): Json {
	const stopped = (kind: string) => (d.stoppedKinds ?? []).includes(kind);
	const esStatus = stopped('elasticsearch') ? 'stopped' : d.status;
	const started = esStatus === 'started';
	const kibanaUp = d.status === 'started' && !stopped('kibana');
	const metadata = {
		version: 1,
		last_modified: d.lastModified,
		endpoint: `${d.esClusterId}.ece.example.test`,
	};
	return {
		id: d.id,
		name: d.name,
		healthy: d.healthy && started,
		resources: {
			elasticsearch: [
				{
					ref_id: d.esRefId,
					id: d.esClusterId,
					region: d.region,
					info: {
						cluster_id: d.esClusterId,
						cluster_name: d.name,
						deployment_id: d.id,
						healthy: d.healthy && started,
						status: esStatus,
						plan_info: planInfo(d, 'elasticsearch', d.esRefId, {
							plan_attempt_id: `${d.esClusterId.slice(0, 8)}-0000-4000-8000-000000000000`,
							healthy: true,
							attempt_start_time: d.created,
							attempt_end_time: d.created,
							plan_attempt_log: [],
							warnings: [],
							plan: { elasticsearch: { version: d.version } },
						}),
						elasticsearch: {
							healthy: d.healthy,
							shard_info: { healthy: true },
							master_info: { healthy: true },
							blocking_issues: { healthy: true },
						},
						metadata,
						topology: {
							healthy: d.healthy,
							instances: started
								? d.instances.map((instance) => ({
										instance_name: instance.instance_name,
										healthy: instance.healthy,
										container_started: true,
										service_running: instance.healthy,
										maintenance_mode: false,
										zone: instance.zone,
										allocator_id: instance.allocator_id,
										service_version: d.version,
										memory: { instance_capacity: instance.memory },
									}))
								: [],
						},
						associated_kibana_clusters: [{ kibana_id: d.kibanaClusterId, enabled: true }],
						associated_apm_clusters: [],
						associated_appsearch_clusters: [],
						associated_enterprise_search_clusters: [],
						snapshots: { healthy: true, count: 12, recent_success: true, latest_successful: true },
						external_links: [],
						system_alerts: [],
					},
				},
			],
			kibana: [
				{
					ref_id: 'main-kibana',
					elasticsearch_cluster_ref_id: d.esRefId,
					id: d.kibanaClusterId,
					region: d.region,
					info: {
						cluster_id: d.kibanaClusterId,
						cluster_name: d.name,
						deployment_id: d.id,
						healthy: kibanaUp,
						status: stopped('kibana') ? 'stopped' : d.status,
						elasticsearch_cluster: { elasticsearch_id: d.esClusterId },
						plan_info: planInfo(d, 'kibana', 'main-kibana'),
						metadata: { version: 1, last_modified: d.lastModified },
						topology: { healthy: true, instances: [] },
						external_links: [],
					},
				},
			],
			apm: [],
			appsearch: [],
			enterprise_search: [],
			integrations_server: [],
		},
		settings: { auto_ops: { status: 'not_connected' }, autoscaling_enabled: false },
		metadata: {
			last_modified: d.lastModified,
			owner_id: d.ownerId,
			system_owned: false,
			hidden: false,
			tags: d.tags,
		},
	};
}

/** AllocatorInfo */
export function allocatorInfo(allocator: EceAllocator, deployments: EceDeployment[]): Json {
	const instances = deployments.flatMap((d) =>
		d.status !== 'started'
			? []
			: d.instances
					.filter((instance) => instance.allocator_id === allocator.allocator_id)
					.map((instance) => ({
						cluster_type: 'elasticsearch',
						cluster_id: d.esClusterId,
						cluster_name: d.name,
						deployment_id: d.id,
						instance_name: instance.instance_name,
						node_memory: instance.memory,
						healthy: instance.healthy,
						cluster_healthy: d.healthy,
						moving: false,
					})),
	);
	const used = instances.reduce((sum, instance) => sum + instance.node_memory, 0);
	return {
		allocator_id: allocator.allocator_id,
		zone_id: allocator.zone_id,
		host_ip: allocator.host_ip,
		public_hostname: allocator.public_hostname,
		region: REGION,
		status: {
			connected: true,
			healthy: true,
			maintenance_mode: allocator.maintenance_mode,
			...(allocator.maintenance_mode_timestamp
				? { maintenance_mode_timestamp: allocator.maintenance_mode_timestamp }
				: {}),
		},
		capacity: {
			memory: { total: allocator.memoryTotal, used },
			storage: { total: allocator.memoryTotal * 32 },
		},
		settings: {},
		instances,
		metadata: [{ key: 'rack', value: `r${allocator.host_ip.split('.').pop()}` }],
		features: ['apm', 'elasticsearch', 'kibana', 'integrations_server'],
		external_links: [],
	};
}

/** A traffic filter ruleset (TrafficFilterRulesetInfo) and the deployments it applies to, by id. */
export interface EceRuleset {
	id: string;
	name: string;
	description?: string;
	type: string;
	include_by_default: boolean;
	region: string;
	rules: Json[];
	/** Deployment ids (FilterAssociation entity_type "deployment"), in the order they were associated. */
	associations: string[];
}

/** inferred sample rulesets (an office range, a SOC VPN) associated with the first deployments. */
export function seedRulesets(deployments: EceDeployment[]): EceRuleset[] {
	const first = deployments.slice(0, 3).map((d) => d.id);
	return [
		{
			id: 'a4b1e0c9f7d24e1b9c3f',
			name: 'office-ips',
			description: 'Head office egress',
			type: 'ip',
			include_by_default: false,
			region: REGION,
			rules: [{ id: 'r1', source: '203.0.113.0/24', description: 'HQ' }],
			associations: first.slice(0, 2),
		},
		{
			id: 'c7d2f1a0b9e84c3a1d5e',
			name: 'soc-vpn',
			description: 'SOC analysts VPN',
			type: 'ip',
			include_by_default: true,
			region: REGION,
			rules: [{ id: 'r2', source: '198.51.100.16/28', description: 'VPN' }],
			associations: first,
		},
	];
}

/**
 * TrafficFilterRulesetInfo: associations ({entity_type, id}) and total_associations only when
 * include_associations is true (ece-swagger.json; ecctl trafficfilter/testdata/list.json, list-assoc.json).
 */
export function rulesetInfo(ruleset: EceRuleset, withAssociations: boolean): Json {
	return {
		id: ruleset.id,
		name: ruleset.name,
		...(ruleset.description !== undefined ? { description: ruleset.description } : {}),
		type: ruleset.type,
		include_by_default: ruleset.include_by_default,
		region: ruleset.region,
		rules: ruleset.rules.map((rule) => ({ ...rule })),
		...(withAssociations
			? {
					total_associations: ruleset.associations.length,
					associations: ruleset.associations.map((id) => ({ entity_type: 'deployment', id })),
				}
			: {}),
	};
}
