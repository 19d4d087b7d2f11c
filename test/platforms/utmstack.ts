import type { Platform } from './platform';
import { UtmStackApi } from '../../credentials/UtmStackApi.credentials';
import { utmStack } from '../../nodes/UtmStack/transport';
import { utmstackSimulator } from '../simulators/utmstack';
import { UTMSTACK } from '../simulators/fixtures';

export const utmstackPlatform: Platform = {
	vendor: 'utmstack',
	credential: () => new UtmStackApi(),
	api: utmStack,
	node: 'utmStack',
	simulator: utmstackSimulator,
	tokenFormat: { kind: 'jwt', algorithm: 'HS512' },
	probe: { testPath: '/api/account', parameters: { resource: 'user', operation: 'getCurrent' } },
	signIns: [
		{
			id: 'secopsUtmPasswd1',
			name: 'UTMStack (username and password)',
			label: 'UTMStack username and password',
			logsIn: true,
			data: { authMethod: 'password', username: UTMSTACK.username, password: UTMSTACK.password },
			secretField: 'password',
		},
		{
			id: 'secopsUtmTotp1',
			name: 'UTMStack (two-factor account, authenticator secret)',
			logsIn: true,
			data: {
				authMethod: 'password',
				username: UTMSTACK.tfaUsername,
				password: UTMSTACK.tfaPassword,
				totpSecret: UTMSTACK.tfaTotpSecret,
			},
			secretField: 'password',
		},
		{
			id: 'secopsUtmIntKey1',
			name: 'UTMStack (internal key)',
			label: 'UTMStack internal key',
			logsIn: false,
			data: { authMethod: 'internalKey', internalKey: UTMSTACK.internalKey },
			secretField: 'internalKey',
		},
		{
			id: 'secopsUtmApiKey1',
			name: 'UTMStack (API key)',
			label: 'UTMStack API key',
			logsIn: false,
			data: { authMethod: 'apiKey', apiKey: UTMSTACK.apiKey },
			secretField: 'apiKey',
		},
	],
	keySignIn: 'secopsUtmApiKey1',
	secrets: [
		UTMSTACK.password,
		UTMSTACK.internalKey,
		UTMSTACK.apiKey,
		UTMSTACK.tfaPassword,
		UTMSTACK.tfaTotpSecret,
		UTMSTACK.emailTfaPassword,
		UTMSTACK.enrollPassword,
	],
	byHand: {
		login: {
			path: '/api/authenticate',
			body: { username: UTMSTACK.username, password: UTMSTACK.password },
			tokenField: 'token',
		},
		callPath: '/api/account',
	},
	trigger: {
		node: 'utmStackTrigger',
		signIn: 'secopsUtmPasswd1',
		parameters: {
			event: 'newAlert',
			indexPattern: 'alert-*',
			minSeverity: 1,
			filters: {},
			options: {},
		},
		pollPath: '/api/elasticsearch/search',
		makeRecords: (simulator, count) =>
			simulator
				.control<{ alerts: Array<{ id: string }> }>('/__sim/alerts', { count })
				.alerts.map((alert) => alert.id),
		idOf: (item) => String(item.id),
	},
};
