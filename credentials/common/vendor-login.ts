import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';

import type { VendorProfile } from '../vendors/vendor-profile';
import type { LoginError, LoginHold } from './login-error';

/** What a login answered, as the shared lifecycle hands it to a vendor. */
export interface LoginAnswer {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

export interface Session {
	token: string;
	expiresAt?: Date;
}

/** Only what differs between platforms; the lifecycle in session/ does the rest. */
export interface VendorLogin {
	/** The platform as users know it, for messages. */
	platform: string;
	/** A base URL example for messages. */
	exampleUrl: string;
	/** The credential's form: its `password` fields are scrubbed from every text a login error quotes. */
	properties: INodeProperties[];
	/** False for static-key methods: they never call a login endpoint and never store a token. */
	logsIn(credentials: ICredentialDataDecryptedObject): boolean;
	loginRequest(credentials: ICredentialDataDecryptedObject): {
		/** POST unless said (Stellar Cyber's Basic method proves its secret with a GET). */
		method?: 'GET' | 'POST';
		path: string;
		body?: IDataObject;
		headers?: IDataObject;
	};
	/**
	 * A request that trades a session token still alive for a new one, so the password stays off the wire
	 * after the first login (ECE's /users/auth/_refresh). A refused refresh falls back to the login.
	 */
	refreshRequest?(token: string): { path: string; body?: IDataObject; headers: IDataObject };
	/**
	 * The second step a 2xx login answer asks for (a two-factor code), or undefined when it is the session.
	 * Throws LoginError when the platform asks for a step n8n cannot take (an emailed code).
	 */
	secondStep?(
		answer: LoginAnswer,
		credentials: ICredentialDataDecryptedObject,
		nowMs: number,
	): { path: string; body: string; headers: IDataObject } | undefined;
	/** The refusal of a second step's answer that is not 2xx (a wrong code): held like a refused password. */
	secondStepRefused?(answer: LoginAnswer): LoginError;
	/** Token and expiry from a 2xx answer. Throws LoginError when a 2xx still refuses (two-factor). */
	readSession(answer: LoginAnswer, credentials: ICredentialDataDecryptedObject): Session;
	/** What the user typed that a 401 refuses, e.g. "username or password". */
	refusedSecret(credentials: ICredentialDataDecryptedObject): string;
	/** The platform's own error text in an answer, if it sent one. */
	errorText(answer: LoginAnswer): string | undefined;
	/** Vendor-specific statuses and what they prove, e.g. UTMStack's 423 for a blocked client address (10 minutes). */
	explainStatus?: Record<number, { message: string; description: string; hold: LoginHold }>;
}

/** What a login takes from the platform's profile (vendors/<platform>.ts), so it is written once. */
type FromProfile = 'platform' | 'exampleUrl' | 'properties' | 'logsIn' | 'errorText';

/** A platform's login: its profile's name, example URL, form, methods and error reader, and the login's own parts. */
export function vendorLogin(
	profile: VendorProfile,
	login: Omit<VendorLogin, FromProfile> & Partial<Pick<VendorLogin, FromProfile>>,
): VendorLogin {
	return {
		platform: profile.platform,
		exampleUrl: profile.exampleUrl,
		properties: profile.properties,
		logsIn: profile.logsIn,
		errorText: profile.errorText,
		...login,
	};
}
