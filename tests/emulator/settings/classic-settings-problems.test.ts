import assert from "node:assert/strict";
import { classicBehaviourProblems } from "../../../emulator/settings/classic-settings-problems";

function problems(classic: Record<string, unknown>): string[] {
    const found: string[] = [];
    classicBehaviourProblems(classic, (path, value, rule) =>
        found.push(`${path} ${JSON.stringify(value)} ${rule}`),
    );
    return found;
}

describe("Classic behaviour settings", () => {
    const valid: readonly Record<string, unknown>[] = [
        {},
        { outcome: "COMPLETED" },
        { outcome: "COMPLETED_WITH_ERRORS" },
        { outcome: "FAILED" },
        { outcome: null, findingCounts: null },
        { findingCounts: {} },
        { findingCounts: { High: 3, Medium: 0, Low: 1, Informational: 9, Undefined: 0 } },
    ];
    for (const classic of valid) {
        it(`accepts ${JSON.stringify(classic)}`, () => {
            assert.deepEqual(problems(classic), []);
        });
    }

    const invalid: readonly [classic: Record<string, unknown>, expected: string[]][] = [
        [
            { outcome: "CANCELED" },
            ['classic.outcome "CANCELED" must be COMPLETED, COMPLETED_WITH_ERRORS, FAILED or null'],
        ],
        [{ outcome: 1 }, ["classic.outcome 1 must be COMPLETED, COMPLETED_WITH_ERRORS, FAILED or null"]],
        [
            { findingCounts: [1, 2] },
            [
                "classic.findingCounts [1,2] must be an object of counts by severity (High, Medium, Low, Informational, Undefined) or null",
            ],
        ],
        [
            { findingCounts: 5 },
            [
                "classic.findingCounts 5 must be an object of counts by severity (High, Medium, Low, Informational, Undefined) or null",
            ],
        ],
        [
            { findingCounts: { Critical: 1 } },
            [
                "classic.findingCounts.Critical 1 is not a severity; known: High, Medium, Low, Informational, Undefined",
            ],
        ],
        [
            { findingCounts: { High: -1, Low: 1.5, Medium: "2" } },
            [
                "classic.findingCounts.High -1 must be an integer of 0 or more",
                "classic.findingCounts.Low 1.5 must be an integer of 0 or more",
                'classic.findingCounts.Medium "2" must be an integer of 0 or more',
            ],
        ],
    ];
    for (const [classic, expected] of invalid) {
        it(`refuses ${JSON.stringify(classic)}`, () => {
            assert.deepEqual(problems(classic), expected);
        });
    }
});
