import type { IDataObject } from 'n8n-workflow';

import type { VendorProfile } from '../../credentials/vendors/vendor-profile';

/** What a node tells the shared request function about its platform: the profile its credential shares. */
export type VendorApi = VendorProfile;

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
	/** The one record the request is about, as a person names it ("case 5f3a…"): a 404 then says the platform has no such record. */
	about?: string;
	/** What a 403 means for this request in particular (who may make it), said instead of the general advice. */
	forbidden?: string;
	/** What a 404 means when the endpoint itself may be gone (a deprecated one), said with it. */
	gone?: string;
}
