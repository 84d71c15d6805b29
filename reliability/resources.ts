import { DescribeAssessmentRunsCommand, ListAssessmentRunsCommand } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import type * as pulumi from "@pulumi/pulumi";
import type { PartialSettings, ScanResourceSettings } from "../emulator";
import { lifecycle as runLifecycle } from "../provider/assessment-run/lifecycle";
import { ASSESSMENT_RUN_TYPE_TOKEN, assessmentRunProvider } from "../provider/assessment-run/resource";
import type { LifecycleContext, WaitPolicy } from "../provider/core/context";
import type { ResourceLifecycle } from "../provider/dynamic/adapter";
import { fromSetShape } from "../provider/dynamic/set-inputs";
import { lifecycle as enablementLifecycle } from "../provider/enablement/lifecycle";
import { ENABLEMENT_TYPE_TOKEN, enablementProvider } from "../provider/enablement/resource";
import { accountStatus, type AccountStatusGroup } from "../provider/enablement/status-groups";
import { lifecycle as gateLifecycle } from "../provider/findings-gate/lifecycle";
import { FINDINGS_GATE_TYPE_TOKEN, findingsGateProvider } from "../provider/findings-gate/resource";
import type { Properties } from "../tests/support/dynamic-provider-host";
import type { ResourceState } from "./engine";
import type { Service } from "./ledger-proxy";
import type { World } from "./world";

export type Operation = "create" | "update" | "refresh" | "delete";
export const OPERATIONS: readonly Operation[] = ["create", "update", "refresh", "delete"];

export const REGION = "us-east-1";
export const ADMINISTRATOR = "111122223333";
const MEMBERS = ["444455556666", "777788889999"];

/**
 * The provider's wait policy in every cell: the production number of tries (5), with pauses shrunk from seconds
 * to tens of milliseconds, since the emulator's transitions take 20 ms.
 */
export const RELIABILITY_POLICY: WaitPolicy = {
    initialPollMs: 20,
    maxPollMs: 200,
    backoffFactor: 1.5,
    retryAttempts: 5,
    retryDelayMs: 50,
    stopWaitMs: 10_000,
};

/** The call an operation cannot do without, where the matrix strikes (undefined: the operation calls nothing). */
export interface KeyCall {
    readonly service: Service;
    readonly operation: string;
}

/** What the checks after a run found. */
export interface Verdict {
    /** The state records what the program asks for, and Inspector agrees with it. */
    readonly converged: boolean;
    /**
     * Records lost: things in Inspector no state knows (scanning left on, a run nobody records), and state
     * records Inspector contradicts (a status, a run, an evaluation that is not true).
     */
    readonly lost: number;
    readonly detail: string;
}

/** One resource of the matrix: how to make it, what each operation strikes, and how to check the result. */
export interface ResourceSpec {
    readonly name: "InspectorEnablement" | "AssessmentRun" | "FindingsGate";
    readonly lifecycle: ResourceLifecycle<unknown, unknown>;
    /** The thin provider a program serialises into the resource's state. */
    readonly provider: pulumi.dynamic.ResourceProvider;
    readonly typeToken: string;
    /** The emulator's settings for this resource's cells (over the defaults), before the scenario's faults. */
    readonly settings: PartialSettings;
    /** The program's inputs (without `resourceUrn`, which the class adds) before and after the update. */
    args(world: World, version: "create" | "update"): Properties;
    /** Done before anything is measured, outside the provider (FindingsGate: scanning turned on). */
    prepare?(world: World): Promise<void>;
    keyCall(operation: Operation): KeyCall | undefined;
    verify(world: World, state: ResourceState | undefined, operation: Operation): Promise<Verdict>;
}

/** The URN the resource class would compute for the matrix's resource of this type. */
export function urnOf(spec: ResourceSpec): string {
    return `urn:pulumi:matrix::reliability::${spec.typeToken}::subject`;
}

/** A lifecycle context like the provider host's, with the reliability wait policy and the given clients. */
export function contextWith(clients: LifecycleContext["clients"]): LifecycleContext {
    return {
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        log: () => undefined,
        warn: () => undefined,
        policy: RELIABILITY_POLICY,
        policyFixed: true,
        clients,
        stack: { region: REGION },
        env: { AWS_REGION: REGION },
    };
}

const DELAYS = { enablingMs: 20, disablingMs: 20, scanMs: 100, overrides: [] };

// InspectorEnablement: the administrator and two members (two Enable calls: the administrator in one of its
// own), EC2 and ECR, updated to ECR and LAMBDA (Enable LAMBDA, Disable EC2).

