import { wholeList } from '../whole-list';

export const getManyConnectors = wholeList(
	'connectors',
	'connectors',
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many connectors',
		description: 'List the connectors that feed the platform, with their status',
	},
	'List the Stellar Cyber connectors (the integrations that collect data, such as Office 365 or CrowdStrike), each with its type, tenant, whether it is active and when it last collected. Use it to find a connector that stopped collecting.',
);
