import assert from "node:assert/strict";
import { fromAccount, fromAccountState, fromFailedAccount } from "../../provider/enablement/operations";

describe("enablement SDK shape conversion", () => {
    it("keeps an Enable success's statuses and drops types Inspector left out", () => {
        assert.deepEqual(
            fromAccount({
                accountId: "111122223333",
                status: "ENABLING",
                resourceStatus: { ec2: "ENABLING", ecr: "DISABLED", lambda: undefined },
            }),
            {
                accountId: "111122223333",
                status: "ENABLING",
                resourceStatus: { ec2: "ENABLING", ecr: "DISABLED" },
            },
        );
    });

    it("keeps a failed account's status only when Inspector sent one", () => {
        assert.deepEqual(
            fromFailedAccount({ accountId: "999988887777", errorCode: "ACCESS_DENIED", errorMessage: "no" }),
            { accountId: "999988887777", errorCode: "ACCESS_DENIED", errorMessage: "no" },
        );
        assert.deepEqual(
            fromFailedAccount({
                accountId: "777788889999",
                errorCode: "ACCESS_DENIED",
                errorMessage: "suspended",
                status: "SUSPENDED",
                resourceStatus: { ec2: "SUSPENDED", ecr: "SUSPENDED" },
            }),
            {
                accountId: "777788889999",
                errorCode: "ACCESS_DENIED",
                errorMessage: "suspended",
                status: "SUSPENDED",
                resourceStatus: { ec2: "SUSPENDED", ecr: "SUSPENDED" },
            },
        );
    });

    it("reads a status report as an account, and also as a failure when its state carries an error", () => {
        const healthy = fromAccountState({
            accountId: "444455556666",
            state: { status: "ENABLED", errorCode: undefined, errorMessage: undefined },
            resourceState: {
                ec2: { status: "ENABLED", errorCode: undefined, errorMessage: undefined },
                ecr: { status: "DISABLED", errorCode: undefined, errorMessage: undefined },
            },
        });
        assert.deepEqual(healthy, {
            status: {
                accountId: "444455556666",
                status: "ENABLED",
                resourceStatus: { ec2: "ENABLED", ecr: "DISABLED" },
            },
        });

        const isolated = fromAccountState({
            accountId: "123456789012",
            state: { status: "DISABLED", errorCode: "ACCOUNT_IS_ISOLATED", errorMessage: "isolated" },
            resourceState: {
                ec2: { status: "DISABLED", errorCode: undefined, errorMessage: undefined },
                ecr: { status: "DISABLED", errorCode: undefined, errorMessage: undefined },
            },
        });
        const status = {
            accountId: "123456789012",
            status: "DISABLED",
            resourceStatus: { ec2: "DISABLED", ecr: "DISABLED" },
        };
        assert.deepEqual(isolated, {
            status,
            failure: { ...status, errorCode: "ACCOUNT_IS_ISOLATED", errorMessage: "isolated" },
        });
    });
});