type ScanKey = "ec2" | "ecr" | "lambda";
const SCAN_TYPES: Readonly<Record<string, ScanKey>> = { EC2: "ec2", ECR: "ecr", LAMBDA: "lambda" };
const ENABLEMENT_ACCOUNTS = [ADMINISTRATOR, ...MEMBERS];

async function liveScanning(world: World): Promise<Record<string, Record<ScanKey, string>>> {
    const answer = await world
        .observerClients()
        .inspector2(REGION)
        .send(new BatchGetAccountStatusCommand({ accountIds: ENABLEMENT_ACCOUNTS }));
    const live: Record<string, Record<ScanKey, string>> = {};
    for (const account of answer.accounts ?? []) {
        const state = account.resourceState;
        live[account.accountId!] = {
            ec2: state?.ec2?.status ?? "",
            ecr: state?.ecr?.status ?? "",
            lambda: state?.lambda?.status ?? "",
        };
    }
    return live;
}

const enablement: ResourceSpec = {
    name: "InspectorEnablement",
    lifecycle: enablementLifecycle as ResourceLifecycle<unknown, unknown>,
    provider: enablementProvider,
    typeToken: ENABLEMENT_TYPE_TOKEN,
    settings: { delays: DELAYS },
    args: (_world, version) => ({
        accountIds: ENABLEMENT_ACCOUNTS,
        resourceTypes: version === "create" ? ["EC2", "ECR"] : ["ECR", "LAMBDA"],
    }),
    keyCall: (operation) =>
        ({
            create: { service: "inspector2", operation: "Enable" },
            update: { service: "inspector2", operation: "Enable" },
            refresh: { service: "inspector2", operation: "BatchGetAccountStatus" },
            delete: { service: "inspector2", operation: "Disable" },
        })[operation] as KeyCall,
    async verify(world, state, operation) {
        const live = await liveScanning(world);
        const wanted = new Set<string>(
            operation === "delete"
                ? []
                : ((fromSetShape(state?.inputs.resourceTypes) as string[] | undefined) ?? []),
        );
        const problems: string[] = [];
        let lost = 0;
        let missing = 0;
        for (const accountId of ENABLEMENT_ACCOUNTS) {
            const groups = state?.outs.statusGroups as AccountStatusGroup[] | undefined;
            const recorded = groups && accountStatus(groups, accountId);
            for (const [type, key] of Object.entries(SCAN_TYPES)) {
                const status = live[accountId]?.[key];
                const on = status === "ENABLED" || status === "ENABLING";
                if (wanted.has(type) && status !== "ENABLED") {
                    missing++;
                    problems.push(`${accountId} ${type} is ${status}`);
                }
                if (!wanted.has(type) && on) {
                    lost++;
                    problems.push(`${accountId} ${type} is ${status} with no resource managing it`);
                }
                if (state && recorded?.resourceStatus[key] !== status) {
                    lost++;
                    problems.push(
                        `${accountId} ${type}: state says ${String(recorded?.resourceStatus[key])}, Inspector ${status}`,
                    );
                }
            }
        }
        const present = operation !== "delete";
        const shapeOk = present ? Boolean(state && !state.initErrors) : state === undefined;
        if (!shapeOk) problems.push(present ? "the state has no complete record" : "the state still has it");
        return { converged: shapeOk && missing === 0 && lost === 0, lost, detail: problems.join("; ") };
    },
};

// AssessmentRun: a run of the seeded template, waited for and judged (High), deleted with its findings on
// destroy; the update judges the same run again at Medium.

async function templateRuns(world: World): Promise<{ arn: string; state: string }[]> {
    const client = world.observerClients().classic(REGION);
    const listed = await client.send(
        new ListAssessmentRunsCommand({ assessmentTemplateArns: [world.emulator.templateArn] }),
    );
    const arns = listed.assessmentRunArns ?? [];
    if (arns.length === 0) return [];
    const described = await client.send(new DescribeAssessmentRunsCommand({ assessmentRunArns: arns }));
    return (described.assessmentRuns ?? []).map((run) => ({ arn: run.arn!, state: run.state! }));
}

