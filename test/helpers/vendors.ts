import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { ElasticCloudEnterpriseApi } from '../../credentials/ElasticCloudEnterpriseApi.credentials';
import { ImmutaApi } from '../../credentials/ImmutaApi.credentials';
import { StellarCyberApi } from '../../credentials/StellarCyberApi.credentials';
import { UtmStackApi } from '../../credentials/UtmStackApi.credentials';
import { ECE, IMMUTA, STELLAR, UTMSTACK } from '../simulators/fixtures';

export type Vendor = 'utmstack' | 'stellarcyber' | 'immuta' | 'ece';

/** One way into one platform: the credential data a user would save, and how to make it wrong. */
export interface AuthMethod {
	label: string;
	vendor: Vendor;
	type: ICredentialType;
	logsIn: boolean;
	/** The cheap authenticated endpoint the credential test calls. */
	testPath: string;
	data: ICredentialDataDecryptedObject;
	/** The same credential with its secret replaced by `wrong`. */
	withWrongSecret(wrong: string): ICredentialDataDecryptedObject;
	/** Every secret in `data`, to search outputs and errors for. */
	secrets: string[];
}

function method(
	label: string,
	vendor: Vendor,
	type: ICredentialType,
	logsIn: boolean,
	testPath: string,
	data: ICredentialDataDecryptedObject,
	secretField: string,
): AuthMethod {
	return {
		label,
		vendor,
		type,
		logsIn,
		testPath,
		data,
		withWrongSecret: (wrong) => ({ ...data, [secretField]: wrong }),
		secrets: [String(data[secretField])],
	};
}

export const AUTH_METHODS: AuthMethod[] = [
	method('UTMStack username and password', 'utmstack', new UtmStackApi(), true, '/api/account',
		{ authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password }, 'password'),
	method('UTMStack internal key', 'utmstack', new UtmStackApi(), false, '/api/account',
		{ authMethod: 'internalKey', internalKey: UTMSTACK.internalKey }, 'internalKey'),
	method('UTMStack API key', 'utmstack', new UtmStackApi(), false, '/api/account',
		{ authMethod: 'apiKey', apiKey: UTMSTACK.apiKey }, 'apiKey'),
	method('Stellar Cyber scoped API key', 'stellarcyber', new StellarCyberApi(), true, '/connect/api/v1/tenants',
		{ keyType: 'scoped', apiKey: STELLAR.apiKey }, 'apiKey'),
	method('Stellar Cyber legacy API key', 'stellarcyber', new StellarCyberApi(), true, '/connect/api/v1/tenants',
		{ keyType: 'legacy', email: STELLAR.email, apiKey: STELLAR.legacyApiKey }, 'apiKey'),
	method('Immuta API key', 'immuta', new ImmutaApi(), true, '/bim/rpc/user/current',
		{ authMethod: 'apiKey', apiKey: IMMUTA.apiKey }, 'apiKey'),
	method('Immuta username and password', 'immuta', new ImmutaApi(), true, '/bim/rpc/user/current',
		{ authMethod: 'password', iamId: IMMUTA.iamId, username: IMMUTA.username, password: IMMUTA.password }, 'password'),
	method('ECE API key', 'ece', new ElasticCloudEnterpriseApi(), false, '/api/v1/platform',
		{ authMethod: 'apiKey', apiKey: ECE.apiKey }, 'apiKey'),
	method('ECE username and password', 'ece', new ElasticCloudEnterpriseApi(), true, '/api/v1/platform',
		{ authMethod: 'password', username: ECE.username, password: ECE.password }, 'password'),
];

export const ALL_CREDENTIAL_TYPES: ICredentialType[] = [
	new UtmStackApi(),
	new StellarCyberApi(),
	new ImmutaApi(),
	new ElasticCloudEnterpriseApi(),
];

/** Every secret the simulators' fixtures know, for leak searches. */
export const ALL_SECRETS: string[] = [
	UTMSTACK.password,
	UTMSTACK.internalKey,
	UTMSTACK.apiKey,
	UTMSTACK.tfaPassword,
	UTMSTACK.tfaTotpSecret,
	UTMSTACK.emailTfaPassword,
	UTMSTACK.enrollPassword,
	STELLAR.apiKey,
	STELLAR.legacyApiKey,
	IMMUTA.apiKey,
	IMMUTA.password,
	ECE.apiKey,
	ECE.password,
];
