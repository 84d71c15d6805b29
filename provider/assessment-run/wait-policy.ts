/**
 * How often the provider asks Inspector about a run, and how it retries when Inspector is briefly unavailable.
 * Runs last minutes to hours, so polls start a few seconds apart and back off to a minute; tests shrink all of
 * it to milliseconds.
 */
export interface WaitPolicy {
    /** Delay before the second poll, in milliseconds. */
    readonly initialPollMs: number;
    /** Longest delay between polls. */
    readonly maxPollMs: number;
    /** Each delay is the previous one times this. */
    readonly backoffFactor: number;
    /** Attempts of a call refused with ServiceTemporarilyUnavailableException, beyond the SDK's own retries. */
    readonly unavailableAttempts: number;
    /** Delay before the first such retry; doubled after each. */
    readonly unavailableDelayMs: number;
    /** How long a delete waits for a stopped run to release its agents (or to finish, before deleting it). */
    readonly stopWaitMs: number;
}

export const DEFAULT_WAIT_POLICY: WaitPolicy = {
    initialPollMs: 5_000,
    maxPollMs: 60_000,
    backoffFactor: 1.5,
    unavailableAttempts: 5,
    unavailableDelayMs: 5_000,
    stopWaitMs: 10 * 60_000,
};

/** The delay after `previousMs`, growing by the factor up to the maximum. */
export function nextPollDelay(previousMs: number | undefined, policy: WaitPolicy): number {
    if (previousMs === undefined) return policy.initialPollMs;
    return Math.min(policy.maxPollMs, Math.round(previousMs * policy.backoffFactor));
}
