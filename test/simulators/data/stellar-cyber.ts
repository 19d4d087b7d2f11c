import { createHash } from 'node:crypto';
import { COUNTRIES, DAY_MS, HOSTS, Rng, USERS, subSeed } from '../seed';
import { STELLAR } from '../fixtures';

export interface StellarTenant {
	cust_id: string;
	cust_name: string;
}

export type StellarCase = Record<string, unknown> & {
	_id: string;
	cust_id: string;
	created_at: number;
	modified_at: number;
	score: number;
	size: number;
};

export interface StellarAlert {
	_id: string;
	_index: string;
	_source: Record<string, unknown>;
}

/** {comment, _id, case_id, created_at, modified_at, user}: the comment jira-case-sync reads. */
export interface StellarComment {
	_id: string;
	case_id: string;
	comment: string;
	created_at: number;
	modified_at: number;
	user: string;
}

export interface StellarData {
	tenants: StellarTenant[];
	cases: StellarCase[];
	/** Alerts of aella-ser-*, the ones attached to cases first. */
	alerts: StellarAlert[];
	alertsByCase: Map<string, StellarAlert[]>;
	comments: Map<string, StellarComment[]>;
}

export const CASE_STATUSES = ['New', 'In Progress', 'Escalated', 'Resolved', 'Cancelled'];
export const CASE_SEVERITIES = ['Critical', 'High', 'Medium', 'Low'];
export const ALERT_STATUSES = ['New', 'In Progress', 'Cancelled', 'Closed', 'Ignored'];

const TENANT_NAMES = ['Root Tenant', 'Acme Manufacturing', 'Globex Retail', 'Initech Finance'];
const ANALYSTS = ['alice.soc', 'bob.soc', 'carol.ir', ''];

/**
 * A user's id as Stellar gives it: 32 hexadecimal characters (XSOAR's recorded case answers hold
 * `modified_by: "9887e386323148ea8c68d4cf0bc1cdf6"`). Derived from the login here so it is stable.
 */
export function stellarUserId(login: string): string {
	return createHash('sha256').update(login).digest('hex').slice(0, 32);
}

/** Who the scoped API key of the fixtures acts as (its token's subject), a user of the platform like any other. */
export const API_KEY_USER = 'api-key:soc-automation';

/**
 * GET /users as the vendor's sync tools read it: {data: [{user_id, email, priv_profile_id, ...}]}
 * (stellarcyber/jira-case-sync get_user, halopsa-ticket-sync getUserByEmail). No public client reads a
 * user name; the other fields of a real record are unattested and left out.
 */
export const STELLAR_USERS = [
	...ANALYSTS.filter((name) => name !== ''),
	API_KEY_USER,
	STELLAR.email,
].map((name, index) => ({
	user_id: stellarUserId(name),
	email: name.startsWith('api-key:')
		? 'soc-automation-key@example.test'
		: name.includes('@')
			? name
			: `${name}@example.test`,
	priv_profile_id: index === 0 ? 'root' : 'analyst',
}));

/** The id and the display name of a user, as a case record pairs them (modified_by + modified_by_name). */
export function caseUser(login: string): { id: string; name: string } {
	return login === '' ? { id: '', name: 'Unassigned' } : { id: stellarUserId(login), name: login };
}
const TAGS = [
	'phishing',
	'ransomware',
	'insider',
	'false_positive',
	'vip',
	'cloud',
	'needs_review',
];
export const EVENTS = [
	{
		name: 'external_brute_forcer',
		display: 'External Brute Forcer',
		tactic: ['TA0006', 'Credential Access'],
		technique: ['T1110', 'Brute Force'],
	},
	{
		name: 'internal_port_scanner',
		display: 'Internal Port Scanner',
		tactic: ['TA0007', 'Discovery'],
		technique: ['T1046', 'Network Service Discovery'],
	},
	{
		name: 'malware_on_disk',
		display: 'Malware on Disk',
		tactic: ['TA0002', 'Execution'],
		technique: ['T1204', 'User Execution'],
	},
	{
		name: 'dns_tunneling',
		display: 'DNS Tunneling',
		tactic: ['TA0011', 'Command and Control'],
		technique: ['T1071.004', 'DNS'],
	},
	{
		name: 'impossible_travel',
		display: 'User Login Location Anomaly',
		tactic: ['TA0001', 'Initial Access'],
		technique: ['T1078', 'Valid Accounts'],
	},
	{
		name: 'data_exfiltration',
		display: 'Abnormal Outbound Data Volume',
		tactic: ['TA0010', 'Exfiltration'],
		technique: ['T1041', 'Exfiltration Over C2 Channel'],
	},
	{
		name: 'phishing_url',
		display: 'Phishing URL Visited',
		tactic: ['TA0001', 'Initial Access'],
		technique: ['T1566.002', 'Spearphishing Link'],
	},
];

export interface CaseBasics {
	ticket: number;
	id: string;
	tenant: StellarTenant;
	event: (typeof EVENTS)[number];
	host: string;
	created: number;
	modified: number;
	status: string;
	size: number;
}

