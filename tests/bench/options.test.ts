import assert from "node:assert/strict";
import { DEFAULT_RUNS, parseOptions, ROW_IDS } from "../../bench/options";

describe("bench options", () => {
    it("runs every row by default", () => {
        assert.deepEqual(parseOptions([]), { rows: ROW_IDS, runs: DEFAULT_RUNS, realClock: false });
    });

    it("selects rows in the bench's order, once each, with state as the memory row", () => {
        const options = parseOptions(["preview", "calls", "state", "calls", "--runs", "5", "--real-clock"]);
        assert.deepEqual(options, { rows: ["calls", "memory", "preview"], runs: 5, realClock: true });
    });

    it("refuses an unknown row and a bad run count, with the usage", () => {
        assert.throws(() => parseOptions(["speed"]), /unknown row or option "speed"[\s\S]*usage/);
        assert.throws(() => parseOptions(["--runs", "0"]), /--runs 0/);
        assert.throws(() => parseOptions(["--runs"]), /--runs undefined/);
    });
});
