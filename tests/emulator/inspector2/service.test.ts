import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import {
    ADMINISTRATOR,
    MEMBER,
    manyMembers,
    mutationsOf,
    startHarness,
    testAccounts,
    type Harness,
} from "./inspector2-harness";

describe("inspector2 service state and scale (through the SDK)", () => {
    let harness: Harness | undefined;
    let directory: string | undefined;
    afterEach(async () => {
        await harness?.close();
        harness = undefined;
        if (directory) rmSync(directory, { recursive: true, force: true });
        directory = undefined;
    });

    async function ec2Status(current: Harness, accountId: string) {
        const answer = await current
            .client()
            .send(new BatchGetAccountStatusCommand({ accountIds: [accountId] }));
        return answer.accounts?.[0].resourceState?.ec2?.status;
    }

    it("keeps statuses and client tokens across a restart with a state file", async () => {
        directory = mkdtempSync(join(tmpdir(), "inspector2-state-"));
        const stateFile = join(directory, "state.json");
        harness = await startHarness({}, stateFile);
        const enable = new EnableCommand({
            accountIds: [MEMBER],
            resourceTypes: ["EC2"],
            clientToken: "restart",
        });
        const first = await harness.client().send(enable);
        await harness.close();

        harness = await startHarness({}, stateFile);
        harness.clock.advance(50);
        assert.equal(await ec2Status(harness, MEMBER), "ENABLED");
        const replay = await harness.client().send(enable);
        assert.deepEqual(replay.accounts, first.accounts);
        assert.equal(mutationsOf(harness, "Enable"), 0);
    });

    it("forgets every status on reset", async () => {
        harness = await startHarness();
        await harness.client().send(new EnableCommand({ resourceTypes: ["EC2"] }));
        harness.emulator.admin.reset();
        assert.equal(await ec2Status(harness, ADMINISTRATOR), "DISABLED");
    });

    it("enables 1,000 accounts in ten calls of 100", async () => {
        const members = manyMembers(1000);
        harness = await startHarness({ accounts: testAccounts(...members) });
        const client = harness.client();
        for (let call = 0; call < 10; call++) {
            const accountIds = members.slice(call * 100, call * 100 + 100).map((member) => member.accountId);
            const answer = await client.send(
                new EnableCommand({ accountIds, resourceTypes: ["EC2", "ECR", "LAMBDA"] }),
            );
            assert.equal(answer.accounts?.length, 100);
        }
        harness.clock.advance(50);
        let enabled = 0;
        for (let call = 0; call < 10; call++) {
            const accountIds = members.slice(call * 100, call * 100 + 100).map((member) => member.accountId);
            const answer = await client.send(new BatchGetAccountStatusCommand({ accountIds }));
            enabled += answer.accounts?.filter((account) => account.state?.status === "ENABLED").length ?? 0;
        }
        assert.equal(enabled, 1000);
        assert.equal(mutationsOf(harness, "Enable"), 10);
    });
});
