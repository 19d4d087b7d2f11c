import { NodeOperationError } from 'n8n-workflow';

import { refuseForAgents } from '../../../common/agent-tool';
import { jsonObject } from '../../../common/json-parameter';
import type { Operation } from '../../../common/operations';
import { apiRequest } from '../../../common/request';
import { immuta } from '../../transport';

/**
 * The connection types and the path segment Immuta's handler API names them by (fh-immuta-utils' table).
 * Immuta SaaS serves Snowflake and Databricks (its API description); 2024.1 marks most others deprecated.
 */
const CONNECTION_TYPES = [
	['Amazon Athena', 'athena'],
	['Amazon Redshift', 'redshift'],
	['Amazon S3', 's3'],
	['Apache Hive', 'hive'],
	['Apache Impala', 'impala'],
	['Azure SQL Data Warehouse', 'asdw'],
	['Databricks', 'databricks'],
	['Elasticsearch', 'elastic'],
	['Microsoft SQL Server', 'mssql'],
	['MySQL', 'mysql'],
	['Oracle', 'oracle'],
	['PostgreSQL', 'pg'],
	['Presto', 'presto'],
	['Snowflake', 'snowflake'],
	['Teradata', 'teradata'],
].map(([name, value]) => ({ name, value }));

const EXAMPLE = JSON.stringify(
	{
		handler: {
			metadata: {
				hostname: 'db.example.com',
				port: 5432,
				database: 'sales',
				schema: 'public',
				table: 'orders',
				ssl: true,
				username: 'immuta_reader',
				password: '',
			},
		},
		dataSource: {
			name: 'Sales Orders',
			sqlTableName: 'sales_orders',
			blobHandlerType: 'PostgreSQL',
			recordFormat: 'json',
			type: 'queryable',
		},
	},
	null,
	2,
);

export const createDataSource: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a data source',
		description: 'Register a table in Immuta from a JSON body, as fh-immuta-utils does',
	},
	toolDescription:
		'Create an Immuta data source. Not available to AI agents: the request holds database credentials.',
	fields: [
		{
			displayName: 'Connection Type',
			name: 'connectionType',
			type: 'options',
			default: 'pg',
			options: CONNECTION_TYPES,
		},
		{
			displayName: 'Request (JSON)',
			name: 'requestJson',
			type: 'json',
			required: true,
			default: EXAMPLE,
			description:
				'The body of Immuta\'s handler request: "handler" (the connection and table) and "dataSource" (its name and settings). One table per request.',
		},
	],
	async execute(itemIndex) {
		refuseForAgents(
			this,
			itemIndex,
			'Creating a data source is not available to AI agents: the request holds database credentials.',
		);
		const type = String(this.getNodeParameter('connectionType', itemIndex));
		const body = jsonObject(this, itemIndex, 'requestJson', 'Request (JSON)');
		if (
			typeof body.handler !== 'object' ||
			body.handler === null ||
			Array.isArray(body.handler) ||
			typeof body.dataSource !== 'object' ||
			body.dataSource === null
		) {
			throw new NodeOperationError(
				this.getNode(),
				'The "Request (JSON)" parameter needs a "handler" object and a "dataSource" object',
				{
					itemIndex,
					description:
						'One table per request: Immuta gives no data source ID back for a list of handlers.',
				},
			);
		}
		const created = await apiRequest.call(
			this,
			immuta,
			{ method: 'POST', path: `/${encodeURIComponent(type)}/handler`, body },
			itemIndex,
		);
		const id = Number(created.dataSourceId);
		if (!Number.isInteger(id))
			throw new NodeOperationError(
				this.getNode(),
				'Immuta accepted the data source but gave no dataSourceId back',
				{ itemIndex },
			);
		return await apiRequest.call(
			this,
			immuta,
			{ method: 'GET', path: `/dataSource/${id}`, about: `data source ${id}` },
			itemIndex,
		);
	},
};
