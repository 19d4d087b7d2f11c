import type { ICredentialType, IDataObject } from 'n8n-workflow';

import { ElasticCloudEnterpriseApi } from '../credentials/ElasticCloudEnterpriseApi.credentials';
import { ImmutaApi } from '../credentials/ImmutaApi.credentials';
import { StellarCyberApi } from '../credentials/StellarCyberApi.credentials';
import { UtmStackApi } from '../credentials/UtmStackApi.credentials';
import { elasticCloudEnterprise } from '../nodes/ElasticCloudEnterprise/transport';
import { immuta } from '../nodes/Immuta/transport';
import { stellarCyber } from '../nodes/StellarCyber/transport';
import { utmStack } from '../nodes/UtmStack/transport';
import type { VendorApi } from '../nodes/common/vendor-api';
import type { VendorFactory } from './simulators/core/app';
import type { TokenStoreOptions } from './simulators/core/tokens';
import { eceSimulator } from './simulators/ece';
import { ECE, IMMUTA, STELLAR, UTMSTACK } from './simulators/fixtures';
import { immutaSimulator } from './simulators/immuta';
import type { SimulatorVendor } from './simulators/options';
import { stellarCyberSimulator } from './simulators/stellar-cyber';
import { utmstackSimulator } from './simulators/utmstack';

/**
 * The one registry of platforms that the simulators, the harnesses, the sandbox, the example workflows and the
 * end-to-end and queue suites read: adding a platform here (and its simulator and fixtures) registers it in all
 * of them. Product code does not read it: a platform's product side is its credential, profile and node.
 */

/** One way into one platform, as a user saves it (without the base URL, which the simulator gives). */
export interface SignIn {
	/** The sandbox credential's stable id (example workflows point at it). */
	id: string;
	/** The sandbox credential's name in n8n. */
	name: string;
	/** How the lifecycle suites name it, when they run it (every way in that logs in or sends a key, once). */
	label?: string;
	/** Whether it logs in (false: a static key sent on every request). */
	logsIn: boolean;
	data: IDataObject;
	/** The field holding its secret, for the wrong-secret tests. */
	secretField: string;
}

export interface Platform {
	vendor: SimulatorVendor;
	credential: () => ICredentialType;
	api: VendorApi;
	/** The action node's type name (without the package prefix). */
	node: string;
	simulator: VendorFactory;
	/** UTMStack: HS512 JWTs (vendor-apis.md). Stellar Cyber and ECE: JWTs (HS256 here; inferred). Immuta: opaque tokens (inferred). */
	tokenFormat: TokenStoreOptions['format'];
	/** The cheapest authenticated read: the path the credential test calls, and the node operation that reads it. */
	probe: { testPath: string; parameters: IDataObject };
	signIns: SignIn[];
	/** The sign-in the node suites use by default: a key, so a run costs one exchange at most. */
	keySignIn: string;
	/** Every secret the simulator's fixtures know, for leak searches. */
	secrets: string[];
	/** The probe as a user builds it without this package (the benchmark's HTTP Request nodes): a login, then the call. */
	byHand: { login: { path: string; headers?: Record<string, string>; body?: object; tokenField: string }; callPath: string };
}

