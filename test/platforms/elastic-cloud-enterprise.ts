import type { Platform } from './platform';
import { ElasticCloudEnterpriseApi } from '../../credentials/ElasticCloudEnterpriseApi.credentials';
import { elasticCloudEnterprise } from '../../nodes/ElasticCloudEnterprise/transport';
import { eceSimulator } from '../simulators/elastic-cloud-enterprise';
import { ECE } from '../simulators/fixtures';

export const elasticCloudEnterprisePlatform: Platform = {
	vendor: 'ece',
	credential: () => new ElasticCloudEnterpriseApi(),
	api: elasticCloudEnterprise,
	node: 'elasticCloudEnterprise',
	simulator: eceSimulator,
	tokenFormat: { kind: 'jwt', algorithm: 'HS256' },
	probe: { testPath: '/api/v1/platform', parameters: { resource: 'platform', operation: 'get' } },
	signIns: [
		{
			id: 'secopsEceApiKey1',
			name: 'Elastic Cloud Enterprise (API key)',
			label: 'ECE API key',
			logsIn: false,
			data: { authMethod: 'apiKey', apiKey: ECE.apiKey },
			secretField: 'apiKey',
		},
		{
			id: 'secopsEcePasswd1',
			name: 'Elastic Cloud Enterprise (username and password)',
			label: 'ECE username and password',
			logsIn: true,
			data: { authMethod: 'password', username: ECE.username, password: ECE.password },
			secretField: 'password',
		},
	],
	keySignIn: 'secopsEceApiKey1',
	secrets: [ECE.apiKey, ECE.password],
	byHand: {
		login: {
			path: '/api/v1/users/auth/_login',
			body: { username: ECE.username, password: ECE.password },
			tokenField: 'token',
		},
		callPath: '/api/v1/platform',
	},
	trigger: {
		node: 'elasticCloudEnterpriseTrigger',
		signIn: 'secopsEcePasswd1',
		parameters: { event: 'deploymentHealthChanged' },
		pollPath: '/api/v1/deployments/_search',
		makeRecords: (simulator, count) => {
			const healthy = simulator
				.control<Array<{ id: string; healthy: boolean }>>('/__sim/deployments', undefined, 'GET')
				.filter((deployment) => deployment.healthy)
				.slice(0, count);
			if (healthy.length < count)
				throw new Error(
					`the ECE simulator has ${healthy.length} healthy deployments, ${count} wanted`,
				);
			for (const deployment of healthy)
				simulator.control('/__sim/deployments/health', { id: deployment.id, healthy: false });
			return healthy.map((deployment) => deployment.id);
		},
		idOf: (item) => String(item.id),
	},
};
