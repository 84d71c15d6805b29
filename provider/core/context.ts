import type { AwsClients } from "../aws/clients";
import type { CredentialStack } from "../aws/credentials";

/**
 * How lifecycles pace themselves: status polls start a few seconds apart and grow to a minute; a call that failed
 * for a passing reason (throttling, 5xx, a dropped connection) is tried again with jittered, doubling pauses, on
 * top of the SDK's own quick retries. Tests shrink all of it to milliseconds.
 */
export interface WaitPolicy {
    /** The first pause between status polls, in milliseconds. */
    readonly initialPollMs: number;
    /** The longest pause between polls. */
    readonly maxPollMs: number;
    /** Each poll pause is the previous one times this. */
    readonly backoffFactor: number;
    /** Tries of one call, including the first, when it keeps failing for a passing reason. */
    readonly retryAttempts: number;
    /** The first retry pause; it doubles with each further try, up to `maxPollMs`, and is jittered. */
    readonly retryDelayMs: number;
    /** How long a delete waits for AWS to wind down work it cannot cancel at once (a run being stopped). */
    readonly stopWaitMs: number;
}

export const DEFAULT_WAIT_POLICY: WaitPolicy = {
    initialPollMs: 5_000,
    maxPollMs: 60_000,
    backoffFactor: 1.5,
    retryAttempts: 5,
    retryDelayMs: 5_000,
    stopWaitMs: 10 * 60_000,
};

/**
 * The stack's `aws:*` settings, handed to the provider's configure: they feed defaults (the region) and the
 * credentials (see provider/aws/credentials.ts), beside the process environment.
 */
export interface StackSettings extends CredentialStack {
    /** The stack's `aws:region`. */
    readonly region?: string;
}

/**
 * Everything a lifecycle needs from its surroundings, handed to every lifecycle function: the clock and sleep
 * (so tests control time the same way for every resource), where progress and warnings go, the wait policy, the
 * AWS clients, and the stack's settings with the process environment. Only the adapter builds the real one.
 */
export interface LifecycleContext {
    readonly now: () => number;
    readonly sleep: (ms: number) => Promise<void>;
    /** A line of progress for the `pulumi up` output. */
    readonly log: (message: string) => void;
    readonly warn: (message: string) => void;
    readonly policy: WaitPolicy;
    /**
     * Set when the policy was fixed from outside for tests ({@link WAIT_POLICY_VARIABLE}, or a test's own
     * context): it then wins over a resource's own polling input (see {@link pollingPolicy}).
     */
    readonly policyFixed?: boolean;
    readonly clients: AwsClients;
    readonly stack: StackSettings;
    readonly env: NodeJS.ProcessEnv;
}

/**
 * Overrides of the wait policy, as JSON in this variable (for example `{"initialPollMs":50}`): the provider runs
 * in the engine's plugin process, so the environment is the one way to reach it. Meant for tests.
 */
export const WAIT_POLICY_VARIABLE = "PULUMI_INSPECTOR_WAIT_POLICY";

/** The wait policy with the overrides from {@link WAIT_POLICY_VARIABLE}, if it is set; a bad value is an error. */
export function waitPolicyFromEnv(env: NodeJS.ProcessEnv): WaitPolicy {
    const text = env[WAIT_POLICY_VARIABLE];
    if (!text) return DEFAULT_WAIT_POLICY;
    let overrides: unknown;
    try {
        overrides = JSON.parse(text);
    } catch {
        throw new Error(
            `${WAIT_POLICY_VARIABLE} ${JSON.stringify(text)} is not JSON; expected e.g. {"initialPollMs":50}`,
        );
    }
    if (overrides === null || typeof overrides !== "object" || Array.isArray(overrides)) {
        throw new Error(`${WAIT_POLICY_VARIABLE} ${JSON.stringify(text)} is not a JSON object`);
    }
    const policy: Record<string, number> = { ...DEFAULT_WAIT_POLICY };
    for (const [key, value] of Object.entries(overrides)) {
        if (!(key in DEFAULT_WAIT_POLICY) || typeof value !== "number" || !(value >= 0)) {
            throw new Error(
                `${WAIT_POLICY_VARIABLE}: ${key} ${JSON.stringify(value)} must be one of ` +
                    `${Object.keys(DEFAULT_WAIT_POLICY).join(", ")} with a number of 0 or more`,
            );
        }
        policy[key] = value;
    }
    return policy as unknown as WaitPolicy;
}

/**
 * The policy for a resource whose input sets its first poll pause (`pollIntervalSeconds`): pauses start there and
 * grow as the policy says, up to its longest pause (or the first one, if that is longer). A policy fixed for
 * tests is kept as it is.
 */
export function pollingPolicy(context: LifecycleContext, firstPollSeconds: number): WaitPolicy {
    if (context.policyFixed) return context.policy;
    const initialPollMs = firstPollSeconds * 1000;
    return { ...context.policy, initialPollMs, maxPollMs: Math.max(context.policy.maxPollMs, initialPollMs) };
}

/** The pause after `previousMs` (undefined before the first): growing by the factor up to the maximum. */
export function nextPollDelay(previousMs: number | undefined, policy: WaitPolicy): number {
    if (previousMs === undefined) return policy.initialPollMs;
    return Math.min(policy.maxPollMs, Math.round(previousMs * policy.backoffFactor));
}

/**
 * The pause before try `attempt + 1` of a failed call: at least half of a doubling cap, the rest random, so that
 * retries really slow down and resources throttled together do not all come back at the same moment.
 */
export function retryDelay(policy: WaitPolicy, attempt: number, random: () => number = Math.random): number {
    const cap = Math.min(
        Math.max(policy.maxPollMs, policy.retryDelayMs),
        policy.retryDelayMs * 2 ** (attempt - 1),
    );
    return Math.round(cap / 2 + (random() * cap) / 2);
}

/** Sleeps `ms`, but never past `deadline` (clock time in ms); returns at once when the deadline has passed. */
export function sleepWithin(context: LifecycleContext, ms: number, deadline = Infinity): Promise<void> {
    return context.sleep(Math.max(0, Math.min(ms, deadline - context.now())));
}
