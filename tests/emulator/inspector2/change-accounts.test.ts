import assert from "node:assert/strict";
import { DisableCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    OTHER_MEMBER,
    resourceStatus,
    startHarness,
    testAccounts,
    type Harness,
} from "./inspector2-harness";

describe("inspector2 injected per-account failures (through the SDK)", () => {
    let harness: Harness;
    afterEach(async () => harness?.close());

    function withFailures(accountId: string, failures: { errorCode: string; times: number }[]) {
        return testAccounts().map((account) =>
            account.accountId === accountId ? { ...account, failures } : account,
        );
    }

    it("fails the account `times` attempts with the error code, then lets it through; others succeed", async () => {
        harness = await startHarness({
            accounts: withFailures(MEMBER, [{ errorCode: "SSM_THROTTLED", times: 2 }]),
        });
        const enable = () =>
            harness
                .client()
                .send(new EnableCommand({ accountIds: [ADMINISTRATOR, MEMBER], resourceTypes: ["EC2"] }));

        for (const attempt of [1, 2]) {
            const answer = await enable();
            assert.deepEqual(
                answer.accounts?.map((account) => account.accountId),
                [ADMINISTRATOR],
            );
            assert.deepEqual(answer.failedAccounts, [
                {
                    accountId: MEMBER,
                    status: "DISABLED",
                    resourceStatus: resourceStatus(),
                    errorCode: "SSM_THROTTLED",
                    errorMessage: `Injected failure SSM_THROTTLED for account ${MEMBER} (attempt ${attempt} of 2 planned failures).`,
                },
            ]);
        }
        const third = await enable();
        assert.deepEqual(third.failedAccounts, []);
        assert.deepEqual(
            third.accounts?.map((account) => [account.accountId, account.resourceStatus?.ec2]),
            [
                [ADMINISTRATOR, "ENABLING"],
                [MEMBER, "ENABLING"],
            ],
        );
    });

    it("counts Disable attempts as well, and reports the status the account keeps", async () => {
        harness = await startHarness();
        await harness
            .client()
            .send(new EnableCommand({ accountIds: [OTHER_MEMBER], resourceTypes: ["ECR"] }));
        harness.clock.advance(50);
        harness.emulator.admin.updateSettings({
            accounts: withFailures(OTHER_MEMBER, [{ errorCode: "EVENTBRIDGE_UNAVAILABLE", times: 1 }]),
        });
        const failed = await harness.client().send(new DisableCommand({ accountIds: [OTHER_MEMBER] }));
        assert.equal(failed.failedAccounts?.[0].errorCode, "EVENTBRIDGE_UNAVAILABLE");
        assert.equal(failed.failedAccounts?.[0].status, "ENABLED");
        assert.deepEqual(failed.failedAccounts?.[0].resourceStatus, resourceStatus({ ecr: "ENABLED" }));
        const next = await harness.client().send(new DisableCommand({ accountIds: [OTHER_MEMBER] }));
        assert.equal(next.accounts?.[0].status, "DISABLING");
    });
});
