import { sharedClients, type AwsClients } from "../../provider/aws/clients";
import type { LifecycleContext, WaitPolicy } from "../../provider/core/context";

/** Delays shrunk to milliseconds: a lifecycle's logic is the same, only faster. */
export const TEST_WAIT_POLICY: WaitPolicy = {
    initialPollMs: 5,
    maxPollMs: 20,
    backoffFactor: 1.5,
    retryAttempts: 3,
    retryDelayMs: 5,
    stopWaitMs: 5_000,
};

/** A lifecycle context as the provider host makes it, with what it logs recorded. */
export interface TestContext extends LifecycleContext {
    readonly logs: string[];
    readonly warnings: string[];
}

/**
 * The one context every lifecycle test uses: the real clock and sleep, the process's shared SDK clients (pointed
 * at an emulator by the SDK's own variables), a fixed test wait policy, and the logs and warnings recorded.
 */
export function testContext(
    options: {
        readonly policy?: Partial<WaitPolicy>;
        readonly clients?: AwsClients;
        readonly stackRegion?: string;
        readonly env?: NodeJS.ProcessEnv;
    } = {},
): TestContext {
    const logs: string[] = [];
    const warnings: string[] = [];
    return {
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        log: (message) => void logs.push(message),
        warn: (message) => void warnings.push(message),
        policy: { ...TEST_WAIT_POLICY, ...options.policy },
        policyFixed: true,
        clients: options.clients ?? sharedClients,
        stack: options.stackRegion ? { region: options.stackRegion } : {},
        env: options.env ?? { AWS_REGION: "us-east-1" },
        logs,
        warnings,
    };
}
