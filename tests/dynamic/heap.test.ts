import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import {
    collectingAfterLargeCalls,
    holdsAtLeast,
    LARGE_CALL_VALUES,
    processCollector,
    type Collector,
} from "../../provider/dynamic/heap";

/** A collector that only counts. */
function countingCollector(): Collector & { runs: number } {
    return {
        runs: 0,
        collect() {
            this.runs++;
        },
    };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** State of `count` accounts, as a large enablement records it. */
const accounts = (count: number) => ({
    accountIds: Array.from({ length: count }, (_, index) => String(100_000_000_000 + index)),
});

describe("the provider process's heap: a collection after large calls", () => {
    it("counts values up to a limit, and no further", () => {
        assert.equal(holdsAtLeast({ a: [1, 2], b: { c: "x" } }, 6), true);
        assert.equal(holdsAtLeast({ a: [1, 2], b: { c: "x" } }, 7), false);
        assert.equal(holdsAtLeast(accounts(1_000)), false);
        assert.equal(holdsAtLeast(accounts(LARGE_CALL_VALUES)), true);
    });

    it("collects around each large call, never around small ones, failed calls included", async () => {
        const collector = countingCollector();
        const provider = collectingAfterLargeCalls(
            {
                check: async (_olds, news) => ({ inputs: news }),
                diff: async () => ({ changes: false }),
                create: async (inputs) => ({ id: "id", outs: inputs }),
                read: async (id) => ({ id, props: accounts(3 * LARGE_CALL_VALUES) }),
                update: async () => Promise.reject(new Error("failed")),
            } as pulumi.dynamic.ResourceProvider,
            collector,
        );
        // Fifty small resources at preview: nothing collected.
        for (let index = 0; index < 50; index++) {
            const { inputs } = await provider.check!({}, { name: `r${index}` });
            await provider.diff!("id", inputs, inputs);
        }
        await nextTurn();
        assert.equal(collector.runs, 0);
        // Large arguments: one collection before the call, one after it once the host has its answer.
        const created = provider.create(accounts(LARGE_CALL_VALUES));
        assert.equal(collector.runs, 1);
        await created;
        assert.equal(collector.runs, 1, "collected before the host turned the result into its answer");
        await nextTurn();
        assert.equal(collector.runs, 2);
        // A large result: one after. A large call that failed: before and after.
        await provider.read!("id", {});
        await nextTurn();
        assert.equal(collector.runs, 3);
        await assert.rejects(provider.update!("id", {}, accounts(LARGE_CALL_VALUES)));
        await nextTurn();
        assert.equal(collector.runs, 5);
    });

    it("has V8's full collection in this process", () => {
        const before = processCollector.runs;
        processCollector.collect();
        assert.equal(processCollector.runs, before + 1);
    });
});
