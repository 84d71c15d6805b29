import assert from "node:assert/strict";
import {
    AccessDeniedException,
    ListMembersCommand,
    ValidationException,
    paginateListMembers,
    type Member,
} from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    OTHER_MEMBER,
    STANDALONE,
    THIRD_MEMBER,
    manyMembers,
    startHarness,
    testAccounts,
    type Harness,
} from "../inspector2-harness";

const SUSPENDED = "222233334444";

describe("inspector2 ListMembers (through the SDK)", () => {
    let harness: Harness;
    afterEach(async () => harness?.close());

    it("lists the administrator's members in account ID order", async () => {
        harness = await startHarness();
        const answer = await harness.client().send(new ListMembersCommand({}));
        assert.deepEqual(
            answer.members?.map((member) => [
                member.accountId,
                member.relationshipStatus,
                member.delegatedAdminAccountId,
            ]),
            [
                [THIRD_MEMBER, "ENABLED", ADMINISTRATOR],
                [MEMBER, "ENABLED", ADMINISTRATOR],
                [OTHER_MEMBER, "ENABLED", ADMINISTRATOR],
            ],
        );
        assert.equal(answer.nextToken, undefined);
        assert.equal(answer.members?.[0].updatedAt?.getTime(), harness.clock.now());
    });

    it("pages through every member once with nextToken and maxResults", async () => {
        const extra = manyMembers(7);
        harness = await startHarness({ accounts: testAccounts(...extra) });
        const first = await harness.client().send(new ListMembersCommand({ maxResults: 4 }));
        assert.equal(first.members?.length, 4);
        assert.ok(first.nextToken);

        const seen: Member[] = [];
        let pages = 0;
        for await (const page of paginateListMembers({ client: harness.client(), pageSize: 4 }, {})) {
            seen.push(...(page.members ?? []));
            pages++;
        }
        const expected = [
            ...extra.map((member) => member.accountId),
            THIRD_MEMBER,
            MEMBER,
            OTHER_MEMBER,
        ].sort();
        assert.deepEqual(
            seen.map((member) => member.accountId),
            expected,
        );
        assert.equal(pages, 3);
    });

    it("leaves suspended members out unless onlyAssociated is false", async () => {
        harness = await startHarness({
            accounts: testAccounts({ accountId: SUSPENDED, role: "member", state: "suspended" }),
        });
        const associated = await harness.client().send(new ListMembersCommand({}));
        assert.equal(
            associated.members?.some((member) => member.accountId === SUSPENDED),
            false,
        );
        const explicit = await harness.client().send(new ListMembersCommand({ onlyAssociated: true }));
        assert.equal(explicit.members?.length, 3);
        const all = await harness.client().send(new ListMembersCommand({ onlyAssociated: false }));
        assert.deepEqual(
            all.members?.find((member) => member.accountId === SUSPENDED)?.relationshipStatus,
            "ACCOUNT_SUSPENDED",
        );
    });

    it("refuses a token it did not hand out", async () => {
        harness = await startHarness();
        await assert.rejects(
            harness.client().send(new ListMembersCommand({ nextToken: "not-a-token" })),
            (error) => {
                assert.ok(error instanceof ValidationException);
                assert.equal(
                    error.message,
                    "nextToken 'not-a-token' is not a token this listing returned; pass the nextToken of the previous page.",
                );
                return true;
            },
        );
    });

    for (const caller of [MEMBER, STANDALONE]) {
        it(`refuses ${caller === MEMBER ? "a member" : "a standalone account"}`, async () => {
            harness = await startHarness();
            await assert.rejects(harness.client(caller).send(new ListMembersCommand({})), (error) => {
                assert.ok(error instanceof AccessDeniedException);
                assert.equal(
                    error.message,
                    `Account ${caller} is not the delegated Inspector administrator, and only it may list members.`,
                );
                assert.equal(error.$metadata.httpStatusCode, 403);
                return true;
            });
        });
    }
});
