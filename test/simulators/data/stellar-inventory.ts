import type { StellarTenant } from './stellar-cyber';

/**
 * What feeds Stellar Cyber: connectors (integrations that collect) and data sensors. The reference names
 * GET /connectors and /data_sensors but not their answers: these shapes are inferred, {data: [...]} like
 * /tenants, with the fields a health check needs (a status and when it was last heard from).
 */

const CONNECTOR_TYPES = ['office365', 'crowdstrike', 'aws_cloudtrail', 'okta', 'azure_ad'];
const SENSOR_TYPES = ['modular', 'server', 'security'];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export function connectorsOf(tenants: StellarTenant[], now: number) {
	return tenants.flatMap((tenant, t) =>
		CONNECTOR_TYPES.slice(0, 2 + (t % 3)).map((type, c) => {
			// every seventh connector has stopped collecting
			const failing = (t * 5 + c) % 7 === 3;
			return {
				_id: `c0${hex(t * 16 + c, 22)}`,
				name: `${tenant.cust_name} ${type}`,
				type,
				cust_id: tenant.cust_id,
				tenant_name: tenant.cust_name,
				active: true,
				status: failing ? 'error' : 'running',
				last_activity: failing ? now - 26 * 3_600_000 : now - 120_000,
			};
		}),
	);
}

export function sensorsOf(tenants: StellarTenant[], now: number) {
	return tenants.flatMap((tenant, t) =>
		SENSOR_TYPES.map((type, s) => {
			const offline = (t + s) % 5 === 4;
			return {
				_id: `d5${hex(t * 16 + s, 22)}`,
				name: `${tenant.cust_name.toLowerCase().replace(/\s+/g, '-')}-${type}-${s + 1}`,
				type,
				cust_id: tenant.cust_id,
				tenant_name: tenant.cust_name,
				version: '5.3.1',
				status: offline ? 'offline' : 'online',
				last_seen: offline ? now - 3 * 3_600_000 : now - 30_000,
			};
		}),
	);
}
