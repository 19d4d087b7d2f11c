import { createServer } from 'node:net';

/** Whether nothing listens on 127.0.0.1:port (a bind succeeds and is let go at once). */
function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

/**
 * The first port from `start` on (stepping by one) where n8n's server, its task-runner broker (+1000) and a
 * command's broker (+2000) are all free: a process of an earlier suite still closing, or anything else on
 * the machine, would otherwise make n8n exit at start, or answer in its place.
 */
export async function freeN8nPort(start: number, tries = 50): Promise<number> {
	for (let port = start; port < start + tries; port++) {
		if ((await isFree(port)) && (await isFree(port + 1000)) && (await isFree(port + 2000)))
			return port;
	}
	throw new Error(`no free port for n8n in ${start}..${start + tries - 1} (with +1000 and +2000)`);
}
