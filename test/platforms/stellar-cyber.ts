import type { Platform } from './platform';
import { StellarCyberApi } from '../../credentials/StellarCyberApi.credentials';
import { stellarCyber } from '../../nodes/StellarCyber/transport';
import { stellarCyberSimulator } from '../simulators/stellar-cyber';
import { STELLAR } from '../simulators/fixtures';

export const stellarCyberPlatform: Platform = {
	vendor: 'stellarcyber',
	credential: () => new StellarCyberApi(),
	api: stellarCyber,
	node: 'stellarCyber',
	simulator: stellarCyberSimulator,
	tokenFormat: { kind: 'jwt', algorithm: 'HS256' },
	probe: {
		testPath: '/connect/api/v1/tenants',
		parameters: { resource: 'tenant', operation: 'getMany', returnAll: true },
	},
	signIns: [
		{
			id: 'secopsStlScoped1',
			name: 'Stellar Cyber (scoped API key)',
			label: 'Stellar Cyber scoped API key',
			logsIn: true,
			data: { keyType: 'scoped', apiKey: STELLAR.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsStlLegacy1',
			name: 'Stellar Cyber (legacy API key)',
			label: 'Stellar Cyber legacy API key',
			logsIn: true,
			data: { keyType: 'legacy', email: STELLAR.email, apiKey: STELLAR.legacyApiKey },
			secretField: 'apiKey',
		},
	],
	keySignIn: 'secopsStlScoped1',
	secrets: [STELLAR.apiKey, STELLAR.legacyApiKey],
	byHand: {
		login: {
			path: '/connect/api/v1/access_token',
			headers: { Authorization: `Bearer ${STELLAR.apiKey}` },
			tokenField: 'access_token',
		},
		callPath: '/connect/api/v1/tenants',
	},
	trigger: {
		node: 'stellarCyberTrigger',
		signIn: 'secopsStlScoped1',
		parameters: { event: 'newCase', tenantId: '', statuses: [], minScore: 0, options: {} },
		pollPath: '/connect/api/v1/cases',
		makeRecords: (simulator, count) =>
			simulator
				.control<{ data: { cases: Array<{ _id: string }> } }>('/__sim/cases', { count })
				.data.cases.map((record) => record._id),
		idOf: (item) => String(item._id),
	},
};
