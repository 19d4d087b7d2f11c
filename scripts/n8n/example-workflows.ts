import { signInById } from '../../test/platforms';
import {
	pollEvery,
	secopsType,
	triggerWorkflow,
	type ChainNode,
	type WorkflowJson,
} from './workflow-builder';

/**
 * The sandbox's example workflows: automations SOC engineers build, each started by one of our triggers or
 * a schedule, with the simulators' credentials (sandbox-credentials.ts). Each is also run by the
 * end-to-end suite, so they stay green. Activate one in the editor to have it run on its own.
 */

/** A sandbox credential (test/platforms.ts) as a node refers to it. */
function credential(id: string): ChainNode['credentials'] {
	const signIn = signInById(id);
	return { [signIn.credentialType]: { id, name: signIn.name } };
}

const UTMSTACK = credential('secopsUtmPasswd1');
const STELLAR = credential('secopsStlScoped1');
const IMMUTA = credential('secopsImmApiKey1');
const ECE = credential('secopsEceApiKey1');

/** The tag an escalated Stellar Cyber case gets, so a person (or a filter) sees n8n escalated it. */
export const ESCALATED_TAG = 'escalated-by-n8n';

export const EXAMPLE_NODES = {
	utmAlerts: 'New High-Severity Alerts',
	utmIncident: 'Open Incident',
	utmNote: 'Note on Incident',
	stlCases: 'New Case Above Score',
	stlEscalate: 'Escalate Case',
	stlComment: 'Comment on Case',
	eceHealth: 'Deployment Health Changed',
	eceUnhealthy: 'Turned Unhealthy',
	eceRestart: 'Restart Elasticsearch',
	eceReport: 'Report',
	immSchedule: 'Every Morning',
	immSources: 'Sensitive Data Sources',
	immAccess: 'Who Has Access',
	immRow: 'Report Row',
	immFile: 'Access CSV File',
	pbAlerts: 'Impossible Travel Alerts',
	pbAccount: 'Account Named',
	pbIncident: 'Open Incident',
	pbDisable: 'Disable in Immuta',
	pbGroup: 'Remove From Group',
	pbNote: 'Note What Was Done',
} as const;

/** The tag the daily access report looks for, and the account domain and group the playbook uses. */
export const SENSITIVE_TAG = 'Sensitivity.Confidential';
export const PLAYBOOK = {
	alertName: 'Impossible travel login',
	domain: 'example.test',
	/** Immuta's group 2 in the sandbox: Finance Analysts. */
	groupId: 2,
} as const;

function node(
	name: string,
	type: string,
	parameters: Record<string, unknown>,
	credentials: ChainNode['credentials'],
): ChainNode {
	return { name, type: secopsType(type), parameters, credentials };
}

/** n8n's Filter node (version 2) keeping the items whose one condition holds. */
function filterNode(
	name: string,
	id: string,
	leftValue: string,
	operator: { type: string; operation: string },
): ChainNode {
	return {
		name,
		type: 'n8n-nodes-base.filter',
		typeVersion: 2,
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
				conditions: [
					{ id, leftValue, rightValue: '', operator: { ...operator, singleValue: true } },
				],
				combinator: 'and',
			},
			options: {},
		},
	};
}

/** Our polling triggers check every minute in these examples. */
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };

