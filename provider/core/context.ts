import type { AwsClients } from "../aws/clients";
import type { CredentialStack } from "../aws/credentials";

/**
 * How lifecycles pace themselves: status polls follow a {@link PollSchedule} (fast at first, then a bounded share
 * of the time already waited) between the policy's shortest and longest pause; a call that failed for a passing
 * reason (throttling, 5xx, a dropped connection) is tried again with jittered, doubling pauses, on top of the
 * SDK's own quick retries. Tests shrink all of it to milliseconds.
 */
export interface WaitPolicy {
    /**
     * The first and shortest pause between status polls, in milliseconds, when it is shorter than the schedule's
     * own floor (1 s or 2 s): the default leaves the floors as they are; tests shrink it.
     */
    readonly initialPollMs: number;
    /** The longest pause between polls, whatever the schedule says. */
    readonly maxPollMs: number;
    /** Each poll pause is at most the previous one times this, so that one slow round does not leap the pause. */
    readonly backoffFactor: number;
    /** Tries of one call, including the first, when it keeps failing for a passing reason. */
    readonly retryAttempts: number;
    /** The first retry pause; it doubles with each further try, up to `maxPollMs`, and is jittered. */
    readonly retryDelayMs: number;
    /** How long a delete waits for AWS to wind down work it cannot cancel at once (a run being stopped). */
    readonly stopWaitMs: number;
}

export const DEFAULT_WAIT_POLICY: WaitPolicy = {
    initialPollMs: 2_000,
    maxPollMs: 60_000,
    backoffFactor: 1.5,
    // Eight tries: throttling now backs off from a quarter second for the throttled call alone (call.ts), so
    // sustained throttling is still waited out for about half a minute before a call gives up.
    retryAttempts: 8,
    retryDelayMs: 5_000,
    stopWaitMs: 10 * 60_000,
};

/**
 * How soon a wait notices the change it waits for. The pause before the next status read is at most
 * max(`floorMs`, `fraction` x the time already waited): a wait reacts within the floor at first, and within a
 * fixed share of its length later, while the number of reads grows only with the logarithm of the wait.
 */
export interface PollSchedule {
    /** The shortest pause, and the first, in milliseconds (the policy's `initialPollMs` if that is shorter). */
    readonly floorMs: number;
    /** The share of the time already waited that a pause may reach. */
    readonly fraction: number;
}

/** InspectorEnablement's account statuses, which settle within seconds: 1 s, or 25 % of the time waited. */
export const ACCOUNT_STATUS_POLLING: PollSchedule = { floorMs: 1_000, fraction: 0.25 };

/** AssessmentRun's run and FindingsGate's scans, minutes of work: 2 s, or 15 % of the time waited. */
export const SCAN_POLLING: PollSchedule = { floorMs: 2_000, fraction: 0.15 };

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
 * The policy for a resource whose input sets its longest poll pause (`pollIntervalSeconds`): pauses follow the
 * schedule up to it. A policy fixed for tests is kept as it is.
 */
export function pollingPolicy(context: LifecycleContext, longestPollSeconds: number): WaitPolicy {
    if (context.policyFixed) return context.policy;
    return { ...context.policy, maxPollMs: longestPollSeconds * 1000 };
}

/**
 * The pause before the next status read, `waitedMs` into a wait whose last pause was `previousMs` (undefined
 * before the first): the schedule's share of the time waited, at least its floor, grown by at most the policy's
 * factor, and never above the policy's longest pause. Whole milliseconds, rounded down so the bound holds.
 */
export function nextPollDelay(
    schedule: PollSchedule,
    policy: WaitPolicy,
    waitedMs: number,
    previousMs?: number,
): number {
    const floor = Math.min(schedule.floorMs, policy.initialPollMs);
    const share = Math.max(floor, schedule.fraction * Math.max(0, waitedMs));
    const grown = previousMs === undefined ? share : Math.min(share, previousMs * policy.backoffFactor);
    return Math.floor(Math.min(policy.maxPollMs, Math.max(floor, grown)));
}

/**
 * The pauses of one wait that begins now: each call sleeps the schedule's next pause (see
 * {@link nextPollDelay}), measured from this moment, but never past `deadline`.
 */
export function pollPauses(
    context: LifecycleContext,
    schedule: PollSchedule,
    policy: WaitPolicy = context.policy,
): (deadline?: number) => Promise<void> {
    const began = context.now();
    let previous: number | undefined;
    return (deadline = Infinity) => {
        previous = nextPollDelay(schedule, policy, context.now() - began, previous);
        return sleepWithin(context, previous, deadline);
    };
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
