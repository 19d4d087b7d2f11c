import { DAY_MS, Rng, USERS as SIEM_ACCOUNTS, subSeed } from '../seed';

export type ImmutaRecord = Record<string, unknown> & { id: number | string; name?: string };

export interface ImmutaData {
	/** The users and groups of the built-in IAM (bim); shapes from Immuta's BIM API guide, paging inferred like /project. */
	users: ImmutaRecord[];
	groups: ImmutaRecord[];
	dataSources: ImmutaRecord[];
	tags: Map<number, Array<Record<string, unknown>>>;
	projects: ImmutaRecord[];
	globalPolicies: ImmutaRecord[];
	audit: ImmutaRecord[];
	allTags: Array<Record<string, unknown>>;
	/**
	 * Group memberships, as GET /bim/group/{groupId}/user answers them (Model110: id is the membership's own id,
	 * the one DELETE /bim/group/{groupId}/user/{groupuserid} takes; terraform-provider-immuta's group users).
	 */
	memberships: ImmutaRecord[];
}

const HANDLERS = [
	{ type: 'Snowflake', conn: (r: Rng) => `acme-${r.hex(6)}.snowflakecomputing.com:443/ANALYTICS` },
	{ type: 'PostgreSQL', conn: (r: Rng) => `pg-${r.int(1, 9)}.data.example.test:5432/warehouse` },
	{
		type: 'Databricks',
		conn: (r: Rng) => `adb-${r.int(1000, 9999)}.azuredatabricks.net:443/default`,
	},
	{ type: 'Redshift', conn: (r: Rng) => `rs-cluster.${r.hex(8)}.redshift.amazonaws.com:5439/dev` },
	{ type: 'Google BigQuery', conn: () => 'bigquery.googleapis.com:443/acme-analytics' },
];
const SUBJECTS = [
	'customers',
	'orders',
	'payments',
	'claims',
	'employees',
	'patients',
	'shipments',
	'web_sessions',
	'invoices',
	'support_tickets',
	'products',
	'leads',
];
const QUALIFIERS = ['raw', 'curated', 'daily', 'eu', 'us', 'archive', 'pii_masked', 'staging'];
const TAG_NAMES = [
	'Discovered.PII',
	'Discovered.Entity.Email Address',
	'Discovered.Entity.Person Name',
	'Sensitivity.Confidential',
	'Sensitivity.Internal',
	'Department.Finance',
	'Department.HR',
	'Regulation.GDPR',
	'Regulation.HIPAA',
];
// legacy audit record types (tap-immuta AUDIT_RECORD_TYPES, Immuta's audit docs)
const RECORD_TYPES = [
	'sqlQuery',
	'nativeQuery',
	'dataSourceGet',
	'authenticate',
	'apiKey',
	'auditQuery',
];
const USERS = [
	'data.steward@example.test',
	'analyst1@example.test',
	'analyst2@example.test',
	'etl-service@example.test',
];

