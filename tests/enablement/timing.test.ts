import assert from "node:assert/strict";
import { pollPause, retryPause, timingFor } from "../../provider/enablement/timing";

describe("enablement timing", () => {
    const timing = timingFor({ pollIntervalSeconds: 3, waitTimeoutSeconds: 900 }, 1_000_000);

    it("derives pauses and the deadline from the inputs", () => {
        assert.deepEqual(timing, { pollMs: 3000, maxPollMs: 30_000, deadline: 1_000_000 + 900_000 });
    });

    it("grows the pause between status checks by half each time, up to ten times the interval", () => {
        assert.deepEqual(
            [0, 1, 2, 3, 4, 5, 6, 7].map((pauses) => pollPause(timing, pauses)),
            [3000, 4500, 6750, 10_125, 15_187.5, 22_781.25, 30_000, 30_000],
        );
    });

    const retries: [string, () => number, number[]][] = [
        ["at least half the cap", () => 0, [3000, 6000, 12_000, 15_000, 15_000]],
        ["at most the cap", () => 1, [6000, 12_000, 24_000, 30_000, 30_000]],
    ];
    for (const [name, random, expected] of retries) {
        it(`backs off retries exponentially, ${name}`, () => {
            assert.deepEqual(
                [1, 2, 3, 4, 5].map((attempt) => retryPause(timing, attempt, random)),
                expected,
            );
        });
    }
});
