import { isRetryable, isThrottling } from "./call-error";
import { describeCallError } from "./errors";
import { regionGate } from "./region-gate";
import { retryPause, sleepUntilAtMost, type Timing } from "./timing";

/**
 * Attempts per call made here; each attempt already includes the SDK's own retries, so a call gives up only
 * after a long, widening storm (or at the operation's deadline).
 */
export const MAX_CALL_ATTEMPTS = 5;

/**
 * Runs one SDK call through the region's shared gate, retrying what is worth retrying (throttling, 5xx, broken
 * connections) with back-off until the attempts or the deadline run out. Throttling that outlasted the SDK's
 * own retries pauses every call in the region, not just this one. Failures come back as messages that say
 * what to do.
 */
export async function withRetries<T>(
    context: { readonly region: string; readonly timing: Timing },
    operation: string,
    send: () => Promise<T>,
): Promise<T> {
    const gate = regionGate(context.region);
    for (let attempt = 1; ; attempt++) {
        try {
            return await gate.run(send);
        } catch (error) {
            if (
                !isRetryable(error) ||
                attempt >= MAX_CALL_ATTEMPTS ||
                Date.now() >= context.timing.deadline
            ) {
                throw describeCallError(error, operation, context.region, attempt);
            }
            const pause = retryPause(context.timing, attempt);
            if (isThrottling(error)) gate.pause(pause);
            await sleepUntilAtMost(pause, context.timing.deadline);
        }
    }
}
