import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordAt } from '../../../common/answer-parts';
import { idLocator } from '../../../common/id-locator';
import { offsetPages } from '../../../common/page-strategies';
import { collectPages } from '../../../common/paginate';
import { readAnswer } from '../../../common/request';
import { immutaListing } from '../../listings';
import { immuta } from '../../transport';

/** Which user an access change is about: the identity manager it signs in through, and its user ID there. */
export const userFields: INodeProperties[] = [
	{
		displayName: 'Identity Manager',
		name: 'iamId',
		type: 'string',
		required: true,
		default: 'bim',
		placeholder: 'e.g. bim',
		description:
			"The ID of the identity manager (IAM) the user signs in through: bim for Immuta's built-in one. Get Many users shows each user's IAM.",
	},
	...idLocator({
		displayName: 'User',
		name: 'userId',
		searchListMethod: 'searchUsers',
		placeholder: 'e.g. analyst@example.com',
		description:
			"The user's user ID in that identity manager: the name they sign in with, often their email",
	}),
];

export interface ImmutaUser {
	iamid: string;
	userid: string;
	/** The user as GET /bim/user lists it (id, profile, disabled, ...). */
	record: IDataObject;
	/** Its profile (name, email), which Immuta's Model46 gives every user. */
	profile: IDataObject;
}

/**
 * The user the fields name, found with GET /bim/user?userid= (a partial match, Immuta's API description),
 * disabled users included, and kept only on an exact user ID and identity manager. None is an error that
 * says where to look.
 */
export async function findUser(context: IExecuteFunctions, itemIndex: number): Promise<ImmutaUser> {
	const iamid = String(context.getNodeParameter('iamId', itemIndex, 'bim')).trim();
	const userid = String(
		context.getNodeParameter('userId', itemIndex, '', { extractValue: true }),
	).trim();
	if (iamid === '' || userid === '')
		throw new NodeOperationError(
			context.getNode(),
			'Say which user: both "Identity Manager" and "User" are needed',
			{ itemIndex },
		);
	const matches = await collectPages.call(
		context,
		immuta,
		offsetPages(immutaListing('/bim/user', { userid, includeDisabled: true }, 'name')),
		undefined,
		itemIndex,
	);
	const record = matches.find((user) => user.userid === userid && user.iamid === iamid);
	if (!record)
		throw new NodeOperationError(
			context.getNode(),
			`Immuta has no user "${userid}" in the identity manager "${iamid}"`,
			{
				itemIndex,
				description:
					'The User is the name the person signs in with (often an email), and the Identity Manager the IAM it belongs to: Get Many users lists both for every user.',
			},
		);
	const profile = readAnswer(
		context.getNode(),
		immuta,
		{ method: 'GET', path: '/bim/user' },
		record,
		(user) => recordAt(user, ['profile']),
		itemIndex,
	);
	return { iamid, userid, record, profile };
}

/** What an access change's output item says about the user. */
export function userSummary(user: ImmutaUser): IDataObject {
	const { profile } = user;
	return {
		iamid: user.iamid,
		userid: user.userid,
		id: user.record.id,
		name: profile.name,
		email: profile.email,
	};
}

/** A user path segment: the IAM id and user id, each URL-encoded. */
export const userPath = (user: ImmutaUser) =>
	`/bim/iam/${encodeURIComponent(user.iamid)}/user/${encodeURIComponent(user.userid)}`;
