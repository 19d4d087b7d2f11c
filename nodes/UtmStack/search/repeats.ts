import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * UTMStack 11 raises an alert that repeats an earlier one (same name, same deduplication fields) as a child of it: its
 * `parentId` holds the first alert's id, and a first alert holds "" (plugins/alerts main.go; docs/provenance/utmstack.md
 * "Repeats"). Alerts of UTMStack 10 have no parentId and are never repeats.
 */
export function isRepeat(alert: IDataObject): boolean {
	return typeof alert.parentId === 'string' && alert.parentId.trim() !== '';
}

export const leaveOutRepeatsProperty: INodeProperties = {
	displayName: 'Leave Out Repeats',
	name: 'leaveOutRepeats',
	type: 'boolean',
	default: false,
	description:
		'Whether to leave out alerts UTMStack 11 raised as repeats of an earlier alert (child alerts, with a parent ID), the way its console groups them under the first one. Limit then counts first alerts only.',
};
