import assert from "node:assert/strict";
import { SkippingClock } from "../../bench/clock";

describe("bench skipping clock", () => {
    it("moves on by every pause at once, on top of real time", async () => {
        let real = 1_000;
        const clock = new SkippingClock(() => real);
        assert.equal(clock.now(), 1_000);
        await clock.sleep(120_000);
        assert.equal(clock.now(), 121_000);
        real += 50;
        await clock.sleep(-5);
        assert.equal(clock.now(), 121_050);
        assert.deepEqual(clock.pauses, [120_000, 0]);
    });
});
