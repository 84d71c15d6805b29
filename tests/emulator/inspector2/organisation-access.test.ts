import assert from "node:assert/strict";
import {
    BatchGetAccountStatusCommand,
    DisableCommand,
    EnableCommand,
    ListMembersCommand,
} from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    OTHER_MEMBER,
    STANDALONE,
    UNKNOWN,
    resourceStatus,
    startHarness,
    testAccounts,
    uniformResourceStatus,
    type Harness,
} from "./inspector2-harness";

const SUSPENDED = "222233334444";
const ISOLATED = "333344445555";

function notManageable(caller: string, target: string): string {
    return (
        `Account ${caller} may not manage account ${target}: an account manages itself, and only the delegated ` +
        `administrator manages the member accounts of its organisation.`
    );
}

describe("inspector2 organisation permissions (through the SDK)", () => {
    let harness: Harness;
    beforeEach(async () => {
        harness = await startHarness({
            accounts: testAccounts(
                { accountId: SUSPENDED, role: "member", state: "suspended" },
                { accountId: ISOLATED, role: "member", state: "isolated" },
            ),
        });
    });
    afterEach(async () => harness?.close());

    it("lets the administrator act on itself and its members", async () => {
        const answer = await harness.client().send(
            new EnableCommand({
                accountIds: [ADMINISTRATOR, MEMBER, OTHER_MEMBER],
                resourceTypes: ["EC2"],
            }),
        );
        assert.deepEqual(
            answer.accounts?.map((account) => account.accountId),
            [ADMINISTRATOR, MEMBER, OTHER_MEMBER],
        );
        assert.deepEqual(answer.failedAccounts, []);
    });

    it("lets a member act on itself only", async () => {
        const answer = await harness.client(MEMBER).send(
            new EnableCommand({
                accountIds: [MEMBER, OTHER_MEMBER, ADMINISTRATOR],
                resourceTypes: ["EC2"],
            }),
        );
        assert.deepEqual(
            answer.accounts?.map((account) => account.accountId),
            [MEMBER],
        );
        assert.deepEqual(answer.failedAccounts, [
            {
                accountId: OTHER_MEMBER,
                errorCode: "ACCESS_DENIED",
                errorMessage: notManageable(MEMBER, OTHER_MEMBER),
            },
            {
                accountId: ADMINISTRATOR,
                errorCode: "ACCESS_DENIED",
                errorMessage: notManageable(MEMBER, ADMINISTRATOR),
            },
        ]);
    });

    it("lets a standalone account act on itself, and nobody else act on it", async () => {
        const own = await harness.client(STANDALONE).send(new EnableCommand({ resourceTypes: ["ECR"] }));
        assert.deepEqual(own.accounts, [
            {
                accountId: STANDALONE,
                status: "ENABLING",
                resourceStatus: resourceStatus({ ecr: "ENABLING" }),
            },
        ]);
        const foreign = await harness.client(STANDALONE).send(new DisableCommand({ accountIds: [MEMBER] }));
        assert.deepEqual(foreign.failedAccounts, [
            {
                accountId: MEMBER,
                errorCode: "ACCESS_DENIED",
                errorMessage: notManageable(STANDALONE, MEMBER),
            },
        ]);
        const byAdministrator = await harness
            .client()
            .send(new BatchGetAccountStatusCommand({ accountIds: [STANDALONE] }));
        assert.deepEqual(byAdministrator.accounts, []);
        assert.deepEqual(byAdministrator.failedAccounts, [
            {
                accountId: STANDALONE,
                errorCode: "ACCESS_DENIED",
                errorMessage: notManageable(ADMINISTRATOR, STANDALONE),
            },
        ]);
    });

    it("denies unknown accounts", async () => {
        const answer = await harness
            .client()
            .send(new EnableCommand({ accountIds: [UNKNOWN], resourceTypes: ["EC2"] }));
        assert.deepEqual(answer.accounts, []);
        assert.deepEqual(answer.failedAccounts, [
            {
                accountId: UNKNOWN,
                errorCode: "ACCESS_DENIED",
                errorMessage: `Account ${UNKNOWN} is not known to the emulator, so account ${ADMINISTRATOR} may not manage it.`,
            },
        ]);
    });

    it("refuses an isolated member with ACCOUNT_IS_ISOLATED and its status", async () => {
        const answer = await harness
            .client()
            .send(new EnableCommand({ accountIds: [ISOLATED], resourceTypes: ["EC2"] }));
        assert.deepEqual(answer.failedAccounts, [
            {
                accountId: ISOLATED,
                status: "DISABLED",
                resourceStatus: uniformResourceStatus("DISABLED"),
                errorCode: "ACCOUNT_IS_ISOLATED",
                errorMessage: `Account ${ISOLATED} is isolated, so Inspector cannot act on it.`,
            },
        ]);
        const status = await harness
            .client()
            .send(new BatchGetAccountStatusCommand({ accountIds: [ISOLATED] }));
        assert.deepEqual(status.accounts?.[0].state, {
            status: "DISABLED",
            errorCode: "ACCOUNT_IS_ISOLATED",
            errorMessage: `Account ${ISOLATED} is isolated, so Inspector cannot act on it.`,
        });
    });

    it("refuses a suspended member with ACCESS_DENIED and status SUSPENDED", async () => {
        const answer = await harness.client().send(new DisableCommand({ accountIds: [SUSPENDED] }));
        assert.deepEqual(answer.failedAccounts, [
            {
                accountId: SUSPENDED,
                status: "SUSPENDED",
                resourceStatus: uniformResourceStatus("SUSPENDED"),
                errorCode: "ACCESS_DENIED",
                errorMessage: `Account ${SUSPENDED} is suspended, so Inspector cannot act on it.`,
            },
        ]);
        const status = await harness
            .client()
            .send(new BatchGetAccountStatusCommand({ accountIds: [SUSPENDED] }));
        assert.equal(status.accounts?.[0].state?.status, "SUSPENDED");
        assert.equal(status.accounts?.[0].resourceState?.ec2?.status, "SUSPENDED");
    });

    it("applies accounts removed from or added to the organisation at run time at once", async () => {
        await harness.client().send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: ["EC2"] }));
        const newcomer = "666677778888";
        harness.emulator.admin.updateSettings({
            accounts: testAccounts({ accountId: newcomer, role: "member" }).map((account) =>
                account.accountId === MEMBER ? { ...account, role: "standalone" as const } : account,
            ),
        });
        const answer = await harness.client().send(new DisableCommand({ accountIds: [MEMBER, newcomer] }));
        assert.deepEqual(answer.failedAccounts, [
            {
                accountId: MEMBER,
                errorCode: "ACCESS_DENIED",
                errorMessage: notManageable(ADMINISTRATOR, MEMBER),
            },
        ]);
        assert.deepEqual(
            answer.accounts?.map((account) => account.accountId),
            [newcomer],
        );
        const members = await harness.client().send(new ListMembersCommand({}));
        assert.equal(
            members.members?.some((member) => member.accountId === MEMBER),
            false,
        );
        assert.equal(
            members.members?.some((member) => member.accountId === newcomer),
            true,
        );
    });
});
