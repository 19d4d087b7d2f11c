import { ECE, IMMUTA, STELLAR, UTMSTACK } from '../../test/simulators/fixtures';
import type { SimulatorVendor } from '../../test/simulators/options';

/** One saved credential per vendor and auth method, as `n8n import:credentials` takes them (plain data, n8n encrypts). */
export interface SandboxCredential {
	id: string;
	name: string;
	type: string;
	vendor: SimulatorVendor;
	/** Whether this method logs in (false: a static key sent on every request). */
	logsIn: boolean;
	data: Record<string, unknown>;
	/** The field holding this method's secret, for the wrong-secret tests. */
	secretField: string;
}

type Urls = Record<SimulatorVendor, string>;

/** Stable ids, so the example workflows can point at them. */
export function sandboxCredentials(urls: Urls, allowUnauthorizedCerts = false): SandboxCredential[] {
	const common = (vendor: SimulatorVendor) => ({ baseUrl: urls[vendor], allowUnauthorizedCerts });
	return [
		{
			id: 'secopsUtmPasswd1', name: 'UTMStack (username and password)', type: 'utmStackApi', vendor: 'utmstack', logsIn: true,
			data: { ...common('utmstack'), authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password },
			secretField: 'password',
		},
		{
			id: 'secopsUtmTotp1', name: 'UTMStack (two-factor account, authenticator secret)', type: 'utmStackApi', vendor: 'utmstack', logsIn: true,
			data: { ...common('utmstack'), authMethod: 'password', username: UTMSTACK.tfaUsername, password: UTMSTACK.tfaPassword, totpSecret: UTMSTACK.tfaTotpSecret },
			secretField: 'password',
		},
		{
			id: 'secopsUtmIntKey1', name: 'UTMStack (internal key)', type: 'utmStackApi', vendor: 'utmstack', logsIn: false,
			data: { ...common('utmstack'), authMethod: 'internalKey', internalKey: UTMSTACK.internalKey },
			secretField: 'internalKey',
		},
		{
			id: 'secopsUtmApiKey1', name: 'UTMStack (API key)', type: 'utmStackApi', vendor: 'utmstack', logsIn: false,
			data: { ...common('utmstack'), authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsStlScoped1', name: 'Stellar Cyber (scoped API key)', type: 'stellarCyberApi', vendor: 'stellarcyber', logsIn: true,
			data: { ...common('stellarcyber'), keyType: 'scoped', apiKey: STELLAR.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsStlLegacy1', name: 'Stellar Cyber (legacy API key)', type: 'stellarCyberApi', vendor: 'stellarcyber', logsIn: true,
			data: { ...common('stellarcyber'), keyType: 'legacy', email: STELLAR.email, apiKey: STELLAR.legacyApiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsImmApiKey1', name: 'Immuta (API key)', type: 'immutaApi', vendor: 'immuta', logsIn: true,
			data: { ...common('immuta'), authMethod: 'apiKey', apiKey: IMMUTA.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsImmDirect1', name: 'Immuta (API key, direct)', type: 'immutaApi', vendor: 'immuta', logsIn: false,
			data: { ...common('immuta'), authMethod: 'apiKeyDirect', apiKey: IMMUTA.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsImmPasswd1', name: 'Immuta (username and password)', type: 'immutaApi', vendor: 'immuta', logsIn: true,
			data: { ...common('immuta'), authMethod: 'password', iamId: IMMUTA.iamId, username: IMMUTA.username, password: IMMUTA.password },
			secretField: 'password',
		},
		{
			id: 'secopsEceApiKey1', name: 'Elastic Cloud Enterprise (API key)', type: 'elasticCloudEnterpriseApi', vendor: 'ece', logsIn: false,
			data: { ...common('ece'), authMethod: 'apiKey', apiKey: ECE.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsEcePasswd1', name: 'Elastic Cloud Enterprise (username and password)', type: 'elasticCloudEnterpriseApi', vendor: 'ece', logsIn: true,
			data: { ...common('ece'), authMethod: 'password', username: ECE.username, password: ECE.password },
			secretField: 'password',
		},
	];
}

/** The import format: only what n8n stores. */
export function forImport(credentials: SandboxCredential[]): object[] {
	return credentials.map(({ id, name, type, data }) => ({ id, name, type, data }));
}
