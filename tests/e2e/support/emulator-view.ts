import { DescribeAssessmentRunsCommand, ListAssessmentRunsCommand } from "@aws-sdk/client-inspector";
import {
    BatchGetAccountStatusCommand,
    DisableCommand,
    EnableCommand,
    ListCoverageCommand,
    type ResourceScanType,
} from "@aws-sdk/client-inspector2";
import type { CallRecord, MutationRecord, PartialSettings, RunningEmulator } from "../../../emulator";
import { classicClient, inspector2Client } from "../../emulator/support/sdk-clients";

/**
 * What the emulator holds, read the way an operator would: through the real AWS SDK as the delegated
 * administrator, and from the emulator's call and mutation logs.
 */

/** Operations that only read: everything a preview may call. */
const READ_OPERATION = /^(Get|List|Describe|BatchGet)/;

export function isReadOperation(operation: string): boolean {
    return READ_OPERATION.test(operation);
}

/** Calls of anything but a read operation, whatever their outcome. */
export function nonReadCalls(calls: readonly CallRecord[]): CallRecord[] {
    return calls.filter((call) => !isReadOperation(call.operation));
}

/** The mutations the emulator executed of one operation (replays of an idempotency token are not executions). */
export function executed(mutations: readonly MutationRecord[], operation: string): MutationRecord[] {
    return mutations.filter((mutation) => mutation.operation === operation);
}

/** `service operation` of each record, in order: a readable sequence for deep-equal assertions. */
export function operationsOf(records: readonly (CallRecord | MutationRecord)[]): string[] {
    return records.map((record) => `${record.service} ${record.operation}`);
}

/** Per account, the account's status and each scan type's status, as BatchGetAccountStatus reports them. */
export interface ScanStatus {
    readonly status?: string;
    readonly ec2?: string;
    readonly ecr?: string;
    readonly lambda?: string;
    readonly lambdaCode?: string;
    readonly codeRepository?: string;
}

export async function scanStatuses(
    emulator: RunningEmulator,
    accountIds: readonly string[],
    region: string,
): Promise<Record<string, ScanStatus>> {
    const client = inspector2Client(emulator, { region });
    try {
        const answer = await client.send(new BatchGetAccountStatusCommand({ accountIds: [...accountIds] }));
        const statuses: Record<string, ScanStatus> = {};
        for (const account of answer.accounts ?? []) {
            const resources = account.resourceState;
            statuses[account.accountId!] = {
                status: account.state?.status,
                ec2: resources?.ec2?.status,
                ecr: resources?.ecr?.status,
                lambda: resources?.lambda?.status,
                lambdaCode: resources?.lambdaCode?.status,
                codeRepository: resources?.codeRepository?.status,
            };
        }
        return statuses;
    } finally {
        client.destroy();
    }
}

/** Turns scanning of `resourceTypes` off behind Pulumi's back, as an administrator in the console would. */
export async function disableOutsidePulumi(
    emulator: RunningEmulator,
    accountIds: readonly string[],
    resourceTypes: readonly ResourceScanType[],
    region: string,
): Promise<void> {
    const client = inspector2Client(emulator, { region });
    try {
        const answer = await client.send(
            new DisableCommand({ accountIds: [...accountIds], resourceTypes: [...resourceTypes] }),
        );
        if ((answer.failedAccounts ?? []).length > 0) {
            throw new Error(`Disable failed: ${JSON.stringify(answer.failedAccounts)}`);
        }
    } finally {
        client.destroy();
    }
}

/** Turns scanning of `resourceTypes` on outside Pulumi, as an administrator in the console would. */
export async function enableOutsidePulumi(
    emulator: RunningEmulator,
    accountIds: readonly string[],
    resourceTypes: readonly ResourceScanType[],
    region: string,
): Promise<void> {
    const client = inspector2Client(emulator, { region });
    try {
        const answer = await client.send(
            new EnableCommand({ accountIds: [...accountIds], resourceTypes: [...resourceTypes] }),
        );
        if ((answer.failedAccounts ?? []).length > 0) {
            throw new Error(`Enable failed: ${JSON.stringify(answer.failedAccounts)}`);
        }
    } finally {
        client.destroy();
    }
}

/** Per covered resource ID, Inspector's scan status reason (`SUCCESSFUL`, `PENDING_INITIAL_SCAN`…). */
export async function coverage(emulator: RunningEmulator, region: string): Promise<Record<string, string>> {
    const client = inspector2Client(emulator, { region });
    try {
        const covered: Record<string, string> = {};
        let nextToken: string | undefined;
        do {
            const page = await client.send(new ListCoverageCommand({ nextToken }));
            for (const resource of page.coveredResources ?? []) {
                covered[resource.resourceId!] = resource.scanStatus?.reason ?? "";
            }
            nextToken = page.nextToken;
        } while (nextToken);
        return covered;
    } finally {
        client.destroy();
    }
}

/**
 * Changes the emulator's settings through its admin API over HTTP (`POST /_emulator/settings`, a deep merge in
 * which lists replace), as a person or a script beside the emulator would: the admin token in `X-Emulator-Token`,
 * the body declared as JSON.
 */
export async function postSettings(emulator: RunningEmulator, settings: PartialSettings): Promise<void> {
    const response = await fetch(`${emulator.url}/_emulator/settings`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Emulator-Token": emulator.adminToken },
        body: JSON.stringify(settings),
    });
    if (response.status !== 200) {
        throw new Error(`POST /_emulator/settings answered ${response.status}: ${await response.text()}`);
    }
}

/** One Classic assessment run as DescribeAssessmentRuns reports it (the members the tests read). */
export interface RunView {
    readonly arn: string;
    readonly name: string;
    readonly state: string;
    readonly findingCounts: Record<string, number>;
}

/** Every assessment run of a template, oldest first. */
export async function assessmentRuns(
    emulator: RunningEmulator,
    templateArn: string,
    region: string,
): Promise<RunView[]> {
    const client = classicClient(emulator, { region });
    try {
        const listed = await client.send(
            new ListAssessmentRunsCommand({ assessmentTemplateArns: [templateArn] }),
        );
        const arns = listed.assessmentRunArns ?? [];
        if (arns.length === 0) return [];
        const described = await client.send(new DescribeAssessmentRunsCommand({ assessmentRunArns: arns }));
        return (described.assessmentRuns ?? [])
            .map((run) => ({
                arn: run.arn!,
                name: run.name!,
                state: run.state!,
                findingCounts: run.findingCounts ?? {},
                createdAt: run.createdAt?.getTime() ?? 0,
            }))
            .sort((a, b) => a.createdAt - b.createdAt)
            .map(({ createdAt: _createdAt, ...run }) => run);
    } finally {
        client.destroy();
    }
}

/** Polls `condition` every 50 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(
    condition: () => boolean | Promise<boolean>,
    timeoutMs: number,
    what: string,
): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
