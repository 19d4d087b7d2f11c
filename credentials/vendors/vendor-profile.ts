import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/**
 * What the credential and the node of one platform both need to know of it: one profile each, so a
 * node never imports a credential class.
 */
export interface VendorProfile {
	/** The credential type's name. */
	credentialType: string;
	/** The credential's form (its properties): every `password` field in it is a secret that errors never show. */
	properties: INodeProperties[];
	/** The platform as users know it, for messages. */
	platform: string;
	/** A base URL example for messages. */
	exampleUrl: string;
	/** The platform's own error text in an answer, if it sent one. */
	errorText(answer: { body: unknown; headers: Record<string, unknown> }): string | undefined;
	/** The platform's structured error code, where it has one (ECE's "deployments.deployment_not_found"). */
	errorCode?(answer: { body: unknown; headers: Record<string, unknown> }): string | undefined;
	/** False for static-key methods: they never log in and never hold a token. */
	logsIn(credentials: ICredentialDataDecryptedObject): boolean;
	/** When the credential's key stops working, as the platform tells on every answer (ECE's X-Elastic-Api-Key-Expiration). */
	keyExpiresAt?(headers: Record<string, unknown>): Date | undefined;
	/**
	 * True for an answer that says a record does not exist although its status is not 404 (UTMStack's
	 * incident resource turns its own 404 into a 500 with the text "404 NOT_FOUND").
	 */
	isNotFound?(answer: { status: number; body: unknown; headers: Record<string, unknown> }): boolean;
	/** Shown when the platform still answers 401 after a fresh login (or to a static key). */
	rejectedCredential: { message: string; description: string };
}
