import { elasticCloudEnterprisePlatform } from './elastic-cloud-enterprise';
import { immutaPlatform } from './immuta';
import type { Platform, SignIn } from './platform';
import { stellarCyberPlatform } from './stellar-cyber';
import { utmstackPlatform } from './utmstack';
import type { SimulatorVendor } from '../simulators/options';

export type { Platform, SignIn, TriggerProbe } from './platform';

/**
 * The one registry of platforms that the simulators, the harnesses, the sandbox, the example workflows and the
 * end-to-end and queue suites read: adding a platform here (a file beside this one, with its simulator and
 * fixtures) registers it in all of them. Each platform's entry sits in a file of its own, so that the package of
 * one platform (scripts/packages) carries its entry alone. Product code does not read it.
 */
export const PLATFORMS: readonly Platform[] = [
	utmstackPlatform,
	stellarCyberPlatform,
	immutaPlatform,
	elasticCloudEnterprisePlatform,
];

/** The sign-in of a platform that logs in (with a password or by exchanging a key): what the benchmark compares. */
export function loginSignIn(platform: Platform): SignIn {
	const found = platform.signIns.find((signIn) => signIn.logsIn && signIn.label !== undefined);
	if (!found)
		throw new Error(`no sign-in that logs in for ${platform.vendor} in test/platforms.ts`);
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
