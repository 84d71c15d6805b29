import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, type RunningEmulator } from "../../emulator";
import { scanStatuses, type ScanStatus } from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario, type Scenario } from "./support/scenario";
import { ENABLEMENT_TYPE, onlyResourceOfType } from "./support/stack-state";

/**
 * An `up` that fails part way records what it did, and that record can be refreshed and destroyed with the real
 * CLI: the state of a partial failure carries the serialised provider (`__provider`) like any other state, so the
 * engine can call the provider again. Without it, refresh and destroy fail with "code must be a string, not
 * undefined" and scanning stays on.
 */

const ADMINISTRATOR = "111122223333";
const MEMBER_A = "444455556666";
const REFUSED = "777788889999";
const REGION = "us-east-1";
const EVERY_ACCOUNT = [ADMINISTRATOR, MEMBER_A, REFUSED];
/** A failure code the provider does not retry: Inspector refuses this member for good. */
const REFUSAL = "EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED";

const ENABLED: ScanStatus = { status: "ENABLED", ec2: "ENABLED", ecr: "ENABLED", lambda: "ENABLED" };
const DISABLED: ScanStatus = { status: "DISABLED", ec2: "DISABLED", ecr: "DISABLED", lambda: "DISABLED" };

/** The default organisation, with every Enable and Disable of one member refused. */
const REFUSING_SETTINGS = {
    accounts: DEFAULT_SETTINGS.accounts.map((account) =>
        account.accountId === REFUSED
            ? { ...account, failures: [{ errorCode: REFUSAL, times: 1_000 }] }
            : account,
    ),
};

async function statuses(emulator: RunningEmulator): Promise<Record<string, ScanStatus>> {
    const all = await scanStatuses(emulator, EVERY_ACCOUNT, REGION);
    return Object.fromEntries(
        EVERY_ACCOUNT.map((accountId) => {
            const { status, ec2, ecr, lambda } = all[accountId];
            return [accountId, { status, ec2, ecr, lambda }];
        }),
    );
}

/** `pulumi up` fails, naming the refused account and its code, after enabling the others. */
async function upFailsOnTheRefusedAccount(scenario: Scenario): Promise<void> {
    const result = await scenario.stack.up();
    assert.notEqual(result.code, 0, describeResult(result));
    assert.match(result.stdout + result.stderr, new RegExp(`${REFUSED}: ${REFUSAL}`));
    assert.deepEqual(await statuses(scenario.emulator), {
        [ADMINISTRATOR]: ENABLED,
        [MEMBER_A]: ENABLED,
        [REFUSED]: DISABLED,
    });
}

/** The failed `up`, then refresh and destroy, as a user would run them; shared by both scenarios. */
function refreshAndDestroyAfterFailure(scenario: Scenario): void {
    it("records the partial state with the serialised provider", async () => {
        const { deployment } = await scenario.stack.exportState();
        const enablement = onlyResourceOfType(deployment, ENABLEMENT_TYPE);
        assert.equal(typeof enablement.outputs?.__provider, "string");
        const failed = enablement.outputs?.failedAccounts as { accountId: string; errorCode: string }[];
        assert.deepEqual(
            failed.map(({ accountId, errorCode }) => ({ accountId, errorCode })),
            [{ accountId: REFUSED, errorCode: REFUSAL }],
        );
    });

    it("pulumi refresh succeeds", async () => {
        const result = await scenario.stack.refresh();
        assert.equal(result.code, 0, describeResult(result));
    });

    it("pulumi destroy succeeds and turns scanning off for every account that was enabled", async () => {
        const result = await scenario.stack.destroy();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(await statuses(scenario.emulator), {
            [ADMINISTRATOR]: DISABLED,
            [MEMBER_A]: DISABLED,
            [REFUSED]: DISABLED,
        });
        const { deployment } = await scenario.stack.exportState();
        assert.deepEqual(deployment.deployment.resources ?? [], []);
    });
}

describe("e2e: a create that fails part way, then refresh and destroy", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("organization"),
        settings: REFUSING_SETTINGS,
        config: () => ({ accountIds: [ADMINISTRATOR, MEMBER_A, REFUSED], regions: [REGION] }),
    });

    it("pulumi up fails, naming the refused account, after enabling the others", async () => {
        await upFailsOnTheRefusedAccount(scenario);
    });

    refreshAndDestroyAfterFailure(scenario);
});

describe("e2e: an update that fails part way, then refresh and destroy", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("organization"),
        settings: REFUSING_SETTINGS,
        config: () => ({ accountIds: [ADMINISTRATOR, MEMBER_A], regions: [REGION] }),
    });

    it("pulumi up enables two accounts", async () => {
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
    });

    it("pulumi up with a refused account added fails, keeping the two enabled", async () => {
        await scenario.stack.setConfig({ accountIds: [ADMINISTRATOR, MEMBER_A, REFUSED] });
        await upFailsOnTheRefusedAccount(scenario);
    });

    refreshAndDestroyAfterFailure(scenario);
});