const assessmentRun: ResourceSpec = {
    name: "AssessmentRun",
    lifecycle: runLifecycle as ResourceLifecycle<unknown, unknown>,
    provider: assessmentRunProvider,
    typeToken: ASSESSMENT_RUN_TYPE_TOKEN,
    // A one-hour template runs in about a tenth of a second; one Low finding passes both gates.
    settings: { delays: DELAYS, classic: { timeScale: 36_000, findingCounts: { Low: 1 } } },
    args: (world, version) => ({
        assessmentTemplateArn: world.emulator.templateArn,
        waitForCompletion: true,
        failOnFindings: version === "create" ? "High" : "Medium",
        deleteOnDestroy: true,
    }),
    keyCall: (operation) =>
        ({
            create: { service: "inspector", operation: "StartAssessmentRun" },
            update: { service: "inspector", operation: "DescribeAssessmentRuns" },
            refresh: { service: "inspector", operation: "DescribeAssessmentRuns" },
            delete: { service: "inspector", operation: "DeleteAssessmentRun" },
        })[operation] as KeyCall,
    async verify(world, state, operation) {
        const runs = await templateRuns(world);
        if (operation === "delete") {
            const problems = runs.map((run) => `run ${run.arn} is left in Inspector`);
            if (state) problems.push("the state still has it");
            return {
                converged: !state && runs.length === 0,
                lost: runs.length,
                detail: problems.join("; "),
            };
        }
        const recorded = runs.find((run) => run.arn === state?.id);
        const orphans = runs.filter((run) => run !== recorded);
        const problems = orphans.map((run) => `run ${run.arn} is in Inspector but in no state`);
        let lost = orphans.length;
        if (state && !recorded) {
            lost++;
            problems.push(`the state's run ${state.id} is not in Inspector`);
        }
        if (recorded && state?.outs.state !== recorded.state) {
            lost++;
            problems.push(`state says ${String(state?.outs.state)}, Inspector ${recorded.state}`);
        }
        const complete = Boolean(state && !state.initErrors && recorded?.state === "COMPLETED");
        if (!complete) problems.push(`the run is not recorded as completed (${recorded?.state ?? "none"})`);
        return { converged: complete && lost === 0, lost, detail: problems.join("; ") };
    },
};

// FindingsGate: an image (HIGH and MEDIUM) and a function (HIGH) gated at CRITICAL, so it passes; the update
// counts only findings with a fix.

const DIGEST = `sha256:${"c".repeat(64)}`;
const IMAGE_URI = `${ADMINISTRATOR}.dkr.ecr.${REGION}.amazonaws.com/shop@${DIGEST}`;
const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ADMINISTRATOR}:function:checkout`;
const GATED: readonly ScanResourceSettings[] = [
    {
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId: `arn:aws:ecr:${REGION}:${ADMINISTRATOR}:repository/shop/${DIGEST}`,
        findings: [
            {
                vulnerabilityId: "CVE-2023-44487",
                severity: "HIGH",
                packageName: "libnghttp2-14",
                packageVersion: "1.52.0",
                fixedInVersion: "1.52.1",
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
];

const findingsGate: ResourceSpec = {
    name: "FindingsGate",
    lifecycle: gateLifecycle as ResourceLifecycle<unknown, unknown>,
    provider: findingsGateProvider,
    typeToken: FINDINGS_GATE_TYPE_TOKEN,
    settings: { delays: DELAYS, scanResources: GATED },
    args: (_world, version) => ({
        images: [IMAGE_URI],
        lambdaFunctions: [FUNCTION_ARN],
        failOnSeverity: "CRITICAL",
        onlyFixAvailable: version === "update",
    }),
    /** Scanning of images and functions, on before the gate is made (the gate then waits for the scans). */
    async prepare(world) {
        const client = world.observerClients().inspector2(REGION);
        await client.send(
            new EnableCommand({ accountIds: [ADMINISTRATOR], resourceTypes: ["ECR", "LAMBDA"] }),
        );
        for (let attempt = 0; attempt < 200; attempt++) {
            const live = await liveScanning(world);
            if (live[ADMINISTRATOR]?.ecr === "ENABLED" && live[ADMINISTRATOR]?.lambda === "ENABLED") return;
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
        throw new Error("scanning of ECR and LAMBDA did not become ENABLED");
    },
    keyCall: (operation) =>
        operation === "delete" ? undefined : { service: "inspector2", operation: "ListFindings" },
    async verify(world, state, operation) {
        if (operation === "delete") {
            return { converged: !state, lost: 0, detail: state ? "the state still has it" : "" };
        }
        if (!state) return { converged: false, lost: 1, detail: "the state has no gate" };
        const fresh = await gateLifecycle.read(
            state.id,
            state.outs as never,
            contextWith(world.observerClients()),
        );
        const counts = JSON.stringify((fresh.outs as Properties).findingCounts);
        const recorded = JSON.stringify(state.outs.findingCounts);
        const stale = counts !== recorded;
        const passed = state.outs.passed === true && !state.initErrors;
        const problems: string[] = [];
        if (stale) problems.push(`state counts ${recorded}, Inspector ${counts}`);
        if (!passed)
            problems.push(`the gate is recorded as ${String(state.outs.verdict ?? "not evaluated")}`);
        return { converged: passed && !stale, lost: stale ? 1 : 0, detail: problems.join("; ") };
    },
};

export const RESOURCES: readonly ResourceSpec[] = [enablement, assessmentRun, findingsGate];
