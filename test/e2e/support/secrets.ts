import { ALL_FIXTURE_SECRETS } from '../../simulators/fixtures';
import type { RunningSimulator } from '../../simulators';

/** Every secret and every token the simulators issued that appears in `text`. */
export function leakedSecrets(text: string, simulators: RunningSimulator[]): string[] {
	const tokens = simulators.flatMap((simulator) => simulator.issuedTokens());
	return [...ALL_FIXTURE_SECRETS, ...tokens].filter(
		(secret) => secret.length >= 8 && text.includes(secret),
	);
}
