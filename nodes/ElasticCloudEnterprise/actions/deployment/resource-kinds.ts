import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The resource kinds ECE restarts without a plan change (stateless_resource_kind in its API). */
export const STATELESS_KINDS: INodePropertyOptions[] = [
	{ name: 'APM', value: 'apm' },
	{ name: 'App Search', value: 'appsearch' },
	{ name: 'Enterprise Search', value: 'enterprise_search' },
	{ name: 'Integrations Server', value: 'integrations_server' },
	{ name: 'Kibana', value: 'kibana' },
];

/** The resource kinds whose instances ECE stops and starts. */
export const INSTANCE_KINDS: INodePropertyOptions[] = [
	{ name: 'APM', value: 'apm' },
	{ name: 'Elasticsearch', value: 'elasticsearch' },
	{ name: 'Integrations Server', value: 'integrations_server' },
	{ name: 'Kibana', value: 'kibana' },
];

/** The kind of resource, and its ref_id picked from the deployment's resources of that kind. */
export function resourceFields(
	kinds: INodePropertyOptions[],
	defaultKind: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Resource Kind',
			name: 'resourceKind',
			type: 'options',
			default: defaultKind,
			options: kinds,
		},
		{
			displayName: 'Resource Name or ID',
			name: 'refId',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getDeploymentResources',
				loadOptionsDependsOn: ['deploymentId.value', 'resourceKind'],
			},
			required: true,
			default: '',
			description:
				'The ref_id of the resource, for example main-kibana. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	];
}
