import assert from "node:assert/strict";
import { EnableCommand, ValidationException } from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    OTHER_MEMBER,
    STANDALONE,
    mutationsOf,
    startHarness,
    type Harness,
} from "../inspector2-harness";

describe("inspector2 Enable idempotency (through the SDK)", () => {
    let harness: Harness;
    beforeEach(async () => {
        harness = await startHarness();
    });
    afterEach(async () => harness?.close());

    it("replays the first answer for the same token and request, without acting again", async () => {
        const first = await harness.client().send(
            new EnableCommand({
                accountIds: [MEMBER, OTHER_MEMBER],
                resourceTypes: ["EC2", "ECR"],
                clientToken: "t-1",
            }),
        );
        harness.clock.advance(100);
        const retry = await harness.client().send(
            // The same request with its lists in another order.
            new EnableCommand({
                accountIds: [OTHER_MEMBER, MEMBER],
                resourceTypes: ["ECR", "EC2"],
                clientToken: "t-1",
            }),
        );
        assert.deepEqual(retry.accounts, first.accounts);
        assert.deepEqual(retry.failedAccounts, first.failedAccounts);
        // The replay still says ENABLING, as the first answer did, although the types are ENABLED by now.
        assert.equal(retry.accounts?.[0].status, "ENABLING");
        assert.equal(mutationsOf(harness, "Enable"), 1);
    });

    it("treats no account IDs and the caller's own ID as the same request", async () => {
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"], clientToken: "t-self" }));
        await harness.client().send(
            new EnableCommand({
                accountIds: [ADMINISTRATOR],
                resourceTypes: ["EC2"],
                clientToken: "t-self",
            }),
        );
        assert.equal(mutationsOf(harness, "Enable"), 1);
    });

    it("refuses the same token with other parameters, naming the token", async () => {
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"], clientToken: "t-2" }));
        await assert.rejects(
            harness
                .client()
                .send(new EnableCommand({ resourceTypes: ["EC2", "LAMBDA"], clientToken: "t-2" })),
            (error: unknown) => {
                assert.ok(error instanceof ValidationException);
                const message =
                    `clientToken 't-2' was already used by account ${ADMINISTRATOR} in us-east-1 for an Enable with ` +
                    `other accountIds or resourceTypes; a client token may only repeat the identical request, so use ` +
                    `a new token for a different one.`;
                assert.equal(error.message, message);
                assert.equal(error.reason, "FIELD_VALIDATION_FAILED");
                assert.deepEqual(error.fields, [{ name: "clientToken", message }]);
                assert.equal(error.$metadata.httpStatusCode, 400);
                return true;
            },
        );
        assert.equal(mutationsOf(harness, "Enable"), 1);
    });

    it("scopes tokens by caller account and region", async () => {
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"], clientToken: "shared" }));
        const otherAccount = await harness
            .client(STANDALONE)
            .send(new EnableCommand({ resourceTypes: ["ECR"], clientToken: "shared" }));
        const otherRegion = await harness
            .client(ADMINISTRATOR, "eu-west-1")
            .send(new EnableCommand({ resourceTypes: ["ECR"], clientToken: "shared" }));
        assert.equal(otherAccount.accounts?.[0].accountId, STANDALONE);
        assert.equal(otherRegion.accounts?.[0].resourceStatus?.ecr, "ENABLING");
        assert.equal(mutationsOf(harness, "Enable"), 3);
    });

    it("acts on every call that leaves the token to the SDK (a fresh one each time)", async () => {
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        assert.equal(mutationsOf(harness, "Enable"), 2);
    });

    it("replays a failed account too, without using up an injected failure", async () => {
        await harness.close();
        harness = await startHarness();
        harness.emulator.admin.updateSettings({
            accounts: harness.emulator.admin
                .settings()
                .accounts.map((account) =>
                    account.accountId === MEMBER
                        ? { ...account, failures: [{ errorCode: "SSM_THROTTLED", times: 1 }] }
                        : account,
                ),
        });
        const first = await harness
            .client()
            .send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: ["EC2"], clientToken: "t-f" }));
        const retry = await harness
            .client()
            .send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: ["EC2"], clientToken: "t-f" }));
        assert.equal(first.failedAccounts?.[0].errorCode, "SSM_THROTTLED");
        assert.deepEqual(retry.failedAccounts, first.failedAccounts);
        const fresh = await harness
            .client()
            .send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: ["EC2"] }));
        assert.deepEqual(fresh.failedAccounts, []);
    });
});
