import {
    InspectorClient,
    CreateAssessmentTargetCommand,
    CreateAssessmentTemplateCommand,
    CreateResourceGroupCommand,
    DescribeAssessmentTemplatesCommand,
} from "@aws-sdk/client-inspector";
import { classicClient } from "../../provider/aws/clients";
import type { LifecycleContext } from "../../provider/assessment-run/context";
import type { RunInputs } from "../../provider/assessment-run/inputs";
import { checkInputs } from "../../provider/assessment-run/validate";
import type { WaitPolicy } from "../../provider/assessment-run/wait-policy";
import type { PartialSettings, RunningEmulator } from "../../provider/emulator";
import { type EmulatorFixture, useSdkEmulator } from "../support/sdk-emulator";

export type { EmulatorFixture };

/**
 * A one-hour template runs in about 40 ms at this scale (3785 emulated seconds in all), so waiting tests stay
 * fast while every state is still passed through.
 */
export const FAST_TIME_SCALE = 100_000;

/** Delays shrunk to milliseconds: the lifecycle's logic is the same, only faster. */
export const TEST_WAIT_POLICY: WaitPolicy = {
    initialPollMs: 5,
    maxPollMs: 20,
    backoffFactor: 1.5,
    unavailableAttempts: 3,
    unavailableDelayMs: 5,
    stopWaitMs: 5_000,
};

/**
 * Starts an emulator for the enclosing describe block, points the SDK's environment at it, and resets its state
 * (and settings to `settings`) before each test. Everything is undone after the block.
 */
export function useEmulator(settings: PartialSettings = {}): EmulatorFixture {
    const base: PartialSettings = {
        ...settings,
        classic: { timeScale: FAST_TIME_SCALE, ...settings.classic },
    };
    return useSdkEmulator(base, {
        ...base,
        faults: [],
        classic: { maxConcurrentRuns: 10, outcome: null, findingCounts: null, ...base.classic },
    });
}

/** A lifecycle context over the shared SDK clients with test delays; it records what it logs. */
export function testContext(policy: Partial<WaitPolicy> = {}): LifecycleContext & {
    readonly logs: string[];
    readonly warnings: string[];
} {
    const logs: string[] = [];
    const warnings: string[] = [];
    return {
        clientFor: classicClient,
        policy: { ...TEST_WAIT_POLICY, ...policy },
        log: (message) => logs.push(message),
        warn: (message) => warnings.push(message),
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        logs,
        warnings,
    };
}

/** Checked inputs for a run of `templateArn`, produced by the provider's own check. */
export function runInputs(templateArn: string, overrides: Record<string, unknown> = {}): RunInputs {
    const { inputs, failures } = checkInputs(
        {
            assessmentTemplateArn: templateArn,
            namingScope: { project: "tests", stack: "dev", resource: "release-scan" },
            ...overrides,
        },
        { env: { AWS_REGION: "us-east-1" } },
    );
    if (failures.length > 0) throw new Error(`test inputs fail check: ${JSON.stringify(failures)}`);
    return inputs as unknown as RunInputs;
}

/**
 * A second template, on a target of its own (so its agents are not the default template's), over the same rules
 * packages; made through the real API.
 */
export async function createOtherTemplate(emulator: RunningEmulator, name: string): Promise<string> {
    const client = classicClient(emulator.env.AWS_REGION);
    const [template] =
        (
            await client.send(
                new DescribeAssessmentTemplatesCommand({ assessmentTemplateArns: [emulator.templateArn] }),
            )
        ).assessmentTemplates ?? [];
    const { resourceGroupArn } = await client.send(
        new CreateResourceGroupCommand({ resourceGroupTags: [{ key: "Name", value: name }] }),
    );
    const { assessmentTargetArn } = await client.send(
        new CreateAssessmentTargetCommand({ assessmentTargetName: name, resourceGroupArn }),
    );
    const { assessmentTemplateArn } = await client.send(
        new CreateAssessmentTemplateCommand({
            assessmentTargetArn,
            assessmentTemplateName: name,
            durationInSeconds: 3600,
            rulesPackageArns: template?.rulesPackageArns ?? [],
        }),
    );
    return assessmentTemplateArn ?? "";
}

/**
 * Runs `use` with a context whose client makes one attempt per call. The shared client's adaptive retries treat
 * LimitExceededException as throttling and 503s as transient and back off for up to half a minute before the
 * provider sees the error; a single attempt shows the provider's own handling at once.
 */
export async function withSingleAttemptContext<T>(
    policy: Partial<WaitPolicy>,
    use: (context: ReturnType<typeof testContext>) => Promise<T>,
): Promise<T> {
    const client = new InspectorClient({ region: "us-east-1", maxAttempts: 1 });
    try {
        return await use({ ...testContext(policy), clientFor: () => client });
    } finally {
        client.destroy();
    }
}
