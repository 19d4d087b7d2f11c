import { COUNTRIES, DAY_MS, HOSTS, Rng, USERS, subSeed } from '../seed';

/** One stored document: its index and its _source. */
export interface StoredDoc {
	index: string;
	source: Record<string, unknown>;
}

export interface UtmIncident {
	id: number;
	incidentName: string;
	incidentDescription: string | null;
	incidentStatus: 'OPEN' | 'IN_REVIEW' | 'COMPLETED' | 'MERGED';
	incidentAssignedTo: string | null;
	incidentCreatedDate: string;
	incidentSeverity: number;
	incidentSolution: string | null;
	/** The linked alert ids (served by the simulator's own bookkeeping, not part of the JSON). */
	alertIds: string[];
}

export interface UtmIncidentNote {
	id: number;
	incidentId: number;
	noteText: string;
	noteSendDate: string;
	noteSendBy: string;
}

/** Alert status codes and labels (vendor-apis.md). */
export const ALERT_STATUS: Record<number, string> = {
	1: 'Automatic review',
	2: 'Open',
	3: 'In review',
	5: 'Completed',
};
/** Severity codes (inferred: 1 Low, 2 Medium, 3 High). */
export const SEVERITY: Record<number, string> = { 1: 'Low', 2: 'Medium', 3: 'High' };

interface Rule {
	name: string;
	category: string;
	tactic: string;
	severity: number;
	protocol: string;
	dataType: string;
	description: string;
	solution: string;
	reference: string[];
}

