import { retryDelay, sleepWithin, type LifecycleContext, type WaitPolicy } from "../core/context";
import {
    adviceFor,
    AwsCallError,
    classifyError,
    errorSummary,
    isRetryable,
    type CallDetails,
    type CallTarget,
} from "./errors";
import { regionGate } from "./pacing";
import { endpointOf, REQUEST_TIMEOUT_MS } from "./transport";

/**
 * How long one call may keep trying an endpoint it cannot reach: a further try after a network error starts only
 * if it would end within this even when it runs into the request timeout, so an endpoint that refuses
 * connections, or accepts them and never answers, fails within 30 s.
 */
export const NETWORK_BUDGET_MS = 30_000;

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
 * Tries of one call that was throttled this many times in a row before every call of its region pauses with it:
 * throttling now and then costs only the throttled call its pause; throttling that persists slows the region.
 */
export const PERSISTENT_THROTTLING_TRIES = 2;

/**
 * The first pause after throttling or a failure on the service's side, at most: short, as the SDK's standard
 * retry mode's, since only the throttled call waits. It doubles with each further try and is jittered
 * ({@link backoffDelay}).
 */
export const FIRST_BACKOFF_MS = 250;

/**
 * The pause before try `attempt + 1` of a throttled call or of one the service failed: the policy's retry pause,
 * but starting from {@link FIRST_BACKOFF_MS} at most, doubling, between half of the cap and the cap.
 */
export function backoffDelay(
    policy: WaitPolicy,
    attempt: number,
    random: () => number = Math.random,
): number {
    return retryDelay(
        { ...policy, retryDelayMs: Math.min(policy.retryDelayMs, FIRST_BACKOFF_MS) },
        attempt,
        random,
    );
}

/**
 * The one way lifecycles call AWS, and the one place calls are tried again (the SDK clients make one try each,
 * transport.ts). The call goes through its region's gate (a few calls at once per process); what failed for a
 * passing reason is tried again, up to the wait policy's attempts and never past the deadline, with pauses taken
 * with the context's sleep:
 * - throttling and the service's 5xx: a short jittered, doubling back-off ({@link backoffDelay}) for that call
 *   alone; only a call throttled {@link PERSISTENT_THROTTLING_TRIES} times in a row pauses its whole region, and
 *   that pause ends as soon as any call of the region gets through;
 * - network errors (refused or reset connections, timeouts): the policy's longer pauses, and only within
 *   {@link NETWORK_BUDGET_MS}.
 * The final error is an {@link AwsCallError} whose message says what failed, where (for network errors the
 * endpoint too), and what to do.
 *
 * Only idempotent calls belong here as they are (Enable carries a client token, kept across tries); a call that
 * must not be repeated blindly (StartAssessmentRun) passes a `send` that first looks for what an earlier try may
 * have done.
 */
export async function callAws<T>(
    context: LifecycleContext,
    target: CallTarget,
    send: () => Promise<T>,
    options: CallOptions = {},
): Promise<T> {
    const gate = regionGate(target.service, target.region);
    const deadline = options.deadline ?? Infinity;
    const started = context.now();
    let throttledInARow = 0;
    for (let attempt = 1; ; attempt++) {
        try {
            return await gate.run(send, context);
        } catch (error) {
            const kind = classifyError(error);
            const pause =
                kind === "network"
                    ? retryDelay(context.policy, attempt)
                    : backoffDelay(context.policy, attempt);
            const withinNetworkBudget =
                kind !== "network" ||
                context.now() - started + pause + REQUEST_TIMEOUT_MS <= NETWORK_BUDGET_MS;
            if (
                !isRetryable(error) ||
                !withinNetworkBudget ||
                attempt >= context.policy.retryAttempts ||
                context.now() >= deadline
            ) {
                const explained = options.explain?.(error, attempt);
                const details: CallDetails = {
                    endpoint: endpointOf(error),
                    env: context.env,
                    credentials: credentialsOf(context),
                    elapsedMs: context.now() - started,
                };
                throw new AwsCallError(
                    explained ?? describeFailedCall(error, target, attempt, details),
                    target,
                    attempt,
                    error,
                );
            }
            throttledInARow = kind === "throttling" ? throttledInARow + 1 : 0;
            if (throttledInARow >= PERSISTENT_THROTTLING_TRIES) gate.pause(pause, context.now());
            await sleepWithin(context, pause, deadline);
        }
    }
}

/** Where the context's credentials come from, if it can say (never a secret). */
function credentialsOf(context: LifecycleContext): string | undefined {
    try {
        return context.clients.credentials?.();
    } catch {
        return undefined;
    }
}

/**
 * The shared message: `<Service> <Operation> failed in <region>: <error> (<what to do>)`; for a network error
 * the advice names the endpoint and what to check.
 */
export function describeFailedCall(
    error: unknown,
    target: CallTarget,
    attempts: number,
    details: CallDetails = {},
): string {
    return (
        `${serviceTitle(target.service)} ${target.operation} failed in ${target.region}: ${errorSummary(error)} ` +
        `(${adviceFor(error, target, attempts, details)})`
    );
}

/** How messages name a service, by the SDK's service ID. */
export function serviceTitle(service: string): string {
    switch (service) {
        case "inspector":
            return "Inspector Classic";
        case "inspector2":
            return "Inspector";
        case "sts":
            return "STS";
        default:
            return service;
    }
}
