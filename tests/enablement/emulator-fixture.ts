import {
    BatchGetAccountStatusCommand,
    DisableCommand,
    EnableCommand,
    type ResourceScanType,
} from "@aws-sdk/client-inspector2";
import { inspector2Client } from "../../provider/aws/clients";
import {
    DEFAULT_SETTINGS,
    type AccountSettings,
    type PartialSettings,
    type RunningEmulator,
} from "../../emulator";
import type { EnablementInputs } from "../../provider/enablement/inputs";
import { enablementId } from "../../provider/enablement/token";
import { checkEnablementInputs } from "../../provider/enablement/validate";
import { type EmulatorFixture, useSdkEmulator } from "../support/sdk-emulator";
import { testContext } from "../support/test-context";

export type { EmulatorFixture };

/** The emulator's default organisation. */
export const ADMIN = "111122223333";
export const MEMBER_A = "444455556666";
export const MEMBER_B = "777788889999";
export const MEMBER_C = "123456789012";
export const MEMBERS = [MEMBER_C, MEMBER_A, MEMBER_B]; // sorted
export const REGION = "us-east-1";
export const DEFAULT_ACCOUNTS = DEFAULT_SETTINGS.accounts;

/** Transitions of a few milliseconds: every status is still passed through, only faster. */
export const TEST_DELAYS = { enablingMs: 20, disablingMs: 20 };

/**
 * One emulator for the enclosing describe block, with the SDK's environment pointed at it. Before each test its
 * state and call log are forgotten and its settings put back to the defaults with test delays (plus
 * `settings`). Everything is undone after the block.
 */
export function useEmulator(settings: PartialSettings = {}): EmulatorFixture {
    return useSdkEmulator({
        accounts: DEFAULT_SETTINGS.accounts,
        delays: { ...TEST_DELAYS, overrides: [] },
        faults: [],
        ...settings,
    });
}

/** The URN a program would compute for an enablement named `name`. */
export function testUrn(name: string): string {
    return `urn:pulumi:test::enablement-tests::pulumi-nodejs:dynamic/inspector:InspectorEnablement::${name}`;
}

/**
 * Checked inputs, produced by the provider's own check (region from the test context's AWS_REGION). Polling is
 * fast because every test context fixes the test wait policy.
 */
export function enablementInputs(overrides: Record<string, unknown> = {}): EnablementInputs {
    const { inputs, failures } = checkEnablementInputs(
        { resourceUrn: testUrn("scanning"), ...overrides },
        testContext({ env: { AWS_REGION: REGION } }),
    );
    if (failures.length > 0) throw new Error(`test inputs fail check: ${JSON.stringify(failures)}`);
    return inputs as unknown as EnablementInputs;
}

/** The ID create gives a resource with these inputs (update and delete take it). */
export function idOf(inputs: Pick<EnablementInputs, "region" | "resourceUrn">): string {
    return enablementId(inputs.region, inputs.resourceUrn);
}

/** How many times Inspector really executed `operation` (replays from an idempotency token are not counted). */
export function executed(emulator: RunningEmulator, operation: string): number {
    return emulator.admin.mutations().filter((mutation) => mutation.operation === operation).length;
}

/** How many times `operation` was called, failed or not. */
export function called(emulator: RunningEmulator, operation: string): number {
    return emulator.admin.calls().filter((call) => call.operation === operation).length;
}

/** Inspector's status of each type per account, read with the SDK as anyone could: `{ id: { ec2: "ENABLED" } }`. */
export async function liveStatuses(
    accountIds: string[],
    region: string = REGION,
): Promise<Record<string, Record<string, string | undefined>>> {
    const response = await inspector2Client(region).send(new BatchGetAccountStatusCommand({ accountIds }));
    const result: Record<string, Record<string, string | undefined>> = {};
    for (const account of response.accounts ?? []) {
        const state = account.resourceState ?? {};
        result[account.accountId!] = Object.fromEntries(
            Object.entries(state).map(([key, value]) => [key, (value as { status?: string }).status]),
        );
    }
    return result;
}

/** Changes scanning outside Pulumi, as someone in the console would. */
export async function enableOutside(
    accountIds: string[],
    types: ResourceScanType[],
    region = REGION,
): Promise<void> {
    await inspector2Client(region).send(new EnableCommand({ accountIds, resourceTypes: types }));
}

export async function disableOutside(
    accountIds: string[],
    types: ResourceScanType[],
    region = REGION,
): Promise<void> {
    await inspector2Client(region).send(new DisableCommand({ accountIds, resourceTypes: types }));
}

/** Waits until transitions started outside the provider have settled. */
export function settle(ms: number = TEST_DELAYS.enablingMs * 3): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The default accounts with changes to some of them. */
export function accountsWith(changes: Record<string, Partial<AccountSettings>>): AccountSettings[] {
    return DEFAULT_SETTINGS.accounts.map((account) => ({ ...account, ...changes[account.accountId] }));
}

/** The default administrator with `count` member accounts: 100000000000, 100000000001, ... */
export function organisationOf(count: number): { accounts: AccountSettings[]; memberIds: string[] } {
    const memberIds = Array.from({ length: count }, (_, i) => String(100_000_000_000 + i));
    const admin = DEFAULT_SETTINGS.accounts.find((account) => account.accountId === ADMIN)!;
    return {
        accounts: [admin, ...memberIds.map((accountId) => ({ accountId, role: "member" as const }))],
        memberIds,
    };
}
