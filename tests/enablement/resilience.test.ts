import assert from "node:assert/strict";
import { createEnablement } from "../../provider/enablement/create";
import { ADMIN, enablementInputs, executed, MEMBERS, Recorder, useEmulator } from "./emulator-fixture";

/** Throttling answers without a Retry-After pause, so storms cost retries, not seconds. */
function storm(kind: "throttle" | "internal" | "unavailable" | "drop", probability: number) {
    return { operation: "*", kind, probability, value: 0 } as const;
}

describe("enablement under throttling and server errors (against the emulator)", () => {
    const fixture = useEmulator({ seed: 7 });

    it("finishes through throttling", async () => {
        // One throttled Enable is enough to see it through: after a throttle the shared clients' adaptive rate
        // limiter slows every call down for a while (as it should in production), which costs seconds here.
        fixture.emulator.admin.updateSettings({
            faults: [{ operation: "Enable", kind: "throttle", count: 1, value: 0 }],
        });
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN, ...MEMBERS] }),
            new Recorder().report,
        );
        assert.equal(outs.enabledAccountCount, 4);
        const throttled = fixture.emulator.admin
            .calls()
            .filter((call) => call.errorCode === "ThrottlingException");
        assert.equal(throttled.length, 1);
    });

    it("finishes through 5xx answers and dropped connections", async () => {
        fixture.emulator.admin.updateSettings({
            faults: [storm("internal", 0.25), storm("unavailable", 0.15), storm("drop", 0.1)],
        });
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["LAMBDA"], accountIds: MEMBERS }),
            new Recorder().report,
        );
        assert.equal(outs.enabledAccountCount, 3);
        const statuses = fixture.emulator.admin.calls().map((call) => call.status);
        assert.ok(statuses.filter((status) => status >= 500).length >= 2, "the storm hit nothing");
    });

    it("never acts twice on a retried Enable: the SDK repeats the call's token", async () => {
        // Every Enable is dropped once before Inspector sees it, then retried by the SDK with the same token.
        fixture.emulator.admin.updateSettings({ faults: [{ operation: "Enable", kind: "drop", count: 1 }] });
        await createEnablement(
            enablementInputs({ resourceTypes: ["EC2"], accountIds: MEMBERS }),
            new Recorder().report,
        );
        assert.equal(executed(fixture.emulator, "Enable"), 1);
    });
});
