import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { LoginError, UNTIL_A_PERSON_ACTS } from '../login-error';
import { loginFailureSaid } from './bounded-holds';
import { holdsToken, tokenUsable } from './decide';
import { settingsKey } from './seal';
import { outcomeStored } from './owner';
import { decodeSession, parseRefusal, RENEWAL_FIELD, SESSION_FIELDS, type Renewal } from './state';

type Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

interface RunCredentials {
	credentials: ICredentialDataDecryptedObject;
	/** When the stored credential was read: a session issued since may be handed over instead of a login. */
	readAt: number;
}

const perNodeRun = new WeakMap<object, Map<string, RunCredentials>>();

/**
 * The credential as this node run knows it, read once per run instead of once per request (n8n decrypts it
 * from its database on every read, which costs more than a request to a nearby platform). It only ever takes
 * what n8n stored: the session n8n saved after a login, or the stored credential read again. Polls read it
 * afresh: a trigger's context lives as long as the workflow is active, and the user may edit the credential.
 */
async function runCredentials(
	context: Context,
	type: string,
	itemIndex: number,
): Promise<RunCredentials> {
	const read = async () => {
		// Taken before the read: a session issued after it may be newer than what the read returns.
		const readAt = Date.now();
		return {
			readAt,
			credentials: (await context.getCredentials(
				type,
				itemIndex,
			)) as ICredentialDataDecryptedObject,
		};
	};
	if (!('getInputData' in context)) return await read();
	const byType = perNodeRun.get(context) ?? new Map<string, RunCredentials>();
	perNodeRun.set(context, byType);
	const credentials = byType.get(type) ?? (await read());
	byType.set(type, credentials);
	return credentials;
}

const hasToken = (credentials: ICredentialDataDecryptedObject) =>
	holdsToken({
		token: typeof credentials.sessionToken === 'string' ? credentials.sessionToken : '',
	});

/** A token that is missing, issued for other settings, about to expire or sealed by an earlier version is not sent as it is. */
function needsSession(credentials: ICredentialDataDecryptedObject, nowMs: number): boolean {
	return !tokenUsable(decodeSession(credentials), nowMs);
}

/**
 * A node request's view of its credential's session (owner.ts owns it). The request
 * asks `auth()` for what to hand n8n, and tells `answered()` the HTTP status, or `failed()` the error, of each
 * try. A session is renewed before a token known to be dead is spent, adopted from the stored credential when
 * another process renewed it, and renewed once when the platform refuses a stored token.
 */
export class RequestSession {
	private renewal?: ICredentialDataDecryptedObject;
	private refusalBefore = '';
	private renewed = false;
	private reread = false;
	private readonly heldToken: boolean;

	private constructor(
		private readonly context: Context,
		private readonly type: string,
		private readonly itemIndex: number,
		private readonly logsIn: boolean,
		private readonly run: RunCredentials,
	) {
		this.heldToken = hasToken(run.credentials);
	}

	/** The credential as this run knows it (the session n8n stored after a renewal included). */
	get credentials(): ICredentialDataDecryptedObject {
		return this.run.credentials;
	}

	static async open(
		context: Context,
		type: string,
		logsIn: (credentials: ICredentialDataDecryptedObject) => boolean,
		itemIndex: number,
	): Promise<RequestSession> {
		const run = await runCredentials(context, type, itemIndex);
		return new RequestSession(context, type, itemIndex, logsIn(run.credentials), run);
	}

	/** What to hand n8n's httpRequestWithAuthentication for the next try. */
	async auth() {
		// A run holding no token (none yet, or a refusal) read the credential just now; one holding a token known
		// to be dead reads it again, as another process may have renewed it. A refusal is the owner's to tell.
		if (
			this.logsIn &&
			!this.renewal &&
			needsSession(this.credentials, Date.now()) &&
			!(hasToken(this.credentials) && (await this.adoptStored()))
		) {
			this.renewWith({ replaces: String(this.credentials.sessionToken ?? ''), refused: false });
		}
		const stored = this.context.getNode().credentials?.[this.type];
		const data = this.renewal ?? this.credentials;
		return {
			credentialsDecrypted: {
				id: stored?.id ?? '',
				name: stored?.name ?? '',
				type: this.type,
				data,
			},
		};
	}