const RULES: Rule[] = [
	{
		name: 'Brute force attack against Windows logon',
		category: 'Credential Access',
		tactic: 'Credential Access',
		severity: 3,
		protocol: 'RDP',
		dataType: 'wineventlog',
		description:
			'Multiple failed logons (event 4625) for one account from one source within a short window.',
		solution: 'Block the source address and reset the targeted account password.',
		reference: ['https://attack.mitre.org/techniques/T1110/'],
	},
	{
		name: 'SSH brute force',
		category: 'Credential Access',
		tactic: 'Credential Access',
		severity: 2,
		protocol: 'SSH',
		dataType: 'syslog',
		description: 'Repeated SSH authentication failures from a single host.',
		solution: 'Restrict SSH to known networks and enable key-only authentication.',
		reference: ['https://attack.mitre.org/techniques/T1110/001/'],
	},
	{
		name: 'Port scan detected',
		category: 'Discovery',
		tactic: 'Discovery',
		severity: 1,
		protocol: 'TCP',
		dataType: 'firewall-fortigate',
		description: 'A host contacted many destination ports in a short time.',
		solution: 'Review the source and block it at the perimeter if unexpected.',
		reference: ['https://attack.mitre.org/techniques/T1046/'],
	},
	{
		name: 'Malware detected by endpoint protection',
		category: 'Malware',
		tactic: 'Execution',
		severity: 3,
		protocol: 'N/A',
		dataType: 'wineventlog',
		description: 'The endpoint agent reported a malicious file.',
		solution: 'Isolate the host, remove the file and scan the network for the same hash.',
		reference: ['https://attack.mitre.org/techniques/T1204/'],
	},
	{
		name: 'Suspicious PowerShell command line',
		category: 'Execution',
		tactic: 'Execution',
		severity: 2,
		protocol: 'N/A',
		dataType: 'wineventlog',
		description: 'PowerShell launched with an encoded command.',
		solution: 'Investigate the parent process and the user session.',
		reference: ['https://attack.mitre.org/techniques/T1059/001/'],
	},
	{
		name: 'Connection to known malicious IP',
		category: 'Command and Control',
		tactic: 'Command and Control',
		severity: 3,
		protocol: 'HTTPS',
		dataType: 'firewall-fortigate',
		description: 'Outbound traffic to an address on a threat intelligence list.',
		solution: 'Block the address and check the internal host for compromise.',
		reference: ['https://attack.mitre.org/tactics/TA0011/'],
	},
	{
		name: 'Impossible travel login',
		category: 'Initial Access',
		tactic: 'Initial Access',
		severity: 2,
		protocol: 'HTTPS',
		dataType: 'o365',
		description: 'A user signed in from two distant countries within an hour.',
		solution: 'Confirm with the user, revoke sessions and require MFA.',
		reference: ['https://attack.mitre.org/techniques/T1078/'],
	},
	{
		name: 'Mass file deletion on file share',
		category: 'Impact',
		tactic: 'Impact',
		severity: 3,
		protocol: 'SMB',
		dataType: 'wineventlog',
		description: 'More than 500 files deleted by one account in five minutes.',
		solution: 'Disable the account and restore from backup.',
		reference: ['https://attack.mitre.org/techniques/T1485/'],
	},
	{
		name: 'New local administrator created',
		category: 'Persistence',
		tactic: 'Persistence',
		severity: 2,
		protocol: 'N/A',
		dataType: 'wineventlog',
		description: 'A user was added to the local Administrators group.',
		solution: 'Verify the change request; remove the account if unauthorised.',
		reference: ['https://attack.mitre.org/techniques/T1136/001/'],
	},
	{
		name: 'DNS tunneling suspected',
		category: 'Exfiltration',
		tactic: 'Exfiltration',
		severity: 2,
		protocol: 'DNS',
		dataType: 'syslog',
		description: 'Unusually long and frequent DNS queries to one domain.',
		solution: 'Block the domain and inspect the querying host.',
		reference: ['https://attack.mitre.org/techniques/T1071/004/'],
	},
	{
		name: 'Firewall configuration changed',
		category: 'Defense Evasion',
		tactic: 'Defense Evasion',
		severity: 1,
		protocol: 'HTTPS',
		dataType: 'firewall-fortigate',
		description: 'A firewall policy was modified outside the change window.',
		solution: 'Review the change with the network team.',
		reference: [],
	},
	{
		name: 'Linux sudo privilege escalation',
		category: 'Privilege Escalation',
		tactic: 'Privilege Escalation',
		severity: 2,
		protocol: 'N/A',
		dataType: 'linux',
		description: 'A user without sudo rights attempted privileged commands.',
		solution: 'Check the user activity and the sudoers file.',
		reference: ['https://attack.mitre.org/techniques/T1548/003/'],
	},
	{
		name: 'Office 365 mailbox forwarding rule',
		category: 'Collection',
		tactic: 'Collection',
		severity: 2,
		protocol: 'HTTPS',
		dataType: 'o365',
		description: 'An inbox rule forwards mail to an external address.',
		solution: 'Remove the rule and reset the user credentials.',
		reference: ['https://attack.mitre.org/techniques/T1114/003/'],
	},
	{
		name: 'Web application SQL injection attempt',
		category: 'Initial Access',
		tactic: 'Initial Access',
		severity: 3,
		protocol: 'HTTP',
		dataType: 'firewall-fortigate',
		description: 'Request parameters contained SQL injection patterns.',
		solution: 'Confirm the WAF blocked it and review the application logs.',
		reference: ['https://owasp.org/www-community/attacks/SQL_Injection'],
	},
];

const TAGS = [
	'false-positive',
	'vip',
	'pci',
	'needs-triage',
	'escalated',
	'known-scanner',
	'production',
];
// comma-separated user ids, as UtmIncidentQueryService parses them (the ids of the simulator's users)
const ASSIGNEES = ['3', '1', '1,3', null];

