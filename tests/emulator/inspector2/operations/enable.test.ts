import assert from "node:assert/strict";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    OTHER_MEMBER,
    mutationsOf,
    resourceStatus,
    startHarness,
    type Harness,
} from "../inspector2-harness";

describe("inspector2 Enable (through the SDK)", () => {
    let harness: Harness;
    afterEach(async () => harness?.close());

    async function statusOf(accountId: string, region = "us-east-1") {
        const answer = await harness
            .client(ADMINISTRATOR, region)
            .send(new BatchGetAccountStatusCommand({ accountIds: [accountId] }));
        const account = answer.accounts?.[0];
        return {
            status: account?.state?.status,
            ec2: account?.resourceState?.ec2?.status,
            ecr: account?.resourceState?.ecr?.status,
        };
    }

    it("enables the caller's own account when no account IDs are given", async () => {
        harness = await startHarness();
        const answer = await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        assert.deepEqual(answer.accounts, [
            {
                accountId: ADMINISTRATOR,
                status: "ENABLING",
                resourceStatus: resourceStatus({ ec2: "ENABLING" }),
            },
        ]);
        assert.deepEqual(answer.failedAccounts, []);
        assert.equal(mutationsOf(harness, "Enable"), 1);
    });

    it("goes ENABLING, then ENABLED once enablingMs have passed", async () => {
        harness = await startHarness();
        await harness
            .client()
            .send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: ["EC2", "ECR"] }));
        harness.clock.advance(49);
        assert.deepEqual(await statusOf(MEMBER), { status: "ENABLING", ec2: "ENABLING", ecr: "ENABLING" });
        harness.clock.advance(1);
        assert.deepEqual(await statusOf(MEMBER), { status: "ENABLED", ec2: "ENABLED", ecr: "ENABLED" });
    });

    it("answers success and keeps ENABLED when an enabled type is enabled again", async () => {
        harness = await startHarness();
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        harness.clock.advance(100);
        const again = await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        assert.deepEqual(again.accounts, [
            {
                accountId: ADMINISTRATOR,
                status: "ENABLED",
                resourceStatus: resourceStatus({ ec2: "ENABLED" }),
            },
        ]);
        assert.deepEqual(again.failedAccounts, []);
    });

    it("keeps the account ENABLED while a further type is still enabling", async () => {
        harness = await startHarness();
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        harness.clock.advance(50);
        const answer = await harness.client().send(new EnableCommand({ resourceTypes: ["LAMBDA"] }));
        assert.deepEqual(
            answer.accounts?.[0].resourceStatus,
            resourceStatus({ ec2: "ENABLED", lambda: "ENABLING" }),
        );
        assert.equal(answer.accounts?.[0].status, "ENABLED");
    });

    it("uses the most specific delay override for the resource type and region", async () => {
        harness = await startHarness({
            delays: {
                enablingMs: 50,
                disablingMs: 50,
                overrides: [
                    { resourceType: "ECR", enablingMs: 300 },
                    { region: "eu-west-1", enablingMs: 500 },
                    { region: "eu-west-1", resourceType: "ECR", enablingMs: 1000 },
                ],
            },
        });
        const types: ("EC2" | "ECR")[] = ["EC2", "ECR"];
        await harness.client().send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: types }));
        await harness
            .client(ADMINISTRATOR, "eu-west-1")
            .send(new EnableCommand({ accountIds: [MEMBER], resourceTypes: types }));

        harness.clock.advance(50);
        assert.deepEqual(await statusOf(MEMBER), { status: "ENABLED", ec2: "ENABLED", ecr: "ENABLING" });
        harness.clock.advance(250);
        assert.deepEqual(await statusOf(MEMBER), { status: "ENABLED", ec2: "ENABLED", ecr: "ENABLED" });
        assert.deepEqual(await statusOf(MEMBER, "eu-west-1"), {
            status: "ENABLING",
            ec2: "ENABLING",
            ecr: "ENABLING",
        });
        harness.clock.advance(200);
        assert.deepEqual(await statusOf(MEMBER, "eu-west-1"), {
            status: "ENABLED",
            ec2: "ENABLED",
            ecr: "ENABLING",
        });
        harness.clock.advance(500);
        assert.deepEqual(await statusOf(MEMBER, "eu-west-1"), {
            status: "ENABLED",
            ec2: "ENABLED",
            ecr: "ENABLED",
        });
    });

    it("keeps each region's status apart", async () => {
        harness = await startHarness();
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        harness.clock.advance(50);
        assert.deepEqual(await statusOf(ADMINISTRATOR), {
            status: "ENABLED",
            ec2: "ENABLED",
            ecr: "DISABLED",
        });
        assert.deepEqual(await statusOf(ADMINISTRATOR, "ap-southeast-2"), {
            status: "DISABLED",
            ec2: "DISABLED",
            ecr: "DISABLED",
        });
    });

    it("answers the listed accounts in the order given", async () => {
        harness = await startHarness();
        const answer = await harness.client().send(
            new EnableCommand({
                accountIds: [OTHER_MEMBER, MEMBER],
                resourceTypes: ["LAMBDA_CODE"],
            }),
        );
        assert.deepEqual(
            answer.accounts?.map((account) => [account.accountId, account.resourceStatus?.lambdaCode]),
            [
                [OTHER_MEMBER, "ENABLING"],
                [MEMBER, "ENABLING"],
            ],
        );
    });

    it("enables with no delay at once", async () => {
        harness = await startHarness({ delays: { enablingMs: 0, disablingMs: 0 } });
        const answer = await harness.client().send(new EnableCommand({ resourceTypes: ["CODE_REPOSITORY"] }));
        assert.deepEqual(answer.accounts?.[0].resourceStatus, resourceStatus({ codeRepository: "ENABLED" }));
    });
});
