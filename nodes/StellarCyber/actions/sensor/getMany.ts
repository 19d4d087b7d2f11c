import { wholeList } from '../whole-list';

export const getManySensors = wholeList(
	'data_sensors',
	'sensors',
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many sensors',
		description: 'List the data sensors, with their status',
	},
	'List the Stellar Cyber data sensors (network, server and security sensors), each with its name, type, tenant, version and whether it is online. Use it to find a sensor that went offline.',
);
