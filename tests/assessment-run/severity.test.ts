import assert from "node:assert/strict";
import {
    completeCounts,
    formatCounts,
    parseSeverity,
    severitiesAtOrAbove,
} from "../../provider/assessment-run/severity";

describe("AssessmentRun severities", () => {
    describe("parseSeverity", () => {
        const cases: [string, string | undefined][] = [
            ["High", "High"],
            ["high", "High"],
            ["MEDIUM", "Medium"],
            ["low", "Low"],
            ["informational", "Informational"],
            ["Undefined", undefined],
            ["Critical", undefined],
            ["", undefined],
        ];
        for (const [text, expected] of cases) {
            it(`${JSON.stringify(text)} -> ${expected}`, () => assert.equal(parseSeverity(text), expected));
        }
    });

    describe("severitiesAtOrAbove", () => {
        const cases: [Parameters<typeof severitiesAtOrAbove>[0], string[]][] = [
            ["High", ["High"]],
            ["Medium", ["High", "Medium"]],
            ["Low", ["High", "Medium", "Low"]],
            ["Informational", ["High", "Medium", "Low", "Informational"]],
        ];
        for (const [threshold, expected] of cases) {
            it(threshold, () => assert.deepEqual(severitiesAtOrAbove(threshold), expected));
        }
    });

    it("completes Inspector's counts with zeros and ignores unknown keys", () => {
        assert.deepEqual(completeCounts({ High: 2, Low: 1, Bogus: 5 }), {
            High: 2,
            Medium: 0,
            Low: 1,
            Informational: 0,
            Undefined: 0,
        });
        assert.deepEqual(completeCounts(undefined), {
            High: 0,
            Medium: 0,
            Low: 0,
            Informational: 0,
            Undefined: 0,
        });
    });

    it("formats counts in severity order", () => {
        assert.equal(
            formatCounts({ High: 1, Medium: 2, Low: 3, Informational: 4, Undefined: 5 }),
            "High 1, Medium 2, Low 3, Informational 4, Undefined 5",
        );
    });
});