function endpoint(rng: Rng, internal: boolean): Record<string, unknown> {
	const ip = internal ? rng.privateIp() : rng.publicIp();
	const country = internal ? undefined : rng.pick(COUNTRIES);
	return {
		ip,
		host: internal ? rng.pick(HOSTS) : undefined,
		user: internal && rng.chance(0.6) ? rng.pick(USERS) : undefined,
		port: rng.pick([22, 53, 80, 443, 445, 3389, 8080, rng.int(1024, 65535)]),
		country,
		countryCode: country ? country.slice(0, 2).toUpperCase() : undefined,
		city: country ? rng.pick(['Capital City', 'Port Town', 'Lakeside', 'Hill Valley']) : undefined,
		coordinates: country
			? [Number((rng.next() * 180 - 90).toFixed(4)), Number((rng.next() * 360 - 180).toFixed(4))]
			: undefined,
	};
}

function clean(record: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function dayIndex(prefix: string, ms: number): string {
	const d = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${prefix}-${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}`;
}

/** One alert at `timestamp`, its fields drawn from `rng` (seeded data and alerts created on demand alike). */
export function alertDoc(rng: Rng, timestamp: number): StoredDoc {
	const rule = rng.pick(RULES);
	const status = rng.weighted<number>([
		[1, 2],
		[2, 5],
		[3, 2],
		[5, 3],
	]);
	const severity = rng.chance(0.8) ? rule.severity : rng.int(1, 3);
	const inbound = rng.chance(0.5);
	const source = endpoint(rng, !inbound);
	const destination = endpoint(rng, true);
	const logCount = rng.int(1, 3);
	const source_ = clean({
		'@timestamp': new Date(timestamp).toISOString(),
		id: rng.uuid(),
		status,
		statusLabel: ALERT_STATUS[status],
		statusObservation:
			status === 5
				? rng.pick(['Resolved by blocking the source', 'Confirmed benign', 'Handled in ticket'])
				: null,
		isIncident: false,
		incidentDetail: null,
		name: rule.name,
		category: rule.category,
		severity,
		severityLabel: SEVERITY[severity],
		protocol: rule.protocol,
		description: rule.description,
		solution: rule.solution,
		tactic: rule.tactic,
		reference: rule.reference,
		dataType: rule.dataType,
		dataSource: String(destination.host ?? destination.ip),
		source: clean(source),
		destination: clean(destination),
		logs: Array.from({ length: logCount }, () => rng.uuid()),
		tags: rng.chance(0.3) ? rng.some(TAGS, 1, 2) : [],
		notes: rng.chance(0.1) ? 'Checked by the night shift' : '',
	});
	return { index: dayIndex('alert', timestamp), source: source_ };
}

/**
 * The alerts of alert-*, in the order the search returns them without a sort (a stable stand-in for
 * "_score desc"). Timestamps spread over the 30 days before `now`; about a quarter of the alerts share
 * their timestamp with the one before (bursts), so sorting by @timestamp alone has ties.
 */
export function seedAlerts(seed: number, count: number, now: number): StoredDoc[] {
	const rng = new Rng(subSeed(seed, 'utmstack-alerts'));
	const docs: StoredDoc[] = [];
	let previous = now - rng.next() * 30 * DAY_MS;
	for (let i = 0; i < count; i++) {
		const timestamp =
			i > 0 && rng.chance(0.25) ? previous : Math.floor(now - 60_000 - rng.next() * 30 * DAY_MS);
		previous = timestamp;
		docs.push(alertDoc(rng, timestamp));
	}
	return docs;
}

const LOG_TYPES = ['wineventlog', 'syslog', 'firewall-fortigate', 'o365', 'linux'];
const ACTIONS = [
	'logon',
	'logoff',
	'connection-allowed',
	'connection-denied',
	'file-read',
	'file-write',
	'process-start',
	'mail-send',
];

/** Log documents of log-<dataType>-YYYY.MM.DD over the last 30 days. */
export function seedLogs(seed: number, count: number, now: number): StoredDoc[] {
	const rng = new Rng(subSeed(seed, 'utmstack-logs'));
	const docs: StoredDoc[] = [];
	for (let i = 0; i < count; i++) {
		const timestamp = Math.floor(now - 30_000 - rng.next() * 30 * DAY_MS);
		const dataType = rng.pick(LOG_TYPES);
		const origin = clean(endpoint(rng, true));
		const target = clean(endpoint(rng, rng.chance(0.7)));
		const action = rng.pick(ACTIONS);
		const outcome = rng.weighted([
			['success', 7],
			['failure', 3],
		] as const);
		docs.push({
			index: dayIndex(`log-${dataType}`, timestamp),
			source: {
				'@timestamp': new Date(timestamp).toISOString(),
				id: rng.uuid(),
				dataType,
				dataSource: String(origin.host ?? origin.ip),
				action,
				actionResult: outcome,
				origin,
				target,
				severity: rng.pick(['info', 'notice', 'warning', 'error']),
				message: `${action} ${outcome} from ${String(origin.ip)} to ${String(target.ip)}`,
			},
		});
	}
	return docs;
}

/** Incidents 1..count, each linking one to four alerts, which get isIncident and incidentDetail. */
export function seedIncidents(
	seed: number,
	count: number,
	now: number,
	alerts: StoredDoc[],
): UtmIncident[] {
	const rng = new Rng(subSeed(seed, 'utmstack-incidents'));
	const incidents: UtmIncident[] = [];
	let next = 0;
	// Incidents get ids in the order they are raised (a database sequence), so creation dates grow with ids.
	const created = Array.from({ length: count }, () => now - rng.next() * 30 * DAY_MS).sort(
		(a, b) => a - b,
	);
	for (let id = 1; id <= count && next < alerts.length; id++) {
		const linked = alerts.slice(next, next + rng.int(1, 4));
		next += linked.length + rng.int(0, 20);
		const first = linked[0].source;
		const status = rng.weighted<UtmIncident['incidentStatus']>([
			['OPEN', 5],
			['IN_REVIEW', 3],
			['COMPLETED', 3],
			['MERGED', 1],
		]);
		const incident: UtmIncident = {
			id,
			incidentName: `INC-${String(id).padStart(4, '0')} ${String(first.name)}`,
			incidentDescription: rng.chance(0.7)
				? `Raised from ${linked.length} alert(s) on ${String(first.dataSource)}`
				: null,
			incidentStatus: status,
			incidentAssignedTo: rng.pick(ASSIGNEES),
			incidentCreatedDate: new Date(created[id - 1]).toISOString(),
			incidentSeverity: Math.max(...linked.map((alert) => Number(alert.source.severity))),
			incidentSolution: status === 'COMPLETED' ? 'Contained and closed' : null,
			alertIds: linked.map((alert) => String(alert.source.id)),
		};
		for (const alert of linked) linkAlert(alert, incident, 'system');
		incidents.push(incident);
	}
	return incidents;
}

export function linkAlert(alert: StoredDoc, incident: UtmIncident, by: string): void {
	alert.source.isIncident = true;
	alert.source.incidentDetail = {
		incidentId: incident.id,
		incidentName: incident.incidentName,
		incidentStatus: incident.incidentStatus,
		createdBy: by,
		observation: incident.incidentDescription ?? '',
		creationDate: incident.incidentCreatedDate,
	};
}

/** UtmIndexPattern answers `active` (its getter getActive()); the UI filters with isActive.equals. */
export const INDEX_PATTERNS = [
	{ id: 1, pattern: 'alert-*', patternModule: 'ALERTS', patternSystem: true, active: true },
	{ id: 2, pattern: 'log-*', patternModule: 'LOGS', patternSystem: true, active: true },
	...LOG_TYPES.map((type, i) => ({
		id: 3 + i,
		pattern: `log-${type}-*`,
		patternModule: type.toUpperCase(),
		patternSystem: false,
		active: true,
	})),
];

export const ALERT_TAGS = TAGS.map((tag, i) => ({
	id: i + 1,
	tagName: tag,
	tagColor: ['#e53935', '#8e24aa', '#3949ab', '#00897b', '#fdd835', '#6d4c41', '#546e7a'][i],
	systemOwner: i < 2,
}));
