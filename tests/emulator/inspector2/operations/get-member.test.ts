import assert from "node:assert/strict";
import {
    AccessDeniedException,
    GetMemberCommand,
    ResourceNotFoundException,
} from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    OTHER_MEMBER,
    STANDALONE,
    UNKNOWN,
    startHarness,
    testAccounts,
    type Harness,
} from "../inspector2-harness";

describe("inspector2 GetMember (through the SDK)", () => {
    let harness: Harness;
    beforeEach(async () => {
        harness = await startHarness();
    });
    afterEach(async () => harness?.close());

    it("gives the administrator any of its members", async () => {
        const answer = await harness.client().send(new GetMemberCommand({ accountId: OTHER_MEMBER }));
        assert.deepEqual(answer.member, {
            accountId: OTHER_MEMBER,
            relationshipStatus: "ENABLED",
            delegatedAdminAccountId: ADMINISTRATOR,
            updatedAt: new Date(harness.clock.now()),
        });
    });

    it("keeps updatedAt until the relationship changes", async () => {
        const first = await harness.client().send(new GetMemberCommand({ accountId: MEMBER }));
        harness.clock.advance(5000);
        const unchanged = await harness.client().send(new GetMemberCommand({ accountId: MEMBER }));
        assert.deepEqual(unchanged.member?.updatedAt, first.member?.updatedAt);
        harness.emulator.admin.updateSettings({
            accounts: testAccounts().map((account) =>
                account.accountId === MEMBER ? { ...account, state: "suspended" as const } : account,
            ),
        });
        const suspended = await harness.client().send(new GetMemberCommand({ accountId: MEMBER }));
        assert.equal(suspended.member?.relationshipStatus, "ACCOUNT_SUSPENDED");
        assert.equal(suspended.member?.updatedAt?.getTime(), harness.clock.now());
    });

    it("lets a member read itself", async () => {
        const answer = await harness.client(MEMBER).send(new GetMemberCommand({ accountId: MEMBER }));
        assert.equal(answer.member?.delegatedAdminAccountId, ADMINISTRATOR);
    });

    for (const target of [STANDALONE, UNKNOWN, ADMINISTRATOR]) {
        it(`answers ResourceNotFound to the administrator for ${target}, outside its members`, async () => {
            await assert.rejects(
                harness.client().send(new GetMemberCommand({ accountId: target })),
                (error) => {
                    assert.ok(error instanceof ResourceNotFoundException);
                    assert.equal(
                        error.message,
                        `Account ${target} is not a member of the organisation of delegated administrator ${ADMINISTRATOR}.`,
                    );
                    return true;
                },
            );
        });
    }

    for (const [caller, target] of [
        [MEMBER, OTHER_MEMBER],
        [STANDALONE, STANDALONE],
    ]) {
        it(`denies ${caller} reading ${target}`, async () => {
            await assert.rejects(
                harness.client(caller).send(new GetMemberCommand({ accountId: target })),
                (error) => {
                    assert.ok(error instanceof AccessDeniedException);
                    assert.equal(
                        error.message,
                        `Account ${caller} may not read member ${target}: only the delegated administrator reads its ` +
                            `members, and a member only itself.`,
                    );
                    return true;
                },
            );
        });
    }
});
