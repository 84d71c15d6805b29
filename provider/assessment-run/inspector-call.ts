import type { LifecycleContext } from "./context";
import { type ErrorContext, errorName, explainInspectorError } from "./errors";
import { retryWhileUnavailable } from "./retry";

/** One Inspector call, retried while Inspector is temporarily unavailable, with its error explained. */
export async function inspectorCall<T>(
    context: LifecycleContext,
    errorContext: ErrorContext,
    send: () => Promise<T>,
): Promise<T> {
    try {
        return await retryWhileUnavailable(send, context.policy, context.sleep);
    } catch (error) {
        const unavailable = errorName(error) === "ServiceTemporarilyUnavailableException";
        throw explainInspectorError(error, {
            ...errorContext,
            ...(unavailable ? { attempts: context.policy.unavailableAttempts } : {}),
        });
    }
}
