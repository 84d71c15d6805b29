import { errorName } from "./errors";
import type { WaitPolicy } from "./wait-policy";

/**
 * Calls Inspector, and calls again with a doubling delay while it answers ServiceTemporarilyUnavailableException,
 * up to the policy's attempts. The SDK's adaptive retries already retry that 503 a few times within seconds; an
 * outage of Classic can last longer, so this second, slower layer gives it over a minute before giving up.
 */
export async function retryWhileUnavailable<T>(
    call: () => Promise<T>,
    policy: WaitPolicy,
    sleep: (ms: number) => Promise<void>,
): Promise<T> {
    let delay = policy.unavailableDelayMs;
    for (let attempt = 1; ; attempt++) {
        try {
            return await call();
        } catch (error) {
            if (
                errorName(error) !== "ServiceTemporarilyUnavailableException" ||
                attempt >= policy.unavailableAttempts
            ) {
                throw error;
            }
            await sleep(delay);
            delay *= 2;
        }
    }
}
