import assert from "node:assert/strict";
import { Inspector2State } from "../../../emulator/inspector2/state";

describe("inspector2 Inspector2State", () => {
    it("restores every store from a JSON copy of its snapshot", () => {
        const state = new Inspector2State();
        state.statuses.request("444455556666", "us-east-1", ["EC2"], "ENABLED", 0, () => 10);
        state.tokens.remember({ operation: "Enable", accountId: "1", region: "r" }, "t", "f", {
            accounts: [],
        });
        state.failures.attempt({
            accountId: "444455556666",
            role: "member",
            failures: [{ errorCode: "SSM_THROTTLED", times: 2 }],
        });
        state.members.updatedAt("444455556666", "ENABLED", 77);

        const restored = new Inspector2State();
        restored.restore(JSON.parse(JSON.stringify(state.snapshot())));
        assert.deepEqual(restored.snapshot(), state.snapshot());
        assert.equal(restored.statuses.statuses("444455556666", "us-east-1", 10).EC2, "ENABLED");
    });

    it("starts empty again after reset", () => {
        const state = new Inspector2State();
        state.statuses.request("444455556666", "us-east-1", ["EC2"], "ENABLED", 0, () => 10);
        state.reset();
        assert.deepEqual(state.snapshot(), new Inspector2State().snapshot());
    });

    for (const snapshot of [
        undefined,
        null,
        42,
        {},
        { format: "inspector2-state/0" },
        { format: "inspector2-state/1" },
    ]) {
        it(`refuses to restore ${JSON.stringify(snapshot)}`, () => {
            assert.throws(() => new Inspector2State().restore(snapshot), {
                message:
                    "The inspector2 state is not a snapshot in format inspector2-state/1; it cannot be restored.",
            });
        });
    }
});
