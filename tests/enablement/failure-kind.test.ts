import assert from "node:assert/strict";
import type { FailedAccount, Status } from "../../provider/enablement/account-status";
import { failureKind, type FailureKind } from "../../provider/enablement/failure-kind";

function failure(errorCode: string, status?: Status): FailedAccount {
    return { accountId: "444455556666", errorCode, errorMessage: "m", ...(status ? { status } : {}) };
}

// [code, status, when enabling, when disabling]
const table: [string, Status | undefined, FailureKind, FailureKind][] = [
    ["ALREADY_ENABLED", undefined, "done", "permanent"],
    ["ENABLE_IN_PROGRESS", undefined, "wait", "retry"],
    ["DISABLE_IN_PROGRESS", undefined, "retry", "wait"],
    ["SUSPEND_IN_PROGRESS", undefined, "retry", "retry"],
    ["INTERNAL_ERROR", undefined, "retry", "retry"],
    ["SSM_UNAVAILABLE", undefined, "retry", "retry"],
    ["SSM_THROTTLED", undefined, "retry", "retry"],
    ["EVENTBRIDGE_UNAVAILABLE", undefined, "retry", "retry"],
    ["EVENTBRIDGE_THROTTLED", undefined, "retry", "retry"],
    ["ACCESS_DENIED", undefined, "retry-few", "retry-few"],
    ["ACCESS_DENIED", "ENABLED", "retry-few", "retry-few"],
    ["ACCESS_DENIED", "SUSPENDED", "permanent", "gone"],
    ["ACCESS_DENIED", "SUSPENDING", "permanent", "gone"],
    ["RESOURCE_NOT_FOUND", undefined, "permanent", "gone"],
    ["ACCOUNT_IS_ISOLATED", "DISABLED", "permanent", "gone"],
    ["BLOCKED_BY_ORGANIZATION_POLICY", undefined, "permanent", "permanent"],
    ["EC2_SSM_RESOURCE_DATA_SYNC_LIMIT_EXCEEDED", undefined, "permanent", "permanent"],
    ["EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED", undefined, "permanent", "permanent"],
    ["RESOURCE_SCAN_NOT_DISABLED", undefined, "permanent", "permanent"],
    ["DISASSOCIATE_ALL_MEMBERS", undefined, "permanent", "permanent"],
    ["A_CODE_FROM_THE_FUTURE", undefined, "permanent", "permanent"],
];

describe("enablement account failure kinds", () => {
    for (const [code, status, enabling, disabling] of table) {
        const label = status ? `${code} (${status})` : code;
        it(`${label}: ${enabling} when enabling, ${disabling} when disabling`, () => {
            assert.equal(failureKind("enable", failure(code, status)), enabling);
            assert.equal(failureKind("disable", failure(code, status)), disabling);
        });
    }
});
