import assert from "node:assert/strict";
import { chunk } from "../../provider/enablement/chunk";

describe("enablement chunking", () => {
    const ids = (count: number): string[] =>
        Array.from({ length: count }, (_, i) => String(i).padStart(12, "0"));
    const cases: [string, number, number | undefined, number[]][] = [
        ["nothing", 0, undefined, []],
        ["one account", 1, undefined, [1]],
        ["exactly 100 accounts in one call", 100, undefined, [100]],
        ["101 accounts in two calls", 101, undefined, [100, 1]],
        ["1,000 accounts in ten calls", 1000, undefined, Array(10).fill(100)],
        ["1,001 accounts", 1001, undefined, [...Array(10).fill(100), 1]],
        ["a smaller size", 5, 2, [2, 2, 1]],
    ];
    for (const [name, count, size, sizes] of cases) {
        it(name, () => {
            const items = ids(count);
            const pieces = chunk(items, size);
            assert.deepEqual(
                pieces.map((piece) => piece.length),
                sizes,
            );
            assert.deepEqual(pieces.flat(), items);
        });
    }

    for (const size of [0, -1, 1.5]) {
        it(`refuses size ${size}`, () =>
            assert.throws(() => chunk(["a"], size), {
                name: "RangeError",
                message: `chunk size ${size} is not a whole number above 0`,
            }));
    }
});
