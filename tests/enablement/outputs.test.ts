import assert from "node:assert/strict";
import { pickInputs, waitSettings, type EnablementInputs } from "../../provider/enablement/inputs";
import type { Status } from "../../provider/enablement/account-status";
import {
    buildOutputs,
    isStateV010,
    upgradeStoredOutputs,
    type EnablementOutputs,
} from "../../provider/enablement/outputs";
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

describe("enablement state size and 0.1.0 state", () => {
    const N = 10_000;
    const accountIds = Array.from({ length: N }, (_, i) => String(100_000_000_000 + i));
    const inputs: EnablementInputs = { ...INPUTS, accountIds };

    /** Compact JSON of the inputs and outputs a checkpoint keeps, per account. */
    function bytesPerAccount(ec2: Status, waitForEnabled: boolean): { arrays: number; setShaped: number } {
        const outs = buildOutputs(
            { ...inputs, waitForEnabled },
            {
                callerAccountId: "111122223333",
                managedAccountIds: accountIds,
                managedResourceTypes: inputs.resourceTypes,
                statusGroups: groupByStatus(
                    accountIds.map((accountId) => ({
                        accountId,
                        status: "ENABLED" as const,
                        resourceStatus: {
                            ec2,
                            ecr: "ENABLED" as const,
                            lambda: "DISABLED" as const,
                            lambdaCode: "DISABLED" as const,
                            codeRepository: "DISABLED" as const,
                        },
                    })),
                ),
                failedAccounts: [],
                createdAt: "2025-01-01T00:00:00.000Z",
                updatedAt: "2025-01-02T00:00:00.000Z",
            },
        );
        const outputBytes = JSON.stringify(outs).length;
        const checked = pickInputs(outs);
        // The dynamic adapter may keep set-shaped inputs as objects keyed by member: {"100000000000":true,…}.
        const setShaped = {
            ...checked,
            accountIds: Object.fromEntries(accountIds.map((id) => [id, true])),
            resourceTypes: Object.fromEntries(inputs.resourceTypes.map((type) => [type, true])),
        };
        return {
            arrays: (JSON.stringify(checked).length + outputBytes) / N,
            setShaped: (JSON.stringify(setShaped).length + outputBytes) / N,
        };
    }

    it("keeps at most 100 bytes per account at 10,000 accounts with two types, whatever the statuses", () => {
        const settled = bytesPerAccount("ENABLED", true);
        // Every account not yet ENABLED (waitForEnabled false) lists each account once more.
        const underWay = bytesPerAccount("ENABLING", false);
        for (const measured of [settled, underWay]) {
            assert.ok(measured.arrays <= 100, `${measured.arrays} bytes per account`);
            assert.ok(measured.setShaped <= 100, `${measured.setShaped} bytes per account`);
        }
        // Each list of the IDs costs 15 bytes per account: the inputs' accountIds, and among the outputs accountIds,
        // managedAccountIds, one status group (60 bytes), and notEnabledAccountIds while not settled (75 bytes).
        assert.ok(settled.arrays < 61 && underWay.arrays < 76, JSON.stringify({ settled, underWay }));
    });

    it("converts state written by 0.1.0 (a record per account in `accounts`) to status groups", () => {
        const records = [
            {
                accountId: "444455556666",
                status: "ENABLED",
                resourceStatus: { ec2: "ENABLED", ecr: "DISABLED" },
            },
            {
                accountId: "111122223333",
                status: "ENABLED",
                resourceStatus: { ec2: "ENABLED", ecr: "ENABLED" },
            },
        ];
        const stored = {
            ...INPUTS,
            accountIds: ["111122223333", "444455556666"],
            callerAccountId: "111122223333",
            managedAccountIds: ["111122223333", "444455556666"],
            managedResourceTypes: ["EC2", "ECR"],
            accounts: records,
            failedAccounts: [],
            enabledAccountCount: 1,
            createdAt: "2025-01-01T00:00:00.000Z",
            updatedAt: "2025-01-02T00:00:00.000Z",
        } as unknown as Partial<EnablementOutputs>;
        assert.equal(isStateV010(stored), true);
        const upgraded = upgradeStoredOutputs(stored);
        assert.equal(isStateV010(upgraded), false);
        assert.equal("accounts" in upgraded, false);
        assert.deepEqual(accountStatuses(upgraded.statusGroups!), [records[1], records[0]]);
        assert.deepEqual(upgraded.notEnabledAccountIds, ["444455556666"]);
        assert.equal(upgraded.enabledAccountCount, 1);
        assert.equal(upgradeStoredOutputs(upgraded), upgraded);
    });
});
