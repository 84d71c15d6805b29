import assert from "node:assert/strict";
import { BatchGetAccountStatusCommand, DisableCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    mutationsOf,
    resourceStatus,
    startHarness,
    uniformResourceStatus,
    type Harness,
} from "../inspector2-harness";

describe("inspector2 Disable (through the SDK)", () => {
    let harness: Harness;
    beforeEach(async () => {
        harness = await startHarness();
    });
    afterEach(async () => harness?.close());

    async function enableFully(accountId: string) {
        await harness
            .client()
            .send(new EnableCommand({ accountIds: [accountId], resourceTypes: ["EC2", "ECR", "LAMBDA"] }));
        harness.clock.advance(50);
    }

    async function accountStatus(accountId: string) {
        const answer = await harness
            .client()
            .send(new BatchGetAccountStatusCommand({ accountIds: [accountId] }));
        return answer.accounts?.[0].state?.status;
    }

    it("without resource types disables every type: the account goes DISABLING, then DISABLED", async () => {
        await enableFully(MEMBER);
        const answer = await harness.client().send(new DisableCommand({ accountIds: [MEMBER] }));
        assert.deepEqual(answer.accounts, [
            {
                accountId: MEMBER,
                status: "DISABLING",
                resourceStatus: resourceStatus({ ec2: "DISABLING", ecr: "DISABLING", lambda: "DISABLING" }),
            },
        ]);
        harness.clock.advance(49);
        assert.equal(await accountStatus(MEMBER), "DISABLING");
        harness.clock.advance(1);
        assert.equal(await accountStatus(MEMBER), "DISABLED");
    });

    it("with an empty resource type list disables every type too", async () => {
        await enableFully(ADMINISTRATOR);
        const answer = await harness.client().send(new DisableCommand({ resourceTypes: [] }));
        harness.clock.advance(50);
        assert.equal(answer.accounts?.[0].status, "DISABLING");
        const after = await harness.client().send(new BatchGetAccountStatusCommand({}));
        assert.equal(after.accounts?.[0].state?.status, "DISABLED");
    });

    it("with resource types disables only those, and the account stays ENABLED", async () => {
        await enableFully(MEMBER);
        const answer = await harness
            .client()
            .send(new DisableCommand({ accountIds: [MEMBER], resourceTypes: ["ECR"] }));
        assert.deepEqual(answer.accounts?.[0], {
            accountId: MEMBER,
            status: "ENABLED",
            resourceStatus: resourceStatus({ ec2: "ENABLED", ecr: "DISABLING", lambda: "ENABLED" }),
        });
        harness.clock.advance(50);
        assert.equal(await accountStatus(MEMBER), "ENABLED");
    });

    it("uses the disabling delay, not the enabling one", async () => {
        await harness.close();
        harness = await startHarness({ delays: { enablingMs: 10, disablingMs: 400 } });
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        harness.clock.advance(10);
        await harness.client().send(new DisableCommand({}));
        harness.clock.advance(399);
        assert.equal(await accountStatus(ADMINISTRATOR), "DISABLING");
        harness.clock.advance(1);
        assert.equal(await accountStatus(ADMINISTRATOR), "DISABLED");
    });

    it("succeeds on a never-enabled account, which stays DISABLED", async () => {
        const answer = await harness.client().send(new DisableCommand({ accountIds: [MEMBER] }));
        assert.deepEqual(answer.accounts, [
            { accountId: MEMBER, status: "DISABLED", resourceStatus: uniformResourceStatus("DISABLED") },
        ]);
    });

    it("acts on every call, having no client token", async () => {
        await harness.client().send(new DisableCommand({}));
        await harness.client().send(new DisableCommand({}));
        assert.equal(mutationsOf(harness, "Disable"), 2);
    });

    it("turns a type that is still enabling to DISABLING", async () => {
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        harness.clock.advance(20);
        const answer = await harness.client().send(new DisableCommand({ resourceTypes: ["EC2"] }));
        assert.equal(answer.accounts?.[0].resourceStatus?.ec2, "DISABLING");
        harness.clock.advance(50);
        assert.equal(await accountStatus(ADMINISTRATOR), "DISABLED");
    });
});
