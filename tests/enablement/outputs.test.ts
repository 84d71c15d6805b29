import assert from "node:assert/strict";
import { pickInputs, waitSettings, type EnablementInputs } from "../../provider/enablement/inputs";
import { buildOutputs } from "../../provider/enablement/outputs";
import { accountStatuses, groupByStatus } from "../../provider/enablement/status-groups";

const INPUTS: EnablementInputs = {
    resourceTypes: ["EC2", "ECR"],
    clientToken: "pulumi-abc",
    region: "eu-west-1",
    waitForEnabled: true,
    waitTimeoutSeconds: 900,
    pollIntervalSeconds: 3,
    resourceUrn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/inspector:InspectorEnablement::scanning",
};

describe("enablement outputs", () => {
    const outs = buildOutputs(INPUTS, {
        callerAccountId: "111122223333",
        managedAccountIds: ["444455556666", "111122223333", "444455556666"],
        managedResourceTypes: ["ECR", "EC2"],
        statusGroups: groupByStatus([
            { accountId: "444455556666", status: "ENABLED", resourceStatus: { ec2: "ENABLED" } },
            {
                accountId: "111122223333",
                status: "ENABLED",
                resourceStatus: { ec2: "ENABLED", ecr: "ENABLED" },
            },
        ]),
        failedAccounts: [],
        createdAt: "2025-01-01T00:00:00.000Z",
        updatedAt: "2025-01-02T00:00:00.000Z",
    });

    it("keeps every input, sorts what is managed and reported, and counts the fully enabled accounts", () => {
        assert.deepEqual(pickInputs(outs), { ...INPUTS });
        assert.equal("accountIds" in outs, false);
        assert.deepEqual(outs.managedAccountIds, ["111122223333", "444455556666"]);
        assert.deepEqual(outs.managedResourceTypes, ["EC2", "ECR"]);
        assert.deepEqual(
            accountStatuses(outs.statusGroups).map((account) => account.accountId),
            ["111122223333", "444455556666"],
        );
        // The calling account is the one requested (accountIds left out), and it has both types.
        assert.equal(outs.enabledAccountCount, 1);
        assert.deepEqual(outs.notEnabledAccountIds, []);
    });

    it("fills in the wait defaults for state that lacks them", () => {
        assert.deepEqual(waitSettings({}), { pollIntervalSeconds: 3, waitTimeoutSeconds: 900 });
        assert.deepEqual(waitSettings(outs), { pollIntervalSeconds: 3, waitTimeoutSeconds: 900 });
        assert.deepEqual(waitSettings({ pollIntervalSeconds: 1, waitTimeoutSeconds: 60 }), {
            pollIntervalSeconds: 1,
            waitTimeoutSeconds: 60,
        });
    });
});
