import type { Platform } from './platform';
import { ImmutaApi } from '../../credentials/ImmutaApi.credentials';
import { immuta } from '../../nodes/Immuta/transport';
import { immutaSimulator } from '../simulators/immuta';
import { IMMUTA } from '../simulators/fixtures';

export const immutaPlatform: Platform = {
	vendor: 'immuta',
	credential: () => new ImmutaApi(),
	api: immuta,
	node: 'immuta',
	simulator: immutaSimulator,
	tokenFormat: { kind: 'opaque', bytes: 16 },
	probe: {
		testPath: '/bim/rpc/user/current',
		parameters: { resource: 'user', operation: 'getCurrent' },
	},
	signIns: [
		{
			id: 'secopsImmApiKey1',
			name: 'Immuta (API key)',
			label: 'Immuta API key',
			logsIn: true,
			data: { authMethod: 'apiKey', apiKey: IMMUTA.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsImmDirect1',
			name: 'Immuta (API key, direct)',
			logsIn: false,
			data: { authMethod: 'apiKeyDirect', apiKey: IMMUTA.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsImmPasswd1',
			name: 'Immuta (username and password)',
			label: 'Immuta username and password',
			logsIn: true,
			data: {
				authMethod: 'password',
				iamId: IMMUTA.iamId,
				username: IMMUTA.username,
				password: IMMUTA.password,
			},
			secretField: 'password',
		},
	],
	keySignIn: 'secopsImmApiKey1',
	secrets: [IMMUTA.apiKey, IMMUTA.password],
	byHand: {
		login: {
			path: '/bim/apikey/authenticate',
			body: { apikey: IMMUTA.apiKey },
			tokenField: 'token',
		},
		callPath: '/bim/rpc/user/current',
	},
};
