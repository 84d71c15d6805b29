import assert from "node:assert/strict";
import {
    CLIENT_TOKEN_WINDOW_MS,
    IdempotencyStore,
    requestFingerprint,
} from "../../../emulator/inspector2/idempotency";

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

        it("forgets a token once the window has passed since its first call, oldest first", () => {
            let now = 1_000_000;
            const store = new IdempotencyStore(() => now);
            store.remember(scope, "old", "f", response);
            now += 1_000;
            store.remember(scope, "newer", "f", response);
            assert.deepEqual(Object.keys(store.takeChanges()).length, 2);
            now += CLIENT_TOKEN_WINDOW_MS - 1_001;
            assert.equal(store.check(scope, "old", "f").kind, "replay");
            now += 1;
            assert.equal(store.check(scope, "old", "f").kind, "new");
            assert.equal(store.check(scope, "newer", "f").kind, "replay");
            assert.equal(store.size, 1);
            // The journal learns that the old one is gone.
            assert.deepEqual(store.takeChanges(), {
                [JSON.stringify(["Enable", scope.accountId, scope.region, "old"])]: null,
            });
            // Used again after it expired, the token starts a new window, even for another request.
            store.remember(scope, "old", "g", response);
            now += CLIENT_TOKEN_WINDOW_MS - 1;
            assert.deepEqual(store.check(scope, "old", "g"), { kind: "replay", response });
        });

        it("reports every record as removed on reset", () => {
            const store = new IdempotencyStore();
            store.remember(scope, "t1", "f", response);
            store.takeChanges();
            store.reset();
            assert.deepEqual(Object.values(store.takeChanges()), [null]);
            assert.deepEqual(store.takeChanges(), {});
        });

        it("restores records of older state files: no time (counted from the restore) and a raw fingerprint", () => {
            const store = new IdempotencyStore(() => 5_000);
            const raw = JSON.stringify([
                ["accountIds", ["1"]],
                ["resourceTypes", ["EC2"]],
            ]);
            store.restore({
                [JSON.stringify(["Enable", scope.accountId, scope.region, "t1"])]: {
                    fingerprint: raw,
                    response,
                } as never,
            });
            const fingerprint = requestFingerprint({ accountIds: ["1"], resourceTypes: ["EC2"] });
            assert.deepEqual(store.check(scope, "t1", fingerprint), { kind: "replay", response });
            assert.equal(Object.values(store.snapshot())[0].at, 5_000);
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
