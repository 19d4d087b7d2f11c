import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { PLATFORMS } from '../platforms';
import type { SimulatorVendor } from '../simulators/options';

export type Vendor = SimulatorVendor;

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

/** The ways in the lifecycle suites run: every sign-in of every platform that has a label. */
export const AUTH_METHODS: AuthMethod[] = PLATFORMS.flatMap((platform) =>
	platform.signIns
		.filter((signIn) => signIn.label !== undefined)
		.map((signIn) => ({
			label: signIn.label as string,
			vendor: platform.vendor,
			type: platform.credential(),
			logsIn: signIn.logsIn,
			testPath: platform.probe.testPath,
			data: signIn.data as ICredentialDataDecryptedObject,
			withWrongSecret: (wrong: string) => ({
				...(signIn.data as ICredentialDataDecryptedObject),
				[signIn.secretField]: wrong,
			}),
			secrets: [String(signIn.data[signIn.secretField])],
		})),
);

export const ALL_CREDENTIAL_TYPES: ICredentialType[] = PLATFORMS.map((platform) =>
	platform.credential(),
);

/** Every secret the simulators' fixtures know, for leak searches. */
export const ALL_SECRETS: string[] = PLATFORMS.flatMap((platform) => platform.secrets);
