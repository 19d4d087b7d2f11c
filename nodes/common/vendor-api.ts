import type { IDataObject } from 'n8n-workflow';

/** What a node tells the shared request function about its platform. */
export interface VendorApi {
	credentialType: string;
	platform: string;
	/** The platform's own error text in a failed answer, if it sent one. */
	errorText(answer: { body: unknown; headers: Record<string, unknown> }): string | undefined;
	/** Shown when the platform still answers 401 after n8n renewed the session (or for a static key). */
	rejectedCredential: { message: string; description: string };
}

export interface ApiRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path below the credential's base URL, starting with a slash. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string;
	headers?: IDataObject;
	/**
	 * The answer must be a JSON document (default: GET requests). An empty or broken body is then an error,
	 * never read as "no records", so a Return All cannot end early without saying so.
	 */
	expectsJson?: boolean;
}