/** Data sources, their tags, projects, global policies and audit records. */
export function seedImmuta(seed: number, dataSourceCount: number, now: number): ImmutaData {
	const rng = new Rng(subSeed(seed, 'immuta'));
	const dataSources: ImmutaRecord[] = [];
	const tags = new Map<number, Array<Record<string, unknown>>>();
	const used = new Set<string>();
	for (let i = 0; i < dataSourceCount; i++) {
		const handler = rng.pick(HANDLERS);
		let name = `${rng.pick(SUBJECTS)} ${rng.pick(QUALIFIERS)}`;
		if (used.has(name)) name = `${name} ${i}`;
		used.add(name);
		const id = i + 1;
		const created = now - rng.next() * 400 * DAY_MS;
		dataSources.push({
			id,
			name,
			description: rng.chance(0.6) ? `The ${name} table replicated from ${handler.type}` : null,
			status: rng.weighted([
				['Ready', 8],
				['Unhealthy', 1],
				['Disabled', 1],
			] as const),
			type: 'queryable',
			blobHandlerType: handler.type,
			connectionString: handler.conn(rng),
			sqlTableName: name.replace(/\s+/g, '_'),
			recordCount: rng.int(0, 5_000_000),
			createdAt: new Date(created).toISOString(),
			updatedAt: new Date(Math.min(now, created + rng.next() * 60 * DAY_MS)).toISOString(),
			deleted: false,
			catalogMetadata: null,
		});
		tags.set(
			id,
			rng.some(TAG_NAMES, 0, 3).map((tag) => ({
				name: tag,
				source: tag.startsWith('Discovered') ? 'sdd' : 'curated',
				deleted: false,
			})),
		);
	}
	const projects: ImmutaRecord[] = Array.from({ length: 40 }, (_, i) => ({
		id: i + 1,
		name: `${rng.pick(['Churn', 'Fraud', 'Forecast', 'Marketing', 'Claims', 'Supply'])} ${rng.pick(['Analysis', 'Model', 'Dashboard', 'Study'])} ${i + 1}`,
		description: 'Project workspace',
		status: rng.pick(['open', 'open', 'closed']),
		purposes: rng.some(
			['Fraud Detection', 'Marketing Analytics', 'Research', 'Regulatory Reporting'],
			0,
			2,
		),
		dataSourceCount: rng.int(0, 12),
		createdAt: new Date(now - rng.next() * 300 * DAY_MS).toISOString(),
		deleted: false,
	}));
	const globalPolicies: ImmutaRecord[] = Array.from({ length: 15 }, (_, i) => ({
		id: i + 1,
		name: `${rng.pick(['Mask PII', 'Restrict HR data', 'Row filter by region', 'Subscription by department', 'Minimize rows'])} ${i + 1}`,
		type: rng.pick(['data', 'subscription']),
		template: false,
		staged: rng.chance(0.2),
		deleted: false,
		createdAt: new Date(now - rng.next() * 200 * DAY_MS).toISOString(),
		// tap-immuta schemas/global_policy.py: an integer createdBy with createdByName beside it
		...(() => {
			const by = rng.int(0, USERS.length - 1);
			return { createdBy: by + 1, createdByName: USERS[by] };
		})(),
	}));
	// Immuta's audit Hit: dateTime in epoch ms (the docs' example, the API description's integer), user and data source by name
	const audit: ImmutaRecord[] = Array.from({ length: 1500 }, () => {
		const userId = rng.pick(USERS);
		const success = rng.chance(0.95);
		return {
			id: rng.uuid(),
			dateTime: Math.floor(now - rng.next() * 30 * DAY_MS),
			recordType: rng.pick(RECORD_TYPES),
			userId,
			email: userId,
			profileId: USERS.indexOf(userId) + 1,
			success,
			failureReason: success ? null : 'Not authorized',
			dataSourceName: rng.chance(0.6)
				? `data source ${rng.int(1, Math.max(1, dataSourceCount))}`
				: null,
			projectName: null,
		};
	});
	const allTags = TAG_NAMES.map((name, i) => ({
		id: i + 1,
		name,
		source: name.startsWith('Discovered') ? 'sdd' : 'curated',
		deleted: false,
	}));
	const people = [
		...USERS,
		...Array.from({ length: 240 }, (_, i) => `analyst${i + 3}@example.test`),
		// the accounts the UTMStack simulator's alerts name, at the same domain: what a playbook from an alert finds
		...SIEM_ACCOUNTS.map((account) => `${account}@example.test`),
	];
	const users: ImmutaRecord[] = people.map((userid, i) => ({
		id: i + 1,
		iamid: 'bim',
		userid,
		// no top-level name: a user's name is profile.name (Immuta's API description, tap-immuta schemas/user.py)
		profile: { name: userid.split('@')[0].replace(/[.-]/g, ' '), email: userid },
		permissions: i === 0 ? ['GOVERNANCE', 'USER_ADMIN'] : [],
		disabled: i % 37 === 36,
		lastLogin: new Date(now - rng.next() * 30 * DAY_MS).toISOString(),
		createdAt: new Date(now - rng.next() * 400 * DAY_MS).toISOString(),
	}));
	const groups: ImmutaRecord[] = [
		'Data Governance',
		'Finance Analysts',
		'HR Analysts',
		'SOC',
		'ETL Services',
		'Marketing',
	].map((name, i) => ({
		id: i + 1,
		iamid: 'bim',
		name,
		description: `${name} team`,
		createdAt: new Date(now - (i + 1) * 20 * DAY_MS).toISOString(),
	}));
	return {
		users,
		groups,
		dataSources,
		tags,
		projects,
		globalPolicies,
		audit,
		allTags,
		memberships: seedMemberships(seed, users, groups, now),
	};
}

/** Every user in one team group, and every fifth also in SOC; a random of its own, so the data above stays the same. */
function seedMemberships(
	seed: number,
	users: ImmutaRecord[],
	groups: ImmutaRecord[],
	now: number,
): ImmutaRecord[] {
	const rng = new Rng(subSeed(seed, 'immuta-memberships'));
	const soc = groups.find((group) => group.name === 'SOC');
	const teams = groups.filter((group) => group !== soc);
	const memberships: ImmutaRecord[] = [];
	for (const [i, user] of users.entries()) {
		const joined = [teams[i % teams.length], ...(i % 5 === 0 && soc ? [soc] : [])];
		// the SIEM's accounts are finance analysts too (the group the sandbox's playbook removes them from)
		const finance = groups.find((group) => group.name === 'Finance Analysts');
		if (
			SIEM_ACCOUNTS.includes(String(user.userid).split('@')[0]) &&
			finance &&
			!joined.includes(finance)
		)
			joined.push(finance);
		for (const group of joined)
			memberships.push({
				id: 1000 + memberships.length,
				group: group.id,
				profile: user.id,
				uid: user.id,
				userid: user.userid,
				iamid: user.iamid,
				disabled: user.disabled,
				createdAt: new Date(now - rng.next() * 200 * DAY_MS).toISOString(),
			});
	}
	return memberships;
}

export type AccessEntry = Record<string, unknown>;

const ACCESS_STATES = ['subscribed', 'subscribed', 'subscribed', 'expert', 'owner'] as const;

/**
 * Who has access to one data source, as GET /dataSource/{id}/access answers in `users` (tap-immuta
 * schemas/data_source_subscription.py; one entry per user profile, its primary key with the data source).
 * Made from the data source's id alone, so it is the same on every read.
 */
export function accessOf(seed: number, dataSourceId: number, users: ImmutaRecord[]): AccessEntry[] {
	const rng = new Rng(subSeed(seed, `immuta-access-${dataSourceId}`));
	const chosen = rng.some(users, 2, 9);
	return chosen.map((user, i) => {
		const profile = user.profile as Record<string, unknown>;
		const at = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
		return {
			profile: user.id,
			name: profile.name,
			iamid: user.iamid,
			userid: user.userid,
			email: profile.email,
			admin: null,
			approved: true,
			state: i === 0 ? 'owner' : rng.pick(ACCESS_STATES),
			systemGenerated: false,
			subscriptionId: dataSourceId * 100 + i,
			createdAt: at,
			updatedAt: at,
			approvals: [],
		};
	});
}
