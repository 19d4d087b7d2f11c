import { N8N_VERSIONS, type N8nVersion } from '../../../scripts/n8n/versions';

/** Every pinned n8n version, or those named in E2E_N8N_VERSIONS (comma list of labels, e.g. "n8n-2.41"). */
export function versionsUnderTest(): N8nVersion[] {
	const wanted = process.env.E2E_N8N_VERSIONS?.split(',')
		.map((label) => label.trim())
		.filter(Boolean);
	return wanted?.length
		? N8N_VERSIONS.filter((version) => wanted.includes(version.label))
		: N8N_VERSIONS;
}
