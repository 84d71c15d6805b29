import assert from "node:assert/strict";
import { IdempotencyStore, requestFingerprint } from "../../../emulator/inspector2/idempotency";

describe("inspector2 idempotency", () => {
    describe("requestFingerprint", () => {
        it("ignores order and duplicates within a list", () => {
            assert.equal(
                requestFingerprint({ accountIds: ["2", "1"], resourceTypes: ["ECR", "EC2", "ECR"] }),
                requestFingerprint({ resourceTypes: ["EC2", "ECR"], accountIds: ["1", "2"] }),
            );
        });

        it("tells different requests apart", () => {
            assert.notEqual(
                requestFingerprint({ accountIds: ["1"], resourceTypes: ["EC2"] }),
                requestFingerprint({ accountIds: ["1"], resourceTypes: ["ECR"] }),
            );
            assert.notEqual(
                requestFingerprint({ accountIds: ["1"], resourceTypes: [] }),
                requestFingerprint({ accountIds: [], resourceTypes: ["1"] }),
            );
        });
    });

    describe("IdempotencyStore", () => {
        const scope = { operation: "Enable", accountId: "111122223333", region: "us-east-1" };
        const response = { accounts: [{ accountId: "111122223333" }], failedAccounts: [] };

        it("replays a copy of the first answer for the same request", () => {
            const store = new IdempotencyStore();
            assert.deepEqual(store.check(scope, "t1", "f"), { kind: "new" });
            store.remember(scope, "t1", "f", response);
            const check = store.check(scope, "t1", "f");
            assert.deepEqual(check, { kind: "replay", response });
            assert.ok(check.kind === "replay" && check.response !== response);
        });

        it("refuses the same token for another request", () => {
            const store = new IdempotencyStore();
            store.remember(scope, "t1", "f", response);
            assert.deepEqual(store.check(scope, "t1", "other"), { kind: "conflict" });
        });

        it("scopes tokens by account, region and operation", () => {
            const store = new IdempotencyStore();
            store.remember(scope, "t1", "f", response);
            assert.equal(store.check({ ...scope, accountId: "999988887777" }, "t1", "g").kind, "new");
            assert.equal(store.check({ ...scope, region: "eu-west-1" }, "t1", "g").kind, "new");
            assert.equal(store.check({ ...scope, operation: "Other" }, "t1", "g").kind, "new");
        });

        it("survives snapshot and restore", () => {
            const store = new IdempotencyStore();
            store.remember(scope, "t1", "f", response);
            const restored = new IdempotencyStore();
            restored.restore(JSON.parse(JSON.stringify(store.snapshot())));
            assert.deepEqual(restored.check(scope, "t1", "f"), { kind: "replay", response });
        });
    });
});
