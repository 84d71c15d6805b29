import assert from "node:assert/strict";
import { BatchGetAccountStatusCommand, DisableCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import type { OrganizationPolicySettings } from "../../../emulator";
import {
    ADMINISTRATOR,
    MEMBER,
    OTHER_MEMBER,
    STANDALONE,
    mutationsOf,
    resourceStatus,
    startHarness,
    testAccounts,
    type Harness,
} from "./inspector2-harness";

const EC2_POLICY: OrganizationPolicySettings = {
    policyId: "p-ec2scanning1",
    accountIds: [MEMBER],
    resourceTypes: ["EC2"],
    state: "ENABLED",
};
const LAMBDA_POLICY: OrganizationPolicySettings = {
    policyId: "p-nolambda_02",
    accountIds: [MEMBER, OTHER_MEMBER],
    resourceTypes: ["LAMBDA", "LAMBDA_CODE"],
    state: "DISABLED",
};

const blocked = (type: string, accountId: string, policyId: string) => ({
    errorCode: "BLOCKED_BY_ORGANIZATION_POLICY",
    errorMessage: `${type} scanning of account ${accountId} is managed by AWS Organizations Inspector policy ${policyId}`,
});

describe("inspector2 under AWS Organizations Inspector policies (through the SDK)", () => {
    let harness: Harness;
    afterEach(async () => harness?.close());

    const start = (organizationPolicies: OrganizationPolicySettings[] = [EC2_POLICY, LAMBDA_POLICY]) =>
        startHarness({ organizationPolicies }).then((started) => (harness = started));

    async function statuses(accountId: string) {
        const answer = await harness
            .client()
            .send(new BatchGetAccountStatusCommand({ accountIds: [accountId] }));
        const account = answer.accounts?.[0];
        return {
            status: account?.state?.status,
            ec2: account?.resourceState?.ec2?.status,
            ecr: account?.resourceState?.ecr?.status,
            lambda: account?.resourceState?.lambda?.status,
            lambdaCode: account?.resourceState?.lambdaCode?.status,
        };
    }

    it("BatchGetAccountStatus reports the policy's state for the types it manages", async () => {
        await start();
        assert.deepEqual(await statuses(MEMBER), {
            status: "ENABLED",
            ec2: "ENABLED",
            ecr: "DISABLED",
            lambda: "DISABLED",
            lambdaCode: "DISABLED",
        });
        assert.deepEqual(await statuses(ADMINISTRATOR), {
            status: "DISABLED",
            ec2: "DISABLED",
            ecr: "DISABLED",
            lambda: "DISABLED",
            lambdaCode: "DISABLED",
        });
    });

    it("Enable refuses each managed type with BLOCKED_BY_ORGANIZATION_POLICY and enables the others", async () => {
        await start();
        const answer = await harness.client().send(
            new EnableCommand({
                accountIds: [MEMBER, OTHER_MEMBER],
                resourceTypes: ["EC2", "ECR", "LAMBDA"],
            }),
        );
        assert.deepEqual(answer.accounts, [
            {
                accountId: MEMBER,
                status: "ENABLED",
                resourceStatus: resourceStatus({ ec2: "ENABLED", ecr: "ENABLING" }),
            },
            {
                accountId: OTHER_MEMBER,
                status: "ENABLING",
                resourceStatus: resourceStatus({ ec2: "ENABLING", ecr: "ENABLING" }),
            },
        ]);
        assert.deepEqual(answer.failedAccounts, [
            {
                accountId: MEMBER,
                status: "ENABLED",
                resourceStatus: resourceStatus({ ec2: "ENABLED", ecr: "ENABLING" }),
                ...blocked("EC2", MEMBER, "p-ec2scanning1"),
            },
            {
                accountId: MEMBER,
                status: "ENABLED",
                resourceStatus: resourceStatus({ ec2: "ENABLED", ecr: "ENABLING" }),
                ...blocked("LAMBDA", MEMBER, "p-nolambda_02"),
            },
            {
                accountId: OTHER_MEMBER,
                status: "ENABLING",
                resourceStatus: resourceStatus({ ec2: "ENABLING", ecr: "ENABLING" }),
                ...blocked("LAMBDA", OTHER_MEMBER, "p-nolambda_02"),
            },
        ]);
        harness.clock.advance(50);
        assert.deepEqual(await statuses(OTHER_MEMBER), {
            status: "ENABLED",
            ec2: "ENABLED",
            ecr: "ENABLED",
            lambda: "DISABLED",
            lambdaCode: "DISABLED",
        });
    });

    it("Enable of managed types only changes nothing and answers only failures", async () => {
        await start();
        const answer = await harness
            .client()
            .send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: ["LAMBDA_CODE"] }));
        assert.deepEqual(answer.accounts, []);
        assert.deepEqual(
            answer.failedAccounts?.map(({ errorCode, errorMessage }) => ({ errorCode, errorMessage })),
            [blocked("LAMBDA_CODE", MEMBER, "p-nolambda_02")],
        );
        assert.equal(mutationsOf(harness, "Enable"), 1);
        assert.equal((await statuses(MEMBER)).lambdaCode, "DISABLED");
    });

    it("Disable leaves a managed type as it is and disables the others", async () => {
        await start([EC2_POLICY]);
        await harness.client().send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: ["ECR"] }));
        harness.clock.advance(50);
        const answer = await harness
            .client()
            .send(new DisableCommand({ accountIds: [MEMBER], resourceTypes: ["EC2", "ECR"] }));
        assert.deepEqual(answer.accounts, [
            {
                accountId: MEMBER,
                status: "ENABLED",
                resourceStatus: resourceStatus({ ec2: "ENABLED", ecr: "DISABLING" }),
            },
        ]);
        assert.deepEqual(
            answer.failedAccounts?.map(({ accountId, errorCode, errorMessage }) => ({
                accountId,
                errorCode,
                errorMessage,
            })),
            [{ accountId: MEMBER, ...blocked("EC2", MEMBER, "p-ec2scanning1") }],
        );
        harness.clock.advance(50);
        assert.deepEqual(await statuses(MEMBER), {
            status: "ENABLED",
            ec2: "ENABLED",
            ecr: "DISABLED",
            lambda: "DISABLED",
            lambdaCode: "DISABLED",
        });
    });

    it("Disable without resource types stops every type but the managed ones", async () => {
        await start([EC2_POLICY]);
        const answer = await harness.client().send(new DisableCommand({ accountIds: [MEMBER] }));
        assert.equal(answer.accounts?.length, 1);
        assert.deepEqual(
            answer.failedAccounts?.map(({ errorMessage }) => errorMessage),
            [blocked("EC2", MEMBER, "p-ec2scanning1").errorMessage],
        );
    });

    it("applies a policy given or removed at run time on the next call, in every region", async () => {
        await start([]);
        await harness.client().send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: ["LAMBDA"] }));
        harness.clock.advance(50);
        harness.emulator.admin.updateSettings({ organizationPolicies: [LAMBDA_POLICY] });
        const answer = await harness
            .client(ADMINISTRATOR, "eu-west-1")
            .send(new BatchGetAccountStatusCommand({ accountIds: [MEMBER] }));
        assert.equal(answer.accounts?.[0]?.resourceState?.lambda?.status, "DISABLED");
        harness.emulator.admin.updateSettings({ organizationPolicies: [] });
        assert.equal((await statuses(MEMBER)).lambda, "ENABLED");
    });

    it("leaves accounts the caller may not manage, and suspended ones, refused as before", async () => {
        harness = await startHarness({
            accounts: testAccounts({ accountId: "555566667777", role: "member", state: "suspended" }),
            organizationPolicies: [{ ...EC2_POLICY, accountIds: [MEMBER, "555566667777"] }],
        });
        const answer = await harness
            .client()
            .send(new EnableCommand({ accountIds: [STANDALONE, "555566667777"], resourceTypes: ["EC2"] }));
        assert.deepEqual(
            answer.failedAccounts?.map(({ accountId, errorCode }) => [accountId, errorCode]),
            [
                [STANDALONE, "ACCESS_DENIED"],
                ["555566667777", "ACCESS_DENIED"],
            ],
        );
    });
});
