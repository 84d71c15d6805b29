import {
    BatchGetAccountStatusCommand,
    EnableCommand,
    Inspector2Client,
    type ResourceScanType,
} from "@aws-sdk/client-inspector2";
import { inspector2Client, sharedClients } from "../../provider/aws/clients";
import { FINDINGS_GATE_TYPE_TOKEN } from "../../provider/findings-gate/resource";
import type { FindingsGateInputs } from "../../provider/findings-gate/inputs";
import { checkFindingsGateInputs } from "../../provider/findings-gate/validate";
import type { PartialSettings, RunningEmulator } from "../../emulator";
import type { ScanResourceSettings } from "../../emulator/settings/settings";
import { type EmulatorFixture, useSdkEmulator } from "../support/sdk-emulator";
import { testContext, type TestContext } from "../support/test-context";

export type { EmulatorFixture };

/** The administrator the emulator's default keys sign as. */
export const ACCOUNT = "111122223333";
export const REGION = "us-east-1";
/** How long the emulator keeps a resource PENDING_INITIAL_SCAN: short, but many polls long at the test policy. */
export const SCAN_MS = 150;

export const DIGEST = `sha256:${"a".repeat(64)}`;
export const OTHER_DIGEST = `sha256:${"b".repeat(64)}`;
export const IMAGE_URI = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/shop@${DIGEST}`;
export const IMAGE_ARN = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/shop/${DIGEST}`;
export const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:checkout`;
export const INSTANCE_ID = "i-0abcd1234ef567890";

/** The URN of the gate the tests evaluate: resource "release-gate" of stack "dev" in project "tests". */
export const TEST_URN = `urn:pulumi:dev::tests::${FINDINGS_GATE_TYPE_TOKEN}::release-gate`;

/**
 * The resources the lifecycle tests gate: an image with a CRITICAL (fix, exploit), two HIGH (one without a fix)
 * and a MEDIUM; a function with one HIGH; an instance Inspector cannot scan; a code repository with a LOW.
 */
export const GATE_RESOURCES: readonly ScanResourceSettings[] = [
    {
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId: IMAGE_ARN,
        findings: [
            {
                vulnerabilityId: "CVE-2023-38545",
                severity: "CRITICAL",
                packageName: "curl",
                packageVersion: "7.88.1",
                fixedInVersion: "7.88.2",
                exploitAvailable: true,
            },
            {
                vulnerabilityId: "CVE-2023-44487",
                severity: "HIGH",
                packageName: "libnghttp2-14",
                packageVersion: "1.52.0",
                fixedInVersion: "1.52.1",
            },
            {
                vulnerabilityId: "CVE-2023-4911",
                severity: "HIGH",
                packageName: "libc6",
                packageVersion: "2.36",
            },
            {
                vulnerabilityId: "CVE-2023-4039",
                severity: "MEDIUM",
                packageName: "libgcc-s1",
                packageVersion: "12.2",
            },
        ],
    },
    {
        resourceType: "AWS_LAMBDA_FUNCTION",
        resourceId: FUNCTION_ARN,
        findings: [
            {
                vulnerabilityId: "CVE-2024-21538",
                severity: "HIGH",
                packageName: "cross-spawn",
                packageVersion: "7.0.3",
                fixedInVersion: "7.0.5",
            },
        ],
    },
    { resourceType: "AWS_EC2_INSTANCE", resourceId: INSTANCE_ID, unsupported: "UNSUPPORTED_OS" },
    {
        resourceType: "CODE_REPOSITORY",
        resourceId: "payments",
        findings: [{ vulnerabilityId: "python/sql-injection@v1.0", severity: "LOW" }],
    },
];

/**
 * Starts an emulator for the enclosing describe block (see useSdkEmulator) covering `scanResources`, with
 * enabling at once and a short scan delay; before each test its state is reset, so resources were "pushed" at
 * the test's start.
 */
export function useGateEmulator(
    scanResources: readonly ScanResourceSettings[] = GATE_RESOURCES,
): EmulatorFixture {
    const settings: PartialSettings = {
        delays: { enablingMs: 0, disablingMs: 0, scanMs: SCAN_MS },
        scanResources,
        faults: [],
    };
    return useSdkEmulator(settings);
}

/** Turns scanning on for the administrator through the real API, and waits until it is ENABLED. */
export async function enableScanning(
    resourceTypes: ResourceScanType[] = ["ECR", "LAMBDA", "EC2", "CODE_REPOSITORY"],
): Promise<void> {
    const client = inspector2Client(REGION);
    await client.send(new EnableCommand({ accountIds: [ACCOUNT], resourceTypes }));
    for (let attempt = 0; attempt < 100; attempt++) {
        const { accounts } = await client.send(new BatchGetAccountStatusCommand({ accountIds: [ACCOUNT] }));
        const state = accounts?.[0]?.resourceState as Record<string, { status?: string }> | undefined;
        const keys: Record<string, string> = {
            ECR: "ecr",
            LAMBDA: "lambda",
            EC2: "ec2",
            CODE_REPOSITORY: "codeRepository",
        };
        if (resourceTypes.every((type) => state?.[keys[type]]?.status === "ENABLED")) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`scanning of ${resourceTypes.join(", ")} did not become ENABLED`);
}

/** Waits until the emulator's scans (started when scanning was enabled) are over. */
export function afterScans(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, SCAN_MS + 50));
}

/** Checked inputs for a gate, produced by the provider's own check. */
export function gateInputs(args: Record<string, unknown>): FindingsGateInputs {
    const { inputs, failures } = checkFindingsGateInputs(
        { resourceUrn: TEST_URN, ...args },
        testContext({ env: { AWS_REGION: REGION } }),
    );
    if (failures.length > 0) throw new Error(`test inputs fail check: ${JSON.stringify(failures)}`);
    return inputs as unknown as FindingsGateInputs;
}

/** The Inspector (v2) calls the emulator saw since the last reset, by operation, in order. */
export function inspectorCalls(emulator: RunningEmulator, operations?: readonly string[]): string[] {
    return emulator.admin
        .calls()
        .filter((call) => call.service === "inspector2")
        .map((call) => call.operation)
        .filter((operation) => !operations || operations.includes(operation));
}

/** The read-only calls a gate makes. */
export const GATE_OPERATIONS = ["ListCoverage", "ListFindings", "ListFindingAggregations"];

/** A request a client sent: the operation and its input, as the SDK serialised it. */
export interface SentRequest {
    readonly operation: string;
    readonly input: Record<string, unknown>;
}

/**
 * A test context whose Inspector (v2) client is a real SDK client (against the emulator) that records each
 * request's input before sending it, so tests can see the filters a gate sends. `maxAttempts: 1` shows the
 * provider's own retries without the SDK's in front of them.
 */
export function recordingContext(
    options: Parameters<typeof testContext>[0] = {},
    clientOptions: { readonly maxAttempts?: number } = {},
): { context: TestContext; requests: SentRequest[]; close: () => void } {
    const requests: SentRequest[] = [];
    const client = new Inspector2Client({ region: REGION, ...clientOptions });
    client.middlewareStack.add(
        (next, handlerContext) => async (args) => {
            const operation = String(handlerContext.commandName ?? "").replace(/Command$/, "");
            requests.push({ operation, input: structuredClone(args.input as Record<string, unknown>) });
            return next(args);
        },
        { step: "initialize", name: "recordRequests" },
    );
    const context = testContext({ ...options, clients: { ...sharedClients, inspector2: () => client } });
    return { context, requests, close: () => client.destroy() };
}
