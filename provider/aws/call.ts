import { retryDelay, sleepWithin, type LifecycleContext } from "../core/context";
import { adviceFor, AwsCallError, classifyError, errorSummary, isRetryable, type CallTarget } from "./errors";
import { regionGate } from "./pacing";

/** How one call may be tried. */
export interface CallOptions {
    /** Clock time (ms) after which no further try starts: the operation's own deadline. */
    readonly deadline?: number;
    /**
     * Turns the final error into the message the user sees, when the resource knows better than the shared
     * advice (which it otherwise gets). Returning undefined keeps the shared message.
     */
    readonly explain?: (error: unknown, attempts: number) => string | undefined;
}

/**
 * The one way lifecycles call AWS. The call goes through its region's shared gate (a few calls at once per
 * process, and a shared pause once throttling outlasted the SDK's retries); what failed for a passing reason
 * (throttling, the service's 5xx, a broken connection) is tried again with jittered, doubling pauses, up to the
 * wait policy's attempts and never past the deadline. The final error is an {@link AwsCallError} whose message
 * says what failed, where, and what to do.
 *
 * Only idempotent calls belong here as they are; a call that must not be repeated blindly (StartAssessmentRun)
 * passes a `send` that first looks for what an earlier try may have done.
 */
export async function callAws<T>(
    context: LifecycleContext,
    target: CallTarget,
    send: () => Promise<T>,
    options: CallOptions = {},
): Promise<T> {
    const gate = regionGate(target.service, target.region);
    const deadline = options.deadline ?? Infinity;
    for (let attempt = 1; ; attempt++) {
        try {
            return await gate.run(send);
        } catch (error) {
            if (!isRetryable(error) || attempt >= context.policy.retryAttempts || context.now() >= deadline) {
                const explained = options.explain?.(error, attempt);
                throw new AwsCallError(
                    explained ?? describeFailedCall(error, target, attempt),
                    target,
                    attempt,
                    error,
                );
            }
            const pause = retryDelay(context.policy, attempt);
            if (classifyError(error) === "throttling") gate.pause(pause);
            await sleepWithin(context, pause, deadline);
        }
    }
}

/** The shared message: `<Service> <Operation> failed in <region>: <error> (<what to do>)`. */
export function describeFailedCall(error: unknown, target: CallTarget, attempts: number): string {
    return (
        `${serviceTitle(target.service)} ${target.operation} failed in ${target.region}: ${errorSummary(error)} ` +
        `(${adviceFor(error, target, attempts)})`
    );
}

function serviceTitle(service: string): string {
    return service === "inspector" ? "Inspector Classic" : service === "inspector2" ? "Inspector" : service;
}
