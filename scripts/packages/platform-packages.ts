import type { SimulatorVendor } from '../../test/simulators/options';

/**
 * The packages of one platform each that `npm run packages` writes, for n8n's verification (one service per
 * package). Their credential type names are those of n8n-nodes-secops, so a credential saved with one package
 * works with the other; their node types carry the package's own name (n8n-nodes-utmstack.utmStack).
 */
export interface PlatformPackage {
	name: string;
	/** The platform's entry in test/platforms (its simulator, sign-ins and trigger). */
	vendor: SimulatorVendor;
	/** test/platforms/<module>.ts and what it exports. */
	platformModule: string;
	platformExport: string;
	title: string;
	description: string;
	keywords: string[];
	/** credentials/<credential>.credentials.ts */
	credential: string;
	/** nodes/<folder>/<folder>.node.ts, the action node first. */
	nodes: string[];
}

export const PLATFORM_PACKAGES: readonly PlatformPackage[] = [
	{
		name: 'n8n-nodes-utmstack',
		vendor: 'utmstack',
		platformModule: 'utmstack',
		platformExport: 'utmstackPlatform',
		title: 'UTMStack',
		description:
			'n8n node, trigger and credential for UTMStack (SIEM/XDR): alerts, logs and incidents, with login, two-factor codes and token renewal built in',
		keywords: ['utmstack', 'siem', 'xdr', 'soar'],
		credential: 'UtmStackApi',
		nodes: ['UtmStack', 'UtmStackTrigger'],
	},
	{
		name: 'n8n-nodes-stellar-cyber',
		vendor: 'stellarcyber',
		platformModule: 'stellar-cyber',
		platformExport: 'stellarCyberPlatform',
		title: 'Stellar Cyber',
		description:
			'n8n node, trigger and credential for Stellar Cyber Open XDR: cases, alerts, tenants and sensors, with the API key exchange and 10-minute token renewal built in',
		keywords: ['stellar-cyber', 'xdr', 'siem', 'soar'],
		credential: 'StellarCyberApi',
		nodes: ['StellarCyber', 'StellarCyberTrigger'],
	},
	{
		name: 'n8n-nodes-immuta',
		vendor: 'immuta',
		platformModule: 'immuta',
		platformExport: 'immutaPlatform',
		title: 'Immuta',
		description:
			'n8n node and credential for Immuta (data security): users, groups, data sources, projects, policies and audit, with the API key exchange and token renewal built in',
		keywords: ['immuta', 'data-security', 'governance'],
		credential: 'ImmutaApi',
		nodes: ['Immuta'],
	},
	{
		name: 'n8n-nodes-elastic-cloud-enterprise',
		vendor: 'ece',
		platformModule: 'elastic-cloud-enterprise',
		platformExport: 'elasticCloudEnterprisePlatform',
		title: 'Elastic Cloud Enterprise',
		description:
			'n8n node, trigger and credential for Elastic Cloud Enterprise: deployments, allocators, API keys and health changes, with login and session refresh built in',
		keywords: ['elastic-cloud-enterprise', 'ece', 'elasticsearch'],
		credential: 'ElasticCloudEnterpriseApi',
		nodes: ['ElasticCloudEnterprise', 'ElasticCloudEnterpriseTrigger'],
	},
];

/** The node type names (as n8n's node descriptions name them) of a package's nodes. */
export function nodeNames(pkg: PlatformPackage): string[] {
	return pkg.nodes.map((folder) => folder.charAt(0).toLowerCase() + folder.slice(1));
}

/**
 * The documented move of saved workflows from n8n-nodes-secops to a package of one platform: a sed expression
 * (POSIX extended) over workflows exported with `n8n export:workflow`, renaming the node types. README shows
 * these; test/e2e/platform-packages runs them.
 */
export function moveExpression(pkg: PlatformPackage): string {
	return `s/"n8n-nodes-secops\\.(${nodeNames(pkg).join('|')})"/"${pkg.name}.\\1"/g`;
}