export const PLATFORMS: readonly Platform[] = [
	{
		vendor: 'utmstack',
		credential: () => new UtmStackApi(),
		api: utmStack,
		node: 'utmStack',
		simulator: utmstackSimulator,
		tokenFormat: { kind: 'jwt', algorithm: 'HS512' },
		probe: { testPath: '/api/account', parameters: { resource: 'user', operation: 'getCurrent' } },
		signIns: [
			{ id: 'secopsUtmPasswd1', name: 'UTMStack (username and password)', label: 'UTMStack username and password', logsIn: true, data: { authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password }, secretField: 'password' },
			{ id: 'secopsUtmTotp1', name: 'UTMStack (two-factor account, authenticator secret)', logsIn: true, data: { authMethod: 'password', username: UTMSTACK.tfaUsername, password: UTMSTACK.tfaPassword, totpSecret: UTMSTACK.tfaTotpSecret }, secretField: 'password' },
			{ id: 'secopsUtmIntKey1', name: 'UTMStack (internal key)', label: 'UTMStack internal key', logsIn: false, data: { authMethod: 'internalKey', internalKey: UTMSTACK.internalKey }, secretField: 'internalKey' },
			{ id: 'secopsUtmApiKey1', name: 'UTMStack (API key)', label: 'UTMStack API key', logsIn: false, data: { authMethod: 'apiKey', apiKey: UTMSTACK.apiKey }, secretField: 'apiKey' },
		],
		keySignIn: 'secopsUtmApiKey1',
		secrets: [UTMSTACK.password, UTMSTACK.internalKey, UTMSTACK.apiKey, UTMSTACK.tfaPassword, UTMSTACK.tfaTotpSecret, UTMSTACK.emailTfaPassword, UTMSTACK.enrollPassword],
		byHand: { login: { path: '/api/authenticate', body: { username: UTMSTACK.username, password: UTMSTACK.password }, tokenField: 'token' }, callPath: '/api/account' },
	},
	{
		vendor: 'stellarcyber',
		credential: () => new StellarCyberApi(),
		api: stellarCyber,
		node: 'stellarCyber',
		simulator: stellarCyberSimulator,
		tokenFormat: { kind: 'jwt', algorithm: 'HS256' },
		probe: { testPath: '/connect/api/v1/tenants', parameters: { resource: 'tenant', operation: 'getMany', returnAll: true } },
		signIns: [
			{ id: 'secopsStlScoped1', name: 'Stellar Cyber (scoped API key)', label: 'Stellar Cyber scoped API key', logsIn: true, data: { keyType: 'scoped', apiKey: STELLAR.apiKey }, secretField: 'apiKey' },
			{ id: 'secopsStlLegacy1', name: 'Stellar Cyber (legacy API key)', label: 'Stellar Cyber legacy API key', logsIn: true, data: { keyType: 'legacy', email: STELLAR.email, apiKey: STELLAR.legacyApiKey }, secretField: 'apiKey' },
		],
		keySignIn: 'secopsStlScoped1',
		secrets: [STELLAR.apiKey, STELLAR.legacyApiKey],
		byHand: { login: { path: '/connect/api/v1/access_token', headers: { Authorization: `Bearer ${STELLAR.apiKey}` }, tokenField: 'access_token' }, callPath: '/connect/api/v1/tenants' },
	},
	{
		vendor: 'immuta',
		credential: () => new ImmutaApi(),
		api: immuta,
		node: 'immuta',
		simulator: immutaSimulator,
		tokenFormat: { kind: 'opaque', bytes: 16 },
		probe: { testPath: '/bim/rpc/user/current', parameters: { resource: 'user', operation: 'getCurrent' } },
		signIns: [
			{ id: 'secopsImmApiKey1', name: 'Immuta (API key)', label: 'Immuta API key', logsIn: true, data: { authMethod: 'apiKey', apiKey: IMMUTA.apiKey }, secretField: 'apiKey' },
			{ id: 'secopsImmDirect1', name: 'Immuta (API key, direct)', logsIn: false, data: { authMethod: 'apiKeyDirect', apiKey: IMMUTA.apiKey }, secretField: 'apiKey' },
			{ id: 'secopsImmPasswd1', name: 'Immuta (username and password)', label: 'Immuta username and password', logsIn: true, data: { authMethod: 'password', iamId: IMMUTA.iamId, username: IMMUTA.username, password: IMMUTA.password }, secretField: 'password' },
		],
		keySignIn: 'secopsImmApiKey1',
		secrets: [IMMUTA.apiKey, IMMUTA.password],
		byHand: { login: { path: '/bim/apikey/authenticate', body: { apikey: IMMUTA.apiKey }, tokenField: 'token' }, callPath: '/bim/rpc/user/current' },
	},
	{
		vendor: 'ece',
		credential: () => new ElasticCloudEnterpriseApi(),
		api: elasticCloudEnterprise,
		node: 'elasticCloudEnterprise',
		simulator: eceSimulator,
		tokenFormat: { kind: 'jwt', algorithm: 'HS256' },
		probe: { testPath: '/api/v1/platform', parameters: { resource: 'platform', operation: 'get' } },
		signIns: [
			{ id: 'secopsEceApiKey1', name: 'Elastic Cloud Enterprise (API key)', label: 'ECE API key', logsIn: false, data: { authMethod: 'apiKey', apiKey: ECE.apiKey }, secretField: 'apiKey' },
			{ id: 'secopsEcePasswd1', name: 'Elastic Cloud Enterprise (username and password)', label: 'ECE username and password', logsIn: true, data: { authMethod: 'password', username: ECE.username, password: ECE.password }, secretField: 'password' },
		],
		keySignIn: 'secopsEceApiKey1',
		secrets: [ECE.apiKey, ECE.password],
		byHand: { login: { path: '/api/v1/users/auth/_login', body: { username: ECE.username, password: ECE.password }, tokenField: 'token' }, callPath: '/api/v1/platform' },
	},
];

/** The sign-in of a platform that logs in (with a password or by exchanging a key): what the benchmark compares. */
export function loginSignIn(platform: Platform): SignIn {
	const found = platform.signIns.find((signIn) => signIn.logsIn && signIn.label !== undefined);
	if (!found) throw new Error(`no sign-in that logs in for ${platform.vendor} in test/platforms.ts`);
	return found;
}

export function platformOf(vendor: SimulatorVendor): Platform {
	const found = PLATFORMS.find((platform) => platform.vendor === vendor);
	if (!found) throw new Error(`no platform "${vendor}" in test/platforms.ts`);
	return found;
}

export function platformByCredentialType(type: string): Platform {
	const found = PLATFORMS.find((platform) => platform.api.credentialType === type);
	if (!found) throw new Error(`no platform with credential type "${type}" in test/platforms.ts`);
	return found;
}

/** A sandbox sign-in by its id, with its platform (the example workflows point at these). */
export function signInById(id: string): SignIn & { credentialType: string } {
	for (const platform of PLATFORMS) {
		const signIn = platform.signIns.find((candidate) => candidate.id === id);
		if (signIn) return { ...signIn, credentialType: platform.api.credentialType };
	}
	throw new Error(`no sign-in "${id}" in test/platforms.ts`);
}
