import assert from "node:assert/strict";
import {
    byAccountId,
    hasAll,
    RESOURCE_STATUS_KEYS,
    RESOURCE_TYPES,
    typeStatus,
    type AccountStatus,
} from "../../provider/enablement/account-status";

const ADMIN: AccountStatus = {
    accountId: "111122223333",
    status: "ENABLED",
    resourceStatus: { ec2: "ENABLED", ecr: "ENABLED", lambda: "ENABLING" },
};
const MEMBER: AccountStatus = {
    accountId: "444455556666",
    status: "ENABLED",
    resourceStatus: { ec2: "ENABLED" },
};

describe("enablement account status", () => {
    it("names a status key for every resource type", () => {
        assert.deepEqual(
            RESOURCE_TYPES.map((type) => RESOURCE_STATUS_KEYS[type]),
            ["ec2", "ecr", "lambda", "lambdaCode", "codeRepository"],
        );
    });

    it("orders records by account ID", () => {
        assert.deepEqual(
            byAccountId([MEMBER, ADMIN]).map((account) => account.accountId),
            ["111122223333", "444455556666"],
        );
    });

    it("reads one type's status, undefined when Inspector did not report it", () => {
        assert.equal(typeStatus(ADMIN, "LAMBDA"), "ENABLING");
        assert.equal(typeStatus(MEMBER, "ECR"), undefined);
    });

    it("tells whether every type shows one of the statuses", () => {
        assert.equal(hasAll(ADMIN, ["EC2", "ECR"], ["ENABLED"]), true);
        assert.equal(hasAll(ADMIN, ["EC2", "LAMBDA"], ["ENABLED"]), false);
        assert.equal(hasAll(ADMIN, ["EC2", "LAMBDA"], ["ENABLED", "ENABLING"]), true);
        assert.equal(hasAll(MEMBER, ["ECR"], ["DISABLED"]), false);
    });
});
