import { empty, json, type Handler, type SimReply, type SimRequest } from './core/server';
import { accessOf, type AccessEntry, type ImmutaData, type ImmutaRecord } from './data/immuta';
import { boom } from './immuta-boom';

/**
 * Immuta's access changes and who holds access: a user disabled or enabled, group memberships, and a data
 * source's subscribers. Routes and bodies from Immuta's API description (terraform-provider-immuta @ b9218c6,
 * immuta_api_swagger.json) and its Terraform group-users resource (@ a382f91); the answers' error texts and the
 * permission each route needs are unattested (Boom bodies as the rest of the API answers, USER_ADMIN as
 * Immuta's docs name the permission that manages users and groups).
 */

export interface AccessContext {
	data: () => ImmutaData;
	seed: number;
	/** The permissions the signed-in user holds (POST /__sim/permissions changes them). */
	permissions: Set<string>;
	/** Data sources given a made-up number of users with access (POST /__sim/access). */
	accessCounts: Map<number, number>;
	/** One page of a list answered {count, hits}, or Boom's 400 for a bad size/offset. */
	page: (request: SimRequest, list: ImmutaRecord[]) => SimReply;
	/** size/offset of a list request (size 25 unless given), or Boom's 400. */
	pageWindow: (request: SimRequest) => { size: number; offset: number } | { reply: SimReply };
}

