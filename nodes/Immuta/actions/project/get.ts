import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { immuta } from '../../transport';
import { projectIdFields, recordId } from '../record-id';

export const getProject: Operation = {
	option: { name: 'Get', value: 'get', action: 'Get a project', description: 'Read one project' },
	toolDescription:
		'Get one Immuta project by its numeric project ID. Returns its name, purpose, status, owner and members count.',
	fields: [...projectIdFields],
	async execute(itemIndex) {
		const id = recordId(this, itemIndex, 'projectId', 'Project ID');
		return await apiRequest.call(
			this,
			immuta,
			{ method: 'GET', path: `/project/${id}`, about: `project ${decodeURIComponent(id)}` },
			itemIndex,
		);
	},
};
