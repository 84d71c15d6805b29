import assert from "node:assert/strict";
import type { CallRecord, RunningEmulator } from "../../emulator";
import { nonReadCalls, scanStatuses, type ScanStatus } from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario } from "./support/scenario";

/**
 * The organization example with the real CLI: the delegated administrator enables EC2, ECR and Lambda scanning
 * for members in two regions, changes the member list, and destroys; every step is checked call by call
 * against the emulator.
 */

const ADMINISTRATOR = "111122223333";
const MEMBER_A = "444455556666";
const MEMBER_B = "777788889999";
const MEMBER_C = "123456789012";
const REGIONS = ["us-east-1", "eu-west-1"];
const EVERY_ACCOUNT = [ADMINISTRATOR, MEMBER_A, MEMBER_B, MEMBER_C];

const ENABLED: ScanStatus = { status: "ENABLED", ec2: "ENABLED", ecr: "ENABLED", lambda: "ENABLED" };
const DISABLED: ScanStatus = { status: "DISABLED", ec2: "DISABLED", ecr: "DISABLED", lambda: "DISABLED" };

/** `<region> <operation>` of each call that changed something, sorted: the calls a step made, by region. */
function changesByRegion(calls: readonly CallRecord[]): string[] {
    return nonReadCalls(calls)
        .filter((call) => call.status === 200)
        .map((call) => `${call.region} ${call.operation}`)
        .sort();
}

/** The status of the account and of the three types the example scans, per account, in one region. */
async function organisationStatus(emulator: RunningEmulator, region: string) {
    const statuses = await scanStatuses(emulator, EVERY_ACCOUNT, region);
    return Object.fromEntries(
        EVERY_ACCOUNT.map((accountId) => {
            const { status, ec2, ecr, lambda } = statuses[accountId];
            return [accountId, { status, ec2, ecr, lambda }];
        }),
    );
}

describe("e2e: the organization example across two regions", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("organization"),
        config: () => ({ accountIds: [MEMBER_B, ADMINISTRATOR, MEMBER_A], regions: REGIONS }),
    });
    let callMark = 0;
    const stepChanges = () => changesByRegion(scenario.emulator.admin.calls().slice(callMark));

    it("pulumi up enables the administrator, then its members, in each region", async () => {
        callMark = scenario.emulator.admin.calls().length;
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        // Per region: the calling administrator in a call of its own, then both members in one call.
        assert.deepEqual(stepChanges(), [
            "eu-west-1 Enable",
            "eu-west-1 Enable",
            "us-east-1 Enable",
            "us-east-1 Enable",
        ]);
        for (const region of REGIONS) {
            assert.deepEqual(await organisationStatus(scenario.emulator, region), {
                [ADMINISTRATOR]: ENABLED,
                [MEMBER_A]: ENABLED,
                [MEMBER_B]: ENABLED,
                [MEMBER_C]: DISABLED,
            });
        }
        const outputs = await scenario.stack.outputs();
        assert.deepEqual(outputs.enabledAccounts, { "us-east-1": 3, "eu-west-1": 3 });
        assert.deepEqual(outputs.failedAccounts, { "us-east-1": [], "eu-west-1": [] });
        assert.deepEqual(outputs.notEnabledAccounts, { "us-east-1": [], "eu-west-1": [] });
    });

    it("pulumi preview --expect-no-changes passes", async () => {
        callMark = scenario.emulator.admin.calls().length;
        const result = await scenario.stack.preview("--expect-no-changes");
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(stepChanges(), []);
    });

    it("update: a member swapped for another is enabled and the removed one disabled, in each region", async () => {
        await scenario.stack.setConfig({ accountIds: [ADMINISTRATOR, MEMBER_A, MEMBER_C] });
        callMark = scenario.emulator.admin.calls().length;
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(stepChanges(), [
            "eu-west-1 Disable",
            "eu-west-1 Enable",
            "us-east-1 Disable",
            "us-east-1 Enable",
        ]);
        for (const region of REGIONS) {
            assert.deepEqual(await organisationStatus(scenario.emulator, region), {
                [ADMINISTRATOR]: ENABLED,
                [MEMBER_A]: ENABLED,
                [MEMBER_B]: DISABLED,
                [MEMBER_C]: ENABLED,
            });
        }
    });

    it("pulumi destroy disables the members, then the administrator, in each region", async () => {
        callMark = scenario.emulator.admin.calls().length;
        const result = await scenario.stack.destroy();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(stepChanges(), [
            "eu-west-1 Disable",
            "eu-west-1 Disable",
            "us-east-1 Disable",
            "us-east-1 Disable",
        ]);
        for (const region of REGIONS) {
            const statuses = await organisationStatus(scenario.emulator, region);
            for (const accountId of EVERY_ACCOUNT) assert.deepEqual(statuses[accountId], DISABLED, accountId);
        }
    });
});
