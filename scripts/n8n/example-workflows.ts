import { chainWorkflow, secopsType, type ChainNode, type WorkflowJson } from './workflow-builder';

/**
 * The sandbox's example workflows, one per platform, with the simulators' credentials (sandbox-credentials.ts).
 * Each is also run by the end-to-end suite, so they stay green.
 */

const credential = (type: string, id: string, name: string) => ({ [type]: { id, name } });

const UTMSTACK = credential('utmStackApi', 'secopsUtmPasswd1', 'UTMStack (username and password)');
const STELLAR = credential('stellarCyberApi', 'secopsStlScoped1', 'Stellar Cyber (scoped API key)');
const IMMUTA = credential('immutaApi', 'secopsImmApiKey1', 'Immuta (API key)');
const ECE = credential('elasticCloudEnterpriseApi', 'secopsEceApiKey1', 'Elastic Cloud Enterprise (API key)');

export const EXAMPLE_NODE_NAMES = {
	utmstack: 'High Severity Alerts',
	stellarcyber: 'Escalate Case',
	immuta: 'My Data Sources',
	ece: 'Unhealthy Deployments',
} as const;

function node(name: string, type: string, parameters: Record<string, unknown>, credentials: ChainNode['credentials']): ChainNode {
	return { name, type: secopsType(type), parameters, credentials };
}

export function exampleWorkflows(): WorkflowJson[] {
	return [
		chainWorkflow('secopsExampleUtm', 'UTMStack: high-severity alerts of the last 24 hours', [
			node(EXAMPLE_NODE_NAMES.utmstack, 'utmStack', {
				resource: 'alert',
				operation: 'search',
				indexPattern: 'alert-*',
				filters: { filter: [{ field: 'severity', operator: 'IS', value: '3' }] },
				timeRange: 'relative',
				since: 'now-24h',
				returnAll: true,
			}, UTMSTACK),
		]),
		chainWorkflow('secopsExampleStl', 'Stellar Cyber: escalate open cases above a score', [
			node('Open Cases Above Score', 'stellarCyber', {
				resource: 'case',
				operation: 'getMany',
				filters: { statuses: ['New', 'In Progress'], minScore: 80 },
				returnAll: false,
				limit: 5,
			}, STELLAR),
			node(EXAMPLE_NODE_NAMES.stellarcyber, 'stellarCyber', {
				resource: 'case',
				operation: 'update',
				caseId: '={{ $json._id }}',
				updateFields: { severity: 'Critical', tagsToAdd: 'escalated-by-n8n' },
			}, STELLAR),
		]),
		chainWorkflow('secopsExampleImm', 'Immuta: who am I, and my data sources', [
			node('Who Am I', 'immuta', { resource: 'user', operation: 'getCurrent' }, IMMUTA),
			{ ...node(EXAMPLE_NODE_NAMES.immuta, 'immuta', { resource: 'dataSource', operation: 'getMany', returnAll: false, limit: 20 }, IMMUTA), executeOnce: true },
		]),
		chainWorkflow('secopsExampleEce', 'Elastic Cloud Enterprise: unhealthy deployments', [
			node(EXAMPLE_NODE_NAMES.ece, 'elasticCloudEnterprise', {
				resource: 'deployment',
				operation: 'search',
				queryType: 'queryString',
				query: 'healthy:false',
				returnAll: true,
			}, ECE),
		]),
	];
}
