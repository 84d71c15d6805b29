import assert from "node:assert/strict";
import { AccountStatusStore } from "../../../emulator/inspector2/account-status-store";

describe("inspector2 AccountStatusStore", () => {
    const delayOf = (ms: Record<string, number>) => (type: string) => ms[type] ?? 10;

    it("shows a never-touched account DISABLED for every type", () => {
        const store = new AccountStatusStore();
        assert.deepEqual(store.statuses("444455556666", "us-east-1", 0), {
            EC2: "DISABLED",
            ECR: "DISABLED",
            LAMBDA: "DISABLED",
            LAMBDA_CODE: "DISABLED",
            CODE_REPOSITORY: "DISABLED",
        });
    });

    it("gives each type its own delay and keeps regions and accounts apart", () => {
        const store = new AccountStatusStore();
        store.request(
            "444455556666",
            "us-east-1",
            ["EC2", "ECR"],
            "ENABLED",
            1000,
            delayOf({ EC2: 10, ECR: 30 }),
        );
        const at = (now: number) => store.statuses("444455556666", "us-east-1", now);
        assert.equal(at(1009).EC2, "ENABLING");
        assert.equal(at(1010).EC2, "ENABLED");
        assert.equal(at(1010).ECR, "ENABLING");
        assert.equal(at(1030).ECR, "ENABLED");
        assert.equal(store.statuses("444455556666", "eu-west-1", 5000).EC2, "DISABLED");
        assert.equal(store.statuses("777788889999", "us-east-1", 5000).EC2, "DISABLED");
    });

    it("survives a JSON round trip of its snapshot and forgets everything on reset", () => {
        const store = new AccountStatusStore();
        store.request("444455556666", "us-east-1", ["LAMBDA"], "ENABLED", 0, delayOf({}));
        const restored = new AccountStatusStore();
        restored.restore(JSON.parse(JSON.stringify(store.snapshot())));
        assert.equal(restored.statuses("444455556666", "us-east-1", 5).LAMBDA, "ENABLING");
        assert.equal(restored.statuses("444455556666", "us-east-1", 10).LAMBDA, "ENABLED");
        restored.reset();
        assert.equal(restored.statuses("444455556666", "us-east-1", 10).LAMBDA, "DISABLED");
    });
});
