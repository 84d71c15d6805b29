import assert from "node:assert/strict";
import { RegionGate, regionGate } from "../../provider/aws/pacing";

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe("region gate (pacing per service and region)", () => {
    it("runs no more calls at once than allowed, and every call's result comes back", async () => {
        const gate = new RegionGate(2);
        let running = 0;
        let mostAtOnce = 0;
        const results = await Promise.all(
            Array.from({ length: 9 }, (_, index) =>
                gate.run(async () => {
                    running++;
                    mostAtOnce = Math.max(mostAtOnce, running);
                    await tick();
                    running--;
                    return index;
                }),
            ),
        );
        assert.equal(mostAtOnce, 2);
        assert.deepEqual(results, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it("frees a slot when a call fails", async () => {
        const gate = new RegionGate(1);
        await assert.rejects(
            gate.run(() => Promise.reject(new Error("throttled"))),
            { message: "throttled" },
        );
        assert.equal(await gate.run(async () => "next"), "next");
    });

    it("holds every call through a paused gate back, and leaves other regions alone", async () => {
        const paused = new RegionGate(4);
        const other = new RegionGate(4);
        const order: string[] = [];
        paused.pause(50);
        await Promise.all([
            paused.run(async () => void order.push("paused region")),
            other.run(async () => void order.push("other region")),
        ]);
        assert.deepEqual(order, ["other region", "paused region"]);
    });

    it("is shared per service and region within the process", () => {
        assert.equal(regionGate("inspector2", "eu-west-1"), regionGate("inspector2", "eu-west-1"));
        assert.notEqual(regionGate("inspector2", "eu-west-1"), regionGate("inspector2", "eu-west-2"));
        assert.notEqual(regionGate("inspector2", "eu-west-1"), regionGate("inspector", "eu-west-1"));
    });
});