/** What each example does and what to change first, shown as a sticky note beside it in the editor. */
const NOTES = {
	secopsExampleUtm:
		'## New high-severity alerts open one incident\nEvery minute, the alerts of the index pattern that are new since the last poll and of the minimum severity open **one** UTMStack incident (named after the first alert and the poll time) with a note that lists them. An alert is taken once: the trigger remembers where it stopped.\n\n**Change first:** the UTMStack credential (an API key works on a default install); in the trigger, **Index Pattern** (`v11-alert-*` on UTMStack 11) and **Minimum Severity** (High here).',
	secopsExampleStl:
		'## Escalate each new case above a score\nEvery minute, each new Stellar Cyber case in status New with a score of **80** or more is set to Escalated and Critical, tagged `escalated-by-n8n`, and gets a comment with its score, alert count and creation time. An escalated case is no longer New, so it is never taken twice.\n\n**Change first:** the Stellar Cyber credential; in the trigger, **Minimum Score** (80) and **Statuses**; the tag in the update node.',
	secopsExampleEce:
		"## Restart a deployment that turns unhealthy, and report\nEvery 30 seconds the trigger compares each deployment's health with the last poll. A deployment that turns unhealthy gets its unhealthy Elasticsearch resource restarted; the node waits for ECE's restart plan to end and the report says how it ended and how long it took (a failed plan stops the run with the failing step).\n\n**Change first:** the Elastic Cloud Enterprise credential; **Wait Up To (Minutes)** in the restart node; where the report goes (add a Slack or email node after **Report**).",
	secopsExampleImm:
		'## Daily report: who has access to sensitive data\nEvery day at 06:00, each Immuta data source tagged `Sensitivity.Confidential` is read with who holds access to it (subscribers, experts and owners; members of a group that has access listed one by one), and the whole list becomes one CSV file, one row per person and data source. Every data source and every person is read whole, page after page.\n\n**Change first:** the Immuta credential; the **Tag** in **Sensitive Data Sources**; the hour in **Every Morning**; where the file goes (add a node after the CSV one).',
	secopsExamplePlaybook:
		"## Contain an account an alert names (UTMStack and Immuta)\nEvery minute, each new UTMStack alert **Impossible travel login** that names an account opens one incident for it; the account (`<user>@example.test`) is disabled in Immuta and removed from the group Finance Analysts; a note on the incident says what was done and when. Each alert is taken once; an account already disabled or out of the group is left as it is, and the note says so.\n\n**Change first:** the UTMStack and Immuta credentials; the alert name in the trigger's filter; the account domain in **Account Named**; the group in **Remove From Group**.",
};

/** The workflow with a sticky note above its first node (n8n's Sticky Note: not connected, never run), listed last. */
function withNote(content: string, workflow: WorkflowJson): WorkflowJson {
	workflow.nodes.push({
		id: `${workflow.id}-note`,
		name: 'About this workflow',
		type: 'n8n-nodes-base.stickyNote',
		typeVersion: 1,
		position: [-60, -320],
		parameters: { content, height: 300, width: 520, color: 4 },
	});
	return workflow;
}

/** The account the playbook's alert names, and its Immuta user ID (the account at the domain). */
const ACCOUNT = `($('${EXAMPLE_NODES.pbAccount}').item.json.target?.user ?? $('${EXAMPLE_NODES.pbAccount}').item.json.destination?.user)`;
const IMMUTA_ACCOUNT = `${ACCOUNT} + '@${PLAYBOOK.domain}'`;

