import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RequestContext } from './request';

const perNodeRun = new WeakMap<object, Map<string, ICredentialDataDecryptedObject>>();

/**
 * The credential's data, read once per node run instead of once per request: n8n decrypts it from its
 * database on every read, which costs more than a request to a nearby platform. The same object goes back
 * to n8n with every request, so the token n8n saves after a login lands in it too. Polls read it afresh:
 * a trigger's context lives as long as the workflow is active, and the user may edit the credential.
 */
export async function runCredentials(context: RequestContext, type: string, itemIndex: number): Promise<ICredentialDataDecryptedObject> {
	const read = async () => (await context.getCredentials(type, itemIndex)) as ICredentialDataDecryptedObject;
	if (!('getInputData' in context)) return await read();
	const byType = perNodeRun.get(context) ?? new Map<string, ICredentialDataDecryptedObject>();
	perNodeRun.set(context, byType);
	const credentials = byType.get(type) ?? (await read());
	byType.set(type, credentials);
	return credentials;
}
