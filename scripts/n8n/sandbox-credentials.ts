import { PLATFORMS } from '../../test/platforms';
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

/** Every sign-in of every platform (test/platforms.ts), with stable ids the example workflows point at. */
export function sandboxCredentials(
	urls: Urls,
	allowUnauthorizedCerts = false,
): SandboxCredential[] {
	return PLATFORMS.flatMap((platform) =>
		platform.signIns.map((signIn) => ({
			id: signIn.id,
			name: signIn.name,
			type: platform.api.credentialType,
			vendor: platform.vendor,
			logsIn: signIn.logsIn,
			data: { baseUrl: urls[platform.vendor], allowUnauthorizedCerts, ...signIn.data },
			secretField: signIn.secretField,
		})),
	);
}

/** The import format: only what n8n stores. */
export function forImport(credentials: SandboxCredential[]): object[] {
	return credentials.map(({ id, name, type, data }) => ({ id, name, type, data }));
}
