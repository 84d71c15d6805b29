import assert from "node:assert/strict";
import { ratio, summarise } from "../../bench/stats";

describe("bench statistics", () => {
    it("reports the minimum and the median of an odd count", () => {
        assert.deepEqual(summarise([30, 10, 20]), { min: 10, median: 20, runs: 3 });
    });

    it("takes the mean of the two middle values for an even count", () => {
        assert.deepEqual(summarise([4, 1, 3, 2]), { min: 1, median: 2.5, runs: 4 });
    });

    it("leaves its input alone", () => {
        const values = [3, 1, 2];
        summarise(values);
        assert.deepEqual(values, [3, 1, 2]);
    });

    it("refuses no values and values that are not finite", () => {
        assert.throws(() => summarise([]), RangeError);
        assert.throws(() => summarise([1, Number.NaN]), RangeError);
    });

    it("divides, refusing a denominator that is not positive", () => {
        assert.equal(ratio(3, 2), 1.5);
        assert.throws(() => ratio(1, 0), RangeError);
    });
});
