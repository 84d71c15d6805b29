import assert from "node:assert/strict";
import type { AccountStatus } from "../../provider/enablement/account-status";
import {
    accountStatus,
    accountStatuses,
    accountsWithAll,
    groupByStatus,
} from "../../provider/enablement/status-groups";

const ADMIN = "111122223333";
const A = "444455556666";
const B = "777788889999";
const C = "123456789012";

const ENABLED_BOTH = { ec2: "ENABLED", ecr: "ENABLED", lambda: "DISABLED" } as const;

function account(accountId: string, resourceStatus: AccountStatus["resourceStatus"]): AccountStatus {
    return { accountId, status: "ENABLED", resourceStatus };
}

describe("enablement status groups", () => {
    it("writes each distinct status once, with the sorted IDs of the accounts that have it", () => {
        const groups = groupByStatus([
            account(B, ENABLED_BOTH),
            account(A, { ec2: "ENABLED", ecr: "DISABLED", lambda: "DISABLED" }),
            // The same status with its members in another order is the same group.
            account(ADMIN, { lambda: "DISABLED", ecr: "ENABLED", ec2: "ENABLED" }),
            account(C, ENABLED_BOTH),
        ]);
        assert.deepEqual(groups, [
            {
                status: "ENABLED",
                resourceStatus: { ec2: "ENABLED", ecr: "DISABLED", lambda: "DISABLED" },
                accountIds: [A],
            },
            { status: "ENABLED", resourceStatus: ENABLED_BOTH, accountIds: [ADMIN, C, B] },
        ]);
        assert.deepEqual(Object.keys(groups[1].resourceStatus), ["ec2", "ecr", "lambda"]);
    });

    it("does not depend on the order Inspector answered in, and keeps an account's last status", () => {
        const statuses = [
            account(A, { ec2: "ENABLING" }),
            account(B, { ec2: "ENABLED" }),
            account(A, { ec2: "ENABLED" }),
        ];
        const groups = groupByStatus(statuses);
        assert.deepEqual(groups, [
            { status: "ENABLED", resourceStatus: { ec2: "ENABLED" }, accountIds: [A, B] },
        ]);
        assert.deepEqual(groupByStatus([statuses[1], statuses[0], statuses[2]]), groups);
        assert.deepEqual(groupByStatus([]), []);
    });

    it("gives back a record per account, and one account's status", () => {
        const records = [
            account(B, ENABLED_BOTH),
            account(A, { ec2: "DISABLED" }),
            account(ADMIN, ENABLED_BOTH),
        ];
        const groups = groupByStatus(records);
        assert.deepEqual(accountStatuses(groups), [records[2], records[1], records[0]]);
        assert.deepEqual(accountStatus(groups, A), records[1]);
        assert.equal(accountStatus(groups, C), undefined);
    });

    it("lists the accounts whose types all show one of the statuses", () => {
        const groups = groupByStatus([
            account(A, { ec2: "ENABLED", ecr: "ENABLING" }),
            account(B, { ec2: "ENABLED", ecr: "ENABLED" }),
            account(C, { ec2: "ENABLED" }),
        ]);
        assert.deepEqual([...accountsWithAll(groups, ["EC2", "ECR"], ["ENABLED"])], [B]);
        assert.deepEqual([...accountsWithAll(groups, ["EC2", "ECR"], ["ENABLED", "ENABLING"])].sort(), [
            A,
            B,
        ]);
        assert.deepEqual([...accountsWithAll(groups, ["EC2"], ["ENABLED"])].sort(), [A, B, C].sort());
    });
});
