import { MAX_POLL_GROWTH, POLL_GROWTH } from "./defaults";

/** How one operation paces itself: status checks, retries, and when it has to stop. */
export interface Timing {
    /** The first pause between status checks, and the base of retry back-off. */
    readonly pollMs: number;
    /** The longest pause. */
    readonly maxPollMs: number;
    /** Clock time (ms since the epoch) by which the operation stops and reports what it knows. */
    readonly deadline: number;
}

export function timingFor(
    settings: { readonly pollIntervalSeconds: number; readonly waitTimeoutSeconds: number },
    now: number = Date.now(),
): Timing {
    const pollMs = settings.pollIntervalSeconds * 1000;
    return {
        pollMs,
        maxPollMs: pollMs * MAX_POLL_GROWTH,
        deadline: now + settings.waitTimeoutSeconds * 1000,
    };
}

/** The pause after `pauses` earlier ones: growing by half each time, capped. */
export function pollPause(timing: Timing, pauses: number): number {
    return Math.min(timing.maxPollMs, timing.pollMs * POLL_GROWTH ** pauses);
}

/**
 * Retry back-off: at least half of an exponentially growing cap, the rest random, so retries really slow down
 * and resources throttled together do not all retry at the same moment.
 */
export function retryPause(timing: Timing, attempt: number, random: () => number = Math.random): number {
    const cap = Math.min(timing.maxPollMs, timing.pollMs * 2 ** attempt);
    return Math.round(cap / 2 + (random() * cap) / 2);
}

/** Waits `ms`, but never past the deadline. */
export function sleepUntilAtMost(ms: number, deadline: number, now: number = Date.now()): Promise<void> {
    const pause = Math.max(0, Math.min(ms, deadline - now));
    return new Promise((resolve) => setTimeout(resolve, pause));
}
