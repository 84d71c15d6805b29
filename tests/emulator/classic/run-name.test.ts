import assert from "node:assert/strict";
import { defaultRunName, MAX_RUN_NAME_LENGTH } from "../../../emulator/classic/run-name";

const NOW = Date.UTC(2024, 4, 19, 6, 52, 0, 131);

describe("Classic default run names", () => {
    it("name the template and the start time, like AWS", () => {
        assert.equal(defaultRunName("nightly", NOW, new Set()), "Run - nightly - 2024-05-19T06:52:00.131Z");
    });

    it("add a copy number when a run of the template started in the same millisecond", () => {
        const first = "Run - nightly - 2024-05-19T06:52:00.131Z";
        assert.equal(defaultRunName("nightly", NOW, new Set([first])), `${first} (2)`);
        assert.equal(defaultRunName("nightly", NOW, new Set([first, `${first} (2)`])), `${first} (3)`);
    });

    it("shorten a long template name to keep within 140 characters", () => {
        const name = defaultRunName("t".repeat(140), NOW, new Set());
        assert.equal(name.length, MAX_RUN_NAME_LENGTH);
        assert.match(name, /^Run - t+ - 2024-05-19T06:52:00\.131Z$/);
        const copy = defaultRunName("t".repeat(140), NOW, new Set([name]));
        assert.equal(copy.length, MAX_RUN_NAME_LENGTH);
        assert.match(copy, / \(2\)$/);
    });
});
