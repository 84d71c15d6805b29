import assert from "node:assert/strict";
import {
    GetDelegatedAdminAccountCommand,
    ListDelegatedAdminAccountsCommand,
    ResourceNotFoundException,
} from "@aws-sdk/client-inspector2";
import { ADMINISTRATOR, MEMBER, STANDALONE, startHarness, type Harness } from "../inspector2-harness";

describe("inspector2 GetDelegatedAdminAccount and ListDelegatedAdminAccounts (through the SDK)", () => {
    let harness: Harness;
    beforeEach(async () => {
        harness = await startHarness();
    });
    afterEach(async () => harness?.close());

    for (const caller of [ADMINISTRATOR, MEMBER]) {
        it(`names the delegated administrator to ${caller === ADMINISTRATOR ? "itself" : "a member"}`, async () => {
            const get = await harness.client(caller).send(new GetDelegatedAdminAccountCommand({}));
            assert.deepEqual(get.delegatedAdmin, { accountId: ADMINISTRATOR, relationshipStatus: "ENABLED" });
            const list = await harness
                .client(caller)
                .send(new ListDelegatedAdminAccountsCommand({ maxResults: 5 }));
            assert.deepEqual(list.delegatedAdminAccounts, [{ accountId: ADMINISTRATOR, status: "ENABLED" }]);
            assert.equal(list.nextToken, undefined);
        });
    }

    it("tells a standalone account it has no delegated administrator", async () => {
        await assert.rejects(
            harness.client(STANDALONE).send(new GetDelegatedAdminAccountCommand({})),
            (error) => {
                assert.ok(error instanceof ResourceNotFoundException);
                assert.equal(
                    error.message,
                    `Account ${STANDALONE} is in no organisation with a delegated Inspector administrator.`,
                );
                return true;
            },
        );
        const list = await harness.client(STANDALONE).send(new ListDelegatedAdminAccountsCommand({}));
        assert.deepEqual(list.delegatedAdminAccounts, []);
    });
});