	/** The platform answered with `status`: true when the request should go again, with a new session. */
	async answered(status: number): Promise<boolean> {
		this.keepRenewal();
		// A stored token the platform no longer takes (revoked, backend restarted): one new session, one more try.
		// A token just issued, or a static key, that is refused stays refused: no second login.
		if (status !== 401 || !this.logsIn || !this.heldToken || this.renewed) return false;
		if (!this.reread && (await this.adoptStored())) return true;
		this.renewWith({ replaces: String(this.credentials.sessionToken ?? ''), refused: true });
		return true;
	}

	/**
	 * The try failed without an answer. A refusal this very try brought is told in the platform's words; one
	 * read from the credential says it is the earlier one (that is what `authenticate` throws).
	 */
	failed(error: unknown): unknown {
		const renewing = this.renewal !== undefined;
		const refusal = this.keepRenewal();
		const record = refusal ? parseRefusal(refusal) : undefined;
		if (record) return new LoginError(record.message, record.description, UNTIL_A_PERSON_ACTS);
		// n8n 1.x wraps a login failure the hook threw in its own error (the message kept, the description lost)
		const said = renewing ? loginFailureSaid(settingsKey(this.credentials)) : undefined;
		return said && said.message === (error as { message?: unknown } | undefined)?.message
			? said
			: error;
	}

	/** The credential as stored now, when another process renewed it with a token that fits and is fresh. True when taken. */
	private async adoptStored(): Promise<boolean> {
		this.reread = true;
		const readAt = Date.now();
		const stored = (await this.context.getCredentials(
			this.type,
			this.itemIndex,
		)) as ICredentialDataDecryptedObject;
		const usable =
			hasToken(stored) &&
			stored.sessionToken !== this.credentials.sessionToken &&
			!needsSession(stored, Date.now());
		this.run.readAt = readAt;
		if (usable) for (const field of SESSION_FIELDS) this.credentials[field] = stored[field] ?? '';
		return usable;
	}

	private credentialId(): string | undefined {
		return this.context.getNode().credentials?.[this.type]?.id ?? undefined;
	}

	/** A copy with no token makes n8n run preAuthentication and store what it returns (into the copy as well). */
	private renewWith(renewal: Renewal): void {
		this.renewed = true;
		this.refusalBefore = String(this.credentials.sessionRefusal ?? '');
		this.renewal = {
			...this.credentials,
			sessionToken: '',
			[RENEWAL_FIELD]: JSON.stringify({
				...renewal,
				credential: this.credentialId(),
				readAt: this.run.readAt,
			}),
		};
	}

	/**
	 * What n8n stored on a renewal becomes the run's: a new token, or a new refusal (so the next items fail
	 * without a login); a renewal that failed otherwise leaves the run's data alone. Returns a new refusal.
	 */
	private keepRenewal(): string | undefined {
		const renewal = this.renewal;
		this.renewal = undefined;
		if (!renewal) return undefined;
		// A refusal is new when it was made at another time: one stored again under a new seal keeps its time.
		const made = parseRefusal(renewal.sessionRefusal)?.at;
		const refusal =
			made !== undefined && made !== parseRefusal(this.refusalBefore)?.at
				? String(renewal.sessionRefusal)
				: undefined;
		// A refusal stored again (resealed) is the run's too, so the next items do not ask n8n to reseal it again.
		const stored = made !== undefined && renewal.sessionRefusal !== this.refusalBefore;
		if (hasToken(renewal) || stored) {
			for (const field of SESSION_FIELDS) this.credentials[field] = renewal[field] ?? '';
			outcomeStored(renewal, this.credentialId(), Date.now());
		}
		return refusal;
	}
}