export function exampleWorkflows(): WorkflowJson[] {
	const alerts = `$('${EXAMPLE_NODES.utmAlerts}').all()`;
	return [
		withNote(
			NOTES.secopsExampleUtm,
			triggerWorkflow(
				'secopsExampleUtm',
				'UTMStack: new high-severity alerts open one incident, with a note',
				node(
					EXAMPLE_NODES.utmAlerts,
					'utmStackTrigger',
					{
						pollTimes: EVERY_MINUTE,
						event: 'newAlert',
						indexPattern: 'alert-*',
						minSeverity: 3,
						filters: {},
						options: {},
					},
					UTMSTACK,
				),
				[
					{
						// One incident for every alert of the poll: the node runs once and takes all of them by id.
						...node(
							EXAMPLE_NODES.utmIncident,
							'utmStack',
							{
								resource: 'incident',
								operation: 'create',
								// UTMStack keeps incident names unique: the time of the poll makes each one its own
								name: `={{ 'High severity: ' + $json.name + (${alerts}.length > 1 ? ' and ' + (${alerts}.length - 1) + ' more' : '') + ' (' + $now.toUTC().toFormat('yyyy-MM-dd HH:mm:ss') + ' UTC)' }}`,
								alertSource: 'ids',
								alertIds: `={{ ${alerts}.map(item => item.json.id).join(',') }}`,
								additionalFields: { description: '={{ $json.description }}' },
							},
							UTMSTACK,
						),
						executeOnce: true,
					},
					node(
						EXAMPLE_NODES.utmNote,
						'utmStack',
						{
							resource: 'incident',
							operation: 'addNote',
							incidentId: '={{ $json.id }}',
							note: `={{ 'Opened by n8n from ' + ${alerts}.length + ' alert(s): ' + ${alerts}.map(item => item.json.name + ' (' + item.json.id + ')').join(', ') }}`,
						},
						UTMSTACK,
					),
				],
			),
		),
		withNote(
			NOTES.secopsExampleStl,
			triggerWorkflow(
				'secopsExampleStl',
				'Stellar Cyber: escalate each new case above a score, once, with a comment',
				node(
					EXAMPLE_NODES.stlCases,
					'stellarCyberTrigger',
					{
						pollTimes: EVERY_MINUTE,
						event: 'newCase',
						tenantId: '',
						statuses: ['New'],
						minScore: 80,
						options: {},
					},
					STELLAR,
				),
				[
					// Escalated, a case is no longer New: this workflow never takes it again, and the tag says who did it.
					node(
						EXAMPLE_NODES.stlEscalate,
						'stellarCyber',
						{
							resource: 'case',
							operation: 'update',
							caseId: '={{ $json._id }}',
							updateFields: { status: 'Escalated', severity: 'Critical', tagsToAdd: ESCALATED_TAG },
						},
						STELLAR,
					),
					node(
						EXAMPLE_NODES.stlComment,
						'stellarCyber',
						{
							resource: 'case',
							operation: 'addComment',
							caseId: '={{ $json._id }}',
							comment:
								"={{ 'Escalated by n8n: score ' + $json.score + ', ' + $json.size + ' alert(s), created ' + $json.created_at_iso }}",
						},
						STELLAR,
					),
				],
			),
		),
		withNote(
			NOTES.secopsExampleEce,
			triggerWorkflow(
				'secopsExampleEce',
				'Elastic Cloud Enterprise: restart Elasticsearch of a deployment that turns unhealthy, and report',
				{
					name: EXAMPLE_NODES.eceHealth,
					type: secopsType('elasticCloudEnterpriseTrigger'),
					parameters: { pollTimes: pollEvery(30), event: 'deploymentHealthChanged' },
					credentials: ECE,
				},
				[
					filterNode(EXAMPLE_NODES.eceUnhealthy, 'unhealthy', '={{ $json.after.healthy }}', {
						type: 'boolean',
						operation: 'false',
					}),
					{
						// version 3: the restart is followed to its outcome (Wait for Completion), which the report states
						...node(
							EXAMPLE_NODES.eceRestart,
							'elasticCloudEnterprise',
							{
								resource: 'deployment',
								operation: 'restartElasticsearch',
								deploymentId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
								refId:
									'={{ ($json.after.elasticsearch.find(resource => !resource.healthy) ?? $json.after.elasticsearch[0]).refId }}',
								waitForCompletion: true,
								waitMinutes: 30,
							},
							ECE,
						),
						typeVersion: 3,
					},
					{
						name: EXAMPLE_NODES.eceReport,
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						parameters: {
							mode: 'raw',
							jsonOutput: `={{ JSON.stringify({ deployment: $('${EXAMPLE_NODES.eceUnhealthy}').item.json.name, deploymentId: $json.deploymentId, restarted: $json.refId, outcome: $json.outcome, tookSeconds: $json.tookSeconds, planAttemptId: $json.planAttemptId, report: 'Deployment ' + $('${EXAMPLE_NODES.eceUnhealthy}').item.json.name + ' turned unhealthy; n8n restarted its Elasticsearch (' + $json.refId + '): the restart is ' + $json.outcome + ' after ' + $json.tookSeconds + ' s.' }) }}`,
							options: {},
						},
					},
				],
			),
		),
		withNote(
			NOTES.secopsExampleImm,
			triggerWorkflow(
				'secopsExampleImm',
				'Immuta: daily report of who has access to sensitive data, as CSV',
				{
					name: EXAMPLE_NODES.immSchedule,
					type: 'n8n-nodes-base.scheduleTrigger',
					typeVersion: 1.2,
					parameters: { rule: { interval: [{ field: 'days', triggerAtHour: 6 }] } },
				},
				[
					{
						...node(
							EXAMPLE_NODES.immSources,
							'immuta',
							{ resource: 'dataSource', operation: 'getMany', returnAll: true, tag: SENSITIVE_TAG },
							IMMUTA,
						),
						typeVersion: 2,
					},
					{
						...node(
							EXAMPLE_NODES.immAccess,
							'immuta',
							{
								resource: 'dataSource',
								operation: 'getAccess',
								dataSourceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
								returnAll: true,
								accessLevels: ['subscribed', 'expert', 'owner'],
								expandGroups: true,
							},
							IMMUTA,
						),
						typeVersion: 2,
					},
					{
						name: EXAMPLE_NODES.immRow,
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						parameters: {
							mode: 'raw',
							jsonOutput: `={{ JSON.stringify({ dataSource: $('${EXAMPLE_NODES.immSources}').item.json.name, dataSourceId: $json.dataSourceId, person: $json.name, email: $json.email, userId: $json.userid, identityManager: $json.iamid, access: $json.state, approved: $json.approved }) }}`,
							options: {},
						},
					},
					{
						// one file for the whole list: Convert to File takes every row of the run
						name: EXAMPLE_NODES.immFile,
						type: 'n8n-nodes-base.convertToFile',
						typeVersion: 1.1,
						parameters: {
							operation: 'csv',
							binaryPropertyName: 'data',
							options: {
								fileName:
									"={{ 'immuta-sensitive-access-' + $now.toFormat('yyyy-MM-dd') + '.csv' }}",
							},
						},
					},
				],
			),
		),
		withNote(
			NOTES.secopsExamplePlaybook,
			triggerWorkflow(
				'secopsExamplePlaybook',
				'UTMStack and Immuta: contain the account an impossible-travel alert names',
				{
					...node(
						EXAMPLE_NODES.pbAlerts,
						'utmStackTrigger',
						{
							pollTimes: EVERY_MINUTE,
							event: 'newAlert',
							indexPattern: 'alert-*',
							minSeverity: 1,
							filters: {
								filter: [
									{
										field: { __rl: true, mode: 'name', value: 'name' },
										operator: 'IS',
										value: PLAYBOOK.alertName,
									},
								],
							},
							options: {},
						},
						UTMSTACK,
					),
					typeVersion: 2,
				},
				[
					// the account on the alert's inner side (UTMStack 11: target; 10: destination); none, the alert stops here
					filterNode(
						EXAMPLE_NODES.pbAccount,
						'named',
						'={{ $json.target?.user ?? $json.destination?.user ?? "" }}',
						{ type: 'string', operation: 'notEmpty' },
					),
					node(
						EXAMPLE_NODES.pbIncident,
						'utmStack',
						{
							resource: 'incident',
							operation: 'create',
							// UTMStack keeps incident names unique: the alert's id makes each one its own
							name: `={{ 'Contain account ' + ${ACCOUNT} + ': ' + $json.name + ' (alert ' + $json.id + ')' }}`,
							alertSource: 'ids',
							alertIds: '={{ $json.id }}',
							additionalFields: { description: '={{ $json.description }}' },
						},
						UTMSTACK,
					),
					{
						...node(
							EXAMPLE_NODES.pbDisable,
							'immuta',
							{
								resource: 'user',
								operation: 'disable',
								iamId: 'bim',
								userId: { __rl: true, mode: 'id', value: `={{ ${IMMUTA_ACCOUNT} }}` },
							},
							IMMUTA,
						),
						typeVersion: 2,
					},
					{
						...node(
							EXAMPLE_NODES.pbGroup,
							'immuta',
							{
								resource: 'user',
								operation: 'removeFromGroup',
								iamId: 'bim',
								userId: { __rl: true, mode: 'id', value: `={{ ${IMMUTA_ACCOUNT} }}` },
								groupId: { __rl: true, mode: 'id', value: String(PLAYBOOK.groupId) },
							},
							IMMUTA,
						),
						typeVersion: 2,
					},
					node(
						EXAMPLE_NODES.pbNote,
						'utmStack',
						{
							resource: 'incident',
							operation: 'addNote',
							incidentId: `={{ $('${EXAMPLE_NODES.pbIncident}').item.json.id }}`,
							note: `={{ 'n8n, ' + $now.toUTC().toFormat('yyyy-MM-dd HH:mm:ss') + ' UTC: Immuta account ' + ${IMMUTA_ACCOUNT} + ' ' + ($('${EXAMPLE_NODES.pbDisable}').item.json.changed ? 'disabled' : 'was already disabled') + '; ' + ($json.changed ? 'removed from group ' + $json.groupName : 'was not in group ' + $json.groupId) + '.' }}`,
						},
						UTMSTACK,
					),
				],
			),
		),
	];
}
