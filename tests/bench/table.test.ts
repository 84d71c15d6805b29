import assert from "node:assert/strict";
import { formatBytes, formatMs, formatRatio, formatTiming, markdownTable } from "../../bench/table";

describe("bench table", () => {
    it("prints aligned Markdown with a verdict column", () => {
        const table = markdownTable([
            {
                figure: "calls / floor, N = 1",
                measured: "7 calls",
                baseline: "floor 7",
                ratio: "× 1.00",
                target: "≤ 1.1",
                met: true,
            },
            {
                figure: "reaction",
                measured: "1.01 s",
                baseline: "",
                ratio: "× 1.01",
                target: "≤ × 1",
                met: false,
            },
            { figure: "state file", measured: "2 MiB", baseline: "", ratio: "", target: "few MB" },
        ]);
        const lines = table.split("\n");
        assert.equal(lines.length, 5);
        assert.match(lines[0], /^\| figure +\| measured +\| baseline +\| ratio +\| target +\| met \|$/);
        assert.match(lines[1], /^\|-+\|-+\|-+\|-+\|-+\|-+\|$/);
        assert.match(lines[2], /\| yes \|$/);
        assert.ok(lines[3].endsWith("| NO  |"));
        assert.ok(lines[4].endsWith("|     |"));
        assert.equal(new Set(lines.map((line) => line.length)).size, 1);
    });

    it("formats durations, sizes and ratios", () => {
        assert.equal(formatMs(4.25), "4.3 ms");
        assert.equal(formatMs(250), "250 ms");
        assert.equal(formatMs(4_410), "4.41 s");
        assert.equal(formatMs(27_800), "27.8 s");
        assert.equal(formatBytes(201), "201 B");
        assert.equal(formatBytes(2_048), "2.0 KiB");
        assert.equal(formatBytes(3 * 1024 * 1024), "3.0 MiB");
        assert.equal(formatRatio(1.004), "× 1.00");
        assert.equal(
            formatTiming({ min: 900, median: 1_000, runs: 3 }),
            "min 900 ms, median 1.00 s (3 runs)",
        );
    });
});