/** One case record; the fields not given are drawn from `rng` (seeded cases and cases created on demand alike). */
export function caseRecord(rng: Rng, basics: CaseBasics): StellarCase {
	const { ticket, id, tenant, event, host, created, modified, status, size } = basics;
	return {
		_id: id,
		ticket_id: ticket,
		name: `${event.display} on ${host}`,
		score: Math.round(rng.next() * 1000) / 10,
		size,
		status,
		severity: rng.pick(CASE_SEVERITIES),
		...(() => {
			const assignee = caseUser(rng.pick(ANALYSTS));
			return { assignee: assignee.id, assignee_name: assignee.name };
		})(),
		tags: rng.chance(0.4) ? rng.some(TAGS, 1, 3) : [],
		cust_id: tenant.cust_id,
		tenant_name: tenant.cust_name,
		created_at: created,
		modified_at: modified,
		created_by: 'system',
		...(() => {
			const by = caseUser(rng.pick(ANALYSTS) || 'system');
			return { modified_by: by.id, modified_by_name: by.name };
		})(),
		resolution:
			status === 'Resolved' ? rng.pick(['True Positive', 'Benign', 'False Positive']) : null,
		acknowledged: status === 'New' ? null : created + 3_600_000,
		closed: status === 'Resolved' || status === 'Cancelled' ? modified : null,
	};
}

/** One alert of a case: the case's event on its host, raised at `at` (epoch ms). */
export function caseAlert(
	rng: Rng,
	of: { event: (typeof EVENTS)[number]; tenant: StellarTenant; host: string },
	at: number,
): StellarAlert {
	const { event, tenant, host } = of;
	const day = Math.floor(at / DAY_MS) * DAY_MS;
	const srcCountry = rng.pick(COUNTRIES);
	const alert: StellarAlert = {
		_id: rng.hex(20),
		// XSOAR's recorded get_alert.json: a search of aella-ser-* answers hits of stellar-index-v1-ser-…-<date>-0000nn
		_index: `stellar-index-v1-ser-${tenant.cust_id}-${new Date(day).toISOString().slice(0, 10).replace(/-/g, '.')}-000001`,
		_source: {
			timestamp: at,
			alert_time: at,
			stellar_uuid: rng.uuid(),
			event_name: event.name,
			xdr_event: {
				name: event.name,
				display_name: event.display,
				tactic: { id: event.tactic[0], name: event.tactic[1] },
				technique: { id: event.technique[0], name: event.technique[1] },
			},
			event_status: rng.pick(ALERT_STATUSES),
			event_score: rng.int(10, 100),
			severity: rng.int(10, 100),
			srcip: rng.publicIp(),
			srcip_geo: { countryName: srcCountry },
			srcip_host: rng.chance(0.3) ? `${rng.pick(USERS)}-pc` : undefined,
			dstip: rng.privateIp(),
			dstip_host: host,
			dstport: rng.pick([22, 53, 80, 443, 445, 3389]),
			cust_id: tenant.cust_id,
			tenant_name: tenant.cust_name,
			event_tags: [],
			comments: [],
		},
	};
	if (alert._source.srcip_host === undefined) delete alert._source.srcip_host;
	return alert;
}

/** Tenants, a few hundred cases spread over 60 days, their alerts (1 to 12 each) and a few comments. */
export function seedStellar(seed: number, caseCount: number, now: number): StellarData {
	const rng = new Rng(subSeed(seed, 'stellar-cyber'));
	const tenants = TENANT_NAMES.map((name) => ({ cust_id: rng.hex(32), cust_name: name }));
	const cases: StellarCase[] = [];
	const alerts: StellarAlert[] = [];
	const alertsByCase = new Map<string, StellarAlert[]>();
	const comments = new Map<string, StellarComment[]>();
	for (let i = 0; i < caseCount; i++) {
		const tenant = rng.pick(tenants);
		const event = rng.pick(EVENTS);
		const host = rng.pick(HOSTS);
		const created = Math.floor(now - 60_000 - rng.next() * 60 * DAY_MS);
		const modified = Math.min(now, created + Math.floor(rng.next() * 5 * DAY_MS));
		const status = rng.weighted([
			['New', 5],
			['In Progress', 3],
			['Escalated', 1],
			['Resolved', 3],
			['Cancelled', 1],
		] as const);
		const size = rng.int(1, 12);
		const id = rng.hex(24);
		const record = caseRecord(rng, {
			ticket: 1000 + i,
			id,
			tenant,
			event,
			host,
			created,
			modified,
			status,
			size,
		});
		cases.push(record);
		const own: StellarAlert[] = [];
		for (let a = 0; a < size; a++) {
			own.push(
				caseAlert(rng, { event, tenant, host }, Math.floor(created - rng.next() * 3_600_000)),
			);
		}
		alertsByCase.set(id, own);
		alerts.push(...own);
		if (rng.chance(0.3)) {
			comments.set(
				id,
				Array.from({ length: rng.int(1, 3) }, (_, n) => ({
					_id: rng.hex(24),
					case_id: id,
					comment: rng.pick([
						'Looking into it',
						'Escalated to tier 2',
						'Host isolated',
						'User confirmed the activity',
					]),
					created_at: created + (n + 1) * 600_000,
					modified_at: created + (n + 1) * 600_000,
					user: rng.pick(ANALYSTS) || 'alice.soc',
				})),
			);
		}
	}
	return { tenants, cases, alerts, alertsByCase, comments };
}
