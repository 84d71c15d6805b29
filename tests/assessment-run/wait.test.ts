import assert from "node:assert/strict";
import { formatProgress } from "../../provider/assessment-run/wait";

describe("AssessmentRun progress lines", () => {
    const cases: { args: Parameters<typeof formatProgress>; expected: string }[] = [
        {
            args: ["release-42", "COLLECTING_DATA", 12 * 60 + 59, 3600],
            expected: "release-42: COLLECTING_DATA (12 min of 60)",
        },
        { args: ["release-42", "CREATED", 3, 900], expected: "release-42: CREATED (0 min of 15)" },
        {
            args: ["release-42", "START_DATA_COLLECTION_PENDING", -5, 180],
            expected: "release-42: START_DATA_COLLECTION_PENDING (0 min of 3)",
        },
        {
            args: ["release-42", "COLLECTING_DATA", 60, 200],
            expected: "release-42: COLLECTING_DATA (1 min of 4)",
        },
        {
            args: ["release-42", "EVALUATING_RULES", 63 * 60, 3600],
            expected: "release-42: EVALUATING_RULES (after 63 min)",
        },
    ];
    for (const { args, expected } of cases) {
        it(expected, () => assert.equal(formatProgress(...args), expected));
    }
});
