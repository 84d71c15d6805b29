/** Input defaults and limits; the README and the args' JSDoc state the same values. */

/** Create and update wait until every requested type is ENABLED on every account. */
export const DEFAULT_WAIT_FOR_ENABLED = true;

/** How long one create, update or delete may take, waiting and retries included: 15 minutes. */
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 900;

/** The first pause between status checks; pauses then grow up to {@link MAX_POLL_GROWTH} times this. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 3;

/** A day: longer waits belong to a separate process, not to one `pulumi up`. */
export const MAX_WAIT_TIMEOUT_SECONDS = 86_400;

export const MAX_POLL_INTERVAL_SECONDS = 300;

/** Pauses grow by half each time up to ten times the poll interval (3 s → 30 s by default). */
export const POLL_GROWTH = 1.5;
export const MAX_POLL_GROWTH = 10;

/** Enable, Disable and BatchGetAccountStatus take at most 100 account IDs per call. */
export const MAX_ACCOUNTS_PER_CALL = 100;
