import assert from "node:assert/strict";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    STANDALONE,
    UNKNOWN,
    manyMembers,
    startHarness,
    testAccounts,
    type Harness,
} from "../inspector2-harness";

const DISABLED_STATE = { status: "DISABLED" };

describe("inspector2 BatchGetAccountStatus (through the SDK)", () => {
    let harness: Harness;
    afterEach(async () => harness?.close());

    it("reports a never-touched account DISABLED for the account and every type", async () => {
        harness = await startHarness();
        const answer = await harness
            .client()
            .send(new BatchGetAccountStatusCommand({ accountIds: [MEMBER] }));
        assert.deepEqual(answer.accounts, [
            {
                accountId: MEMBER,
                state: DISABLED_STATE,
                resourceState: {
                    ec2: DISABLED_STATE,
                    ecr: DISABLED_STATE,
                    lambda: DISABLED_STATE,
                    lambdaCode: DISABLED_STATE,
                    codeRepository: DISABLED_STATE,
                },
            },
        ]);
        assert.deepEqual(answer.failedAccounts, []);
    });

    it("reports the caller's own account when no account IDs are given", async () => {
        harness = await startHarness();
        await harness.client(STANDALONE).send(new EnableCommand({ resourceTypes: ["LAMBDA"] }));
        const answer = await harness.client(STANDALONE).send(new BatchGetAccountStatusCommand({}));
        assert.equal(answer.accounts?.[0].accountId, STANDALONE);
        assert.deepEqual(answer.accounts?.[0].state, { status: "ENABLING" });
        assert.deepEqual(answer.accounts?.[0].resourceState?.lambda, { status: "ENABLING" });
    });

    it("answers readable and refused accounts side by side", async () => {
        harness = await startHarness();
        const answer = await harness
            .client()
            .send(new BatchGetAccountStatusCommand({ accountIds: [UNKNOWN, ADMINISTRATOR] }));
        assert.deepEqual(
            answer.accounts?.map((account) => account.accountId),
            [ADMINISTRATOR],
        );
        assert.deepEqual(
            answer.failedAccounts?.map((account) => [account.accountId, account.errorCode]),
            [[UNKNOWN, "ACCESS_DENIED"]],
        );
    });

    it("reads 100 accounts in one call", async () => {
        const members = manyMembers(100);
        harness = await startHarness({ accounts: testAccounts(...members) });
        const accountIds = members.map((member) => member.accountId);
        await harness.client().send(new EnableCommand({ accountIds, resourceTypes: ["EC2"] }));
        harness.clock.advance(50);
        const answer = await harness.client().send(new BatchGetAccountStatusCommand({ accountIds }));
        assert.equal(answer.accounts?.length, 100);
        assert.ok(answer.accounts?.every((account) => account.state?.status === "ENABLED"));
        assert.deepEqual(answer.failedAccounts, []);
    });
});
