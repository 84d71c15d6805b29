import assert from "node:assert/strict";
import { DEFAULT_WAIT_POLICY, nextPollDelay } from "../../provider/assessment-run/wait-policy";

describe("AssessmentRun poll back-off", () => {
    it("starts at 5 s and grows by half each time up to a minute", () => {
        const delays: number[] = [];
        let delay: number | undefined;
        for (let poll = 0; poll < 9; poll++) delays.push((delay = nextPollDelay(delay, DEFAULT_WAIT_POLICY)));
        assert.deepEqual(delays, [5000, 7500, 11250, 16875, 25313, 37970, 56955, 60000, 60000]);
    });

    it("follows a shrunk policy", () => {
        const policy = { ...DEFAULT_WAIT_POLICY, initialPollMs: 10, maxPollMs: 25, backoffFactor: 2 };
        assert.deepEqual(
            [undefined, 10, 20, 25].map((previous) => nextPollDelay(previous, policy)),
            [10, 20, 25, 25],
        );
    });
});
