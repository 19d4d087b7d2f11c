import type { IDataObject, ICredentialType } from 'n8n-workflow';

import type { VendorApi } from '../../nodes/common/vendor-api';
import type { VendorFactory } from '../simulators/core/app';
import type { TokenStoreOptions } from '../simulators/core/tokens';
import type { RunningSimulator, SimulatorVendor } from '../simulators/options';

/** One way into one platform, as a user saves it (without the base URL, which the simulator gives). */
export interface SignIn {
	/** The sandbox credential's stable id (example workflows point at it). */
	id: string;
	/** The sandbox credential's name in n8n. */
	name: string;
	/** How the lifecycle suites name it, when they run it (every way in that logs in or sends a key, once). */
	label?: string;
	/** Whether it logs in (false: a static key sent on every request). */
	logsIn: boolean;
	data: IDataObject;
	/** The field holding its secret, for the wrong-secret tests. */
	secretField: string;
}

export interface Platform {
	vendor: SimulatorVendor;
	credential: () => ICredentialType;
	api: VendorApi;
	/** The action node's type name (without the package prefix). */
	node: string;
	simulator: VendorFactory;
	/** UTMStack: HS512 JWTs (vendor-apis.md). Stellar Cyber and ECE: JWTs (HS256 here; inferred). Immuta: opaque tokens (inferred). */
	tokenFormat: TokenStoreOptions['format'];
	/** The cheapest authenticated read: the path the credential test calls, and the node operation that reads it. */
	probe: { testPath: string; parameters: IDataObject };
	signIns: SignIn[];
	/** The sign-in the node suites use by default: a key, so a run costs one exchange at most. */
	keySignIn: string;
	/** Every secret the simulator's fixtures know, for leak searches. */
	secrets: string[];
	/** The probe as a user builds it without this package (the benchmark's HTTP Request nodes): a login, then the call. */
	byHand: {
		login: { path: string; headers?: Record<string, string>; body?: object; tokenField: string };
		callPath: string;
	};
	/** The platform's polling trigger, if it has one: how a test makes new records and knows them again. */
	trigger?: TriggerProbe;
}

export interface TriggerProbe {
	/** The trigger node's type name (without the package prefix). */
	node: string;
	/** The sign-in the trigger tests use. */
	signIn: string;
	parameters: IDataObject;
	/** The path each poll reads. */
	pollPath: string;
	/** Makes `count` new records on the simulator (ECE: one deployment falls unhealthy); returns their ids. */
	makeRecords(simulator: RunningSimulator, count: number): string[];
	/** The id of a record as the trigger emits it. */
	idOf(item: IDataObject): string;
}
