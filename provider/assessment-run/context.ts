import type { InspectorClient } from "@aws-sdk/client-inspector";
import * as pulumi from "@pulumi/pulumi";
import { classicClient } from "../aws/clients";
import { DEFAULT_WAIT_POLICY, type WaitPolicy } from "./wait-policy";

/**
 * What the lifecycle functions need from their surroundings. The provider uses {@link defaultContext}; tests
 * pass their own clock, logger and shorter delays.
 */
export interface LifecycleContext {
    readonly clientFor: (region: string) => InspectorClient;
    readonly policy: WaitPolicy;
    /** Progress for the `pulumi up` output. */
    readonly log: (message: string) => void;
    readonly warn: (message: string) => void;
    readonly now: () => number;
    readonly sleep: (ms: number) => Promise<void>;
}

/**
 * Overrides of the wait policy, as JSON in this variable (for example `{"initialPollMs":50}`): the provider
 * runs in the engine's plugin process, so the environment is the one way to reach it. Meant for tests.
 */
export const WAIT_POLICY_VARIABLE = "PULUMI_INSPECTOR_WAIT_POLICY";

/** The wait policy with the overrides from {@link WAIT_POLICY_VARIABLE}, if it is set and valid. */
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
    const policy: Record<string, number> = { ...DEFAULT_WAIT_POLICY };
    for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
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

export function defaultContext(env: NodeJS.ProcessEnv = process.env): LifecycleContext {
    return {
        clientFor: classicClient,
        policy: waitPolicyFromEnv(env),
        log: (message) => void pulumi.log.info(message),
        warn: (message) => void pulumi.log.warn(message),
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    };
}