export function immutaAccessHandlers(context: AccessContext) {
	const { data } = context;
	const userOf = (request: SimRequest) =>
		data().users.find(
			(user) => user.iamid === request.params.iamid && user.userid === request.params.userid,
		);
	const unknownUser = (request: SimRequest) =>
		boom(404, `User ${request.params.userid} not found in IAM ${request.params.iamid}`);
	const groupOf = (request: SimRequest) =>
		data().groups.find((group) => String(group.id) === request.params.groupId);

	const needs =
		(permission: string, handler: Handler): Handler =>
		(request) =>
			context.permissions.has(permission)
				? handler(request)
				: boom(403, `You do not have the ${permission} permission`);

	/**
	 * PUT /bim/iam/{iamid}/user/{userid}/disable/{true|false}, no body; the answer's schema is a bare string
	 * (the API description's `default: string`): 200 with an empty body here (unattested). Setting the state
	 * the user already has answers the same (a PUT of a state: unattested).
	 */
	const setDisabled: Handler = (request) => {
		const user = userOf(request);
		if (!user) return unknownUser(request);
		const wanted = request.params.disable;
		if (wanted !== 'true' && wanted !== 'false')
			return boom(400, `"disable" must be one of [true, false]`, {
				validation: { source: 'params', keys: ['disable'] },
			});
		user.disabled = wanted === 'true';
		for (const membership of data().memberships)
			if (membership.profile === user.id) membership.disabled = user.disabled;
		return empty(200);
	};

	/** GET /bim/iam/{iamid}/user/{userid}/groups: [{id, name, iamid, groupUser}] (Model132/131; groupUser is the membership id). */
	const userGroups: Handler = (request) => {
		const user = userOf(request);
		if (!user) return unknownUser(request);
		return json(
			200,
			data()
				.memberships.filter((membership) => membership.profile === user.id)
				.map((membership) => {
					const group = data().groups.find((candidate) => candidate.id === membership.group);
					return {
						id: membership.group,
						name: group?.name,
						iamid: group?.iamid,
						groupUser: membership.id,
					};
				}),
		);
	};

	/** GET /bim/group/{groupId}/user: {count, hits} of Model110 (membership id, group, profile, userid, iamid, disabled). */
	const groupMembers: Handler = (request) => {
		const group = groupOf(request);
		if (!group) return boom(404, `Group ${request.params.groupId} not found`);
		const members = data().memberships.filter((membership) => membership.group === group.id);
		return context.page(request, members);
	};

	/**
	 * POST /bim/group/{groupId}/user {userid, iamid}: the new membership {id, group, profile, createdAt, updatedAt}
	 * (what terraform-provider-immuta reads). A member added again: 409 here (unattested).
	 */
	const addMember: Handler = (request) => {
		const group = groupOf(request);
		if (!group) return boom(404, `Group ${request.params.groupId} not found`);
		const body = (request.body ?? {}) as Record<string, unknown>;
		for (const key of ['userid', 'iamid'])
			if (typeof body[key] !== 'string' || body[key] === '')
				return boom(400, `child "${key}" fails because ["${key}" is required]`, {
					validation: { source: 'payload', keys: [key] },
				});
		const user = data().users.find(
			(candidate) => candidate.userid === body.userid && candidate.iamid === body.iamid,
		);
		if (!user)
			return boom(404, `User ${String(body.userid)} not found in IAM ${String(body.iamid)}`);
		if (data().memberships.some((m) => m.group === group.id && m.profile === user.id))
			return boom(
				409,
				`User ${String(body.userid)} is already a member of group ${String(group.name)}`,
			);
		const at = new Date().toISOString();
		const membership: ImmutaRecord = {
			id: Math.max(999, ...data().memberships.map((m) => Number(m.id))) + 1,
			group: group.id,
			profile: user.id,
			uid: user.id,
			userid: user.userid,
			iamid: user.iamid,
			disabled: user.disabled,
			createdAt: at,
			updatedAt: at,
		};
		data().memberships.push(membership);
		return json(200, {
			id: membership.id,
			group: group.id,
			profile: user.id,
			createdAt: at,
			updatedAt: at,
		});
	};

	/** DELETE /bim/group/{groupId}/user/{groupuserid}: 200, empty (unattested); an unknown membership 404. */
	const removeMember: Handler = (request) => {
		const group = groupOf(request);
		if (!group) return boom(404, `Group ${request.params.groupId} not found`);
		const at = data().memberships.findIndex(
			(m) => m.group === group.id && String(m.id) === request.params.groupuserid,
		);
		if (at < 0) return boom(404, `Group user ${request.params.groupuserid} not found`);
		data().memberships.splice(at, 1);
		return empty(200);
	};

	/**
	 * GET /dataSource/{id}/access: `users`, one entry per profile (tap-immuta reads `$.users[*]`, primary key
	 * data source + profile). The API description declares states (subscribed, expert, owner, ingest), size,
	 * offset, sortField (name, state, email, expiration, type), sortOrder (default desc) and expandGroups; whether
	 * the answer carries a count is unattested, so none is sent. Without size, 25 here (unattested).
	 */
	const dataSourceAccess: Handler = (request) => {
		const id = Number(request.params.id);
		const source = data().dataSources.find((candidate) => candidate.id === id);
		if (!source) return boom(404, `Data source ${request.params.id} not found`);
		const window = context.pageWindow(request);
		if ('reply' in window) return window.reply;
		const states = request.query.getAll('states');
		const unknown = states.find(
			(state) => !['subscribed', 'expert', 'owner', 'ingest'].includes(state),
		);
		if (unknown)
			return boom(
				400,
				`"states" at position 0 fails because ["${unknown}" must be one of [subscribed, expert, owner, ingest]]`,
				{
					validation: { source: 'query', keys: ['states'] },
				},
			);
		const count = context.accessCounts.get(id);
		const everyone: AccessEntry[] =
			count === undefined
				? accessOf(context.seed, id, data().users)
				: Array.from({ length: count }, (_, i) => {
						const user = data().users[i % data().users.length];
						return {
							...accessOf(context.seed, id, data().users)[0],
							userid: user.userid,
							profile: 10_000 + i,
							name: `member ${String(i).padStart(5, '0')}`,
							state: 'subscribed',
							subscriptionId: id * 100_000 + i,
						};
					});
		const kept =
			states.length > 0
				? everyone.filter((entry) => states.includes(String(entry.state)))
				: everyone;
		const field = request.query.get('sortField') ?? 'name';
		const descending = (request.query.get('sortOrder') ?? 'desc').toLowerCase() !== 'asc';
		const sorted = [...kept].sort((a, b) => {
			const diff =
				String(a[field] ?? '').localeCompare(String(b[field] ?? '')) ||
				Number(a.profile) - Number(b.profile);
			return descending ? -diff : diff;
		});
		return json(200, { users: sorted.slice(window.offset, window.offset + window.size) });
	};

	return {
		setDisabled: needs('USER_ADMIN', setDisabled),
		userGroups,
		groupMembers,
		addMember: needs('USER_ADMIN', addMember),
		removeMember: needs('USER_ADMIN', removeMember),
		dataSourceAccess,
	};
}
