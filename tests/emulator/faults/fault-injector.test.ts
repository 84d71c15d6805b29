import assert from "node:assert/strict";
import { FaultInjector } from "../../../emulator/faults/fault-injector";
import { SeededRandom } from "../../../emulator/faults/seeded-random";
import type { FaultSettings } from "../../../emulator/settings/settings";

/** Which of `calls` calls to `operation` got a fault, as a string of 0s and 1s. */
function pattern(
    injector: FaultInjector,
    faults: readonly FaultSettings[],
    calls: number,
    operation = "Enable",
): string {
    let marks = "";
    for (let call = 0; call < calls; call++) {
        marks += injector.decide("inspector2", operation, faults).fault ? "1" : "0";
    }
    return marks;
}

describe("SeededRandom", () => {
    it("repeats its sequence for the same seed and stays within [0, 1)", () => {
        const first = Array.from(
            { length: 100 },
            (
                (random) => () =>
                    random.next()
            )(new SeededRandom(7)),
        );
        const second = Array.from(
            { length: 100 },
            (
                (random) => () =>
                    random.next()
            )(new SeededRandom(7)),
        );
        assert.deepEqual(first, second);
        assert.ok(first.every((value) => value >= 0 && value < 1));
    });

    it("gives another sequence for another seed", () => {
        const a = new SeededRandom(1);
        const b = new SeededRandom(2);
        assert.notDeepEqual([a.next(), a.next(), a.next()], [b.next(), b.next(), b.next()]);
    });
});

describe("FaultInjector", () => {
    it("injects a certain fault into every matching call and none into others", () => {
        const injector = new FaultInjector(42);
        const faults: FaultSettings[] = [{ operation: "Enable", kind: "throttle" }];
        assert.equal(pattern(injector, faults, 3), "111");
        assert.equal(pattern(injector, faults, 3, "Disable"), "000");
    });

    it("matches every operation with *, and only the named service when one is given", () => {
        const injector = new FaultInjector(42);
        const faults: FaultSettings[] = [{ service: "inspector", operation: "*", kind: "internal" }];
        assert.equal(injector.decide("inspector", "StartAssessmentRun", faults).fault?.kind, "internal");
        assert.equal(injector.decide("inspector2", "Enable", faults).fault, undefined);
    });

    it("leaves STS alone unless a fault names it", () => {
        const injector = new FaultInjector(42);
        const faults: FaultSettings[] = [
            { operation: "*", kind: "internal", probability: 0.5 },
            { operation: "*", kind: "latency", value: 5 },
        ];
        const before = new FaultInjector(42);
        for (let call = 0; call < 5; call++) {
            assert.deepEqual(injector.decide("sts", "GetCallerIdentity", faults), { latencyMs: 0 });
        }
        // No draws were spent on STS calls: the Inspector calls meet the same faults as without them.
        assert.equal(pattern(injector, faults, 16), pattern(before, faults, 16));
        const named: FaultSettings[] = [{ service: "sts", operation: "AssumeRole", kind: "throttle" }];
        assert.equal(injector.decide("sts", "AssumeRole", named).fault?.kind, "throttle");
        assert.equal(injector.decide("inspector2", "Enable", named).fault, undefined);
    });

    it("stops after count injections", () => {
        const injector = new FaultInjector(42);
        assert.equal(pattern(injector, [{ operation: "Enable", kind: "drop", count: 2 }], 5), "11000");
    });

    it("counts afresh for fault entries that replace the old ones", () => {
        const injector = new FaultInjector(42);
        assert.equal(pattern(injector, [{ operation: "Enable", kind: "drop", count: 1 }], 2), "10");
        assert.equal(pattern(injector, [{ operation: "Enable", kind: "drop", count: 1 }], 2), "10");
    });

    it("chooses the same calls for the same seed, and restart replays them", () => {
        const faults: FaultSettings[] = [{ operation: "*", kind: "throttle", probability: 0.5 }];
        const first = pattern(new FaultInjector(42), faults, 40);
        assert.equal(pattern(new FaultInjector(42), faults, 40), first);
        const injector = new FaultInjector(99);
        const other = pattern(injector, faults, 40);
        assert.notEqual(other, first);
        injector.restart(42);
        assert.equal(pattern(injector, faults, 40), first);
    });

    it("injects roughly the configured share of calls", () => {
        const hits = [
            ...pattern(new FaultInjector(3), [{ operation: "*", kind: "internal", probability: 0.25 }], 2000),
        ].filter((mark) => mark === "1").length;
        assert.ok(hits > 400 && hits < 600, `${hits} of 2000`);
    });

    it("adds up latency faults and goes on to the next fault", () => {
        const injector = new FaultInjector(42);
        const decision = injector.decide("inspector2", "Enable", [
            { operation: "*", kind: "latency", value: 30 },
            { operation: "Enable", kind: "latency", value: 12 },
            { operation: "Enable", kind: "unavailable" },
        ]);
        assert.equal(decision.latencyMs, 42);
        assert.equal(decision.fault?.kind, "unavailable");
    });

    it("answers the first error fault that fires", () => {
        const injector = new FaultInjector(42);
        const decision = injector.decide("inspector2", "Enable", [
            { operation: "Enable", kind: "internal", probability: 0 },
            { operation: "Enable", kind: "throttle", value: 3 },
            { operation: "Enable", kind: "drop" },
        ]);
        assert.deepEqual(decision, {
            latencyMs: 0,
            fault: { operation: "Enable", kind: "throttle", value: 3 },
        });
    });
});
