import {
    InspectorClient,
    CreateAssessmentTargetCommand,
    CreateAssessmentTemplateCommand,
    CreateResourceGroupCommand,
    DescribeAssessmentTemplatesCommand,
} from "@aws-sdk/client-inspector";
import { classicClient, sharedClients } from "../../provider/aws/clients";
import type { AssessmentRunInputs } from "../../provider/assessment-run/inputs";
import { ASSESSMENT_RUN_TYPE_TOKEN } from "../../provider/assessment-run/resource";
import { checkAssessmentRunInputs } from "../../provider/assessment-run/validate";
import type { WaitPolicy } from "../../provider/core/context";
import type { PartialSettings, RunningEmulator } from "../../emulator";
import { type EmulatorFixture, useSdkEmulator } from "../support/sdk-emulator";
import { testContext, type TestContext } from "../support/test-context";

export type { EmulatorFixture };

/**
 * A one-hour template runs in about 40 ms at this scale (3785 emulated seconds in all), so waiting tests stay
 * fast while every state is still passed through.
 */
export const FAST_TIME_SCALE = 100_000;

/** The URN of the run the tests start by default: resource "release-scan" of stack "dev" in project "tests". */
export const TEST_URN = `urn:pulumi:dev::tests::${ASSESSMENT_RUN_TYPE_TOKEN}::release-scan`;

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

/** Checked inputs for a run of `templateArn`, produced by the provider's own check. */
export function runInputs(templateArn: string, overrides: Record<string, unknown> = {}): AssessmentRunInputs {
    const { inputs, failures } = checkAssessmentRunInputs(
        { assessmentTemplateArn: templateArn, resourceUrn: TEST_URN, ...overrides },
        testContext({ env: { AWS_REGION: "us-east-1" } }),
    );
    if (failures.length > 0) throw new Error(`test inputs fail check: ${JSON.stringify(failures)}`);
    return inputs as unknown as AssessmentRunInputs;
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
 * Runs `use` with a context whose own Classic client makes one attempt per call (as the shared clients do), so
 * that the policy given here alone decides how often a 503 is tried before the provider's handling shows.
 */
export async function withSingleAttemptContext<T>(
    policy: Partial<WaitPolicy>,
    use: (context: TestContext) => Promise<T>,
): Promise<T> {
    const client = new InspectorClient({ region: "us-east-1", maxAttempts: 1 });
    try {
        return await use(testContext({ policy, clients: { ...sharedClients, classic: () => client } }));
    } finally {
        client.destroy();
    }
}
