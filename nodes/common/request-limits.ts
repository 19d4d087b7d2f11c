/** A platform that has not answered in this time is reported, not waited for forever. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** More tries of a request answered 429, each after the Retry-After the platform asked for. */
export const RATE_LIMIT_RETRIES = 2;
/** A longer Retry-After is not waited for: the node fails and says so. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 30;
