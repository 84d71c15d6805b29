import assert from "node:assert/strict";
import type { FailOnSeverity } from "../../provider/assessment-run/args";
import {
    completeCounts,
    evaluateGate,
    type FindingCounts,
    type FinishedRun,
    formatCounts,
    judgeFinishedRun,
    RANKED_SEVERITIES,
    severitiesAtOrAbove,
    type Verdict,
} from "../../provider/assessment-run/verdict";
import { canonicalChoice } from "../../provider/dynamic/check";

const RUN = {
    name: "release-42",
    arn: "arn:aws:inspector:us-west-2:123456789012:target/0-a/template/0-b/run/0-c",
};
const counts = (partial: Partial<FindingCounts>): FindingCounts => ({
    High: 0,
    Medium: 0,
    Low: 0,
    Informational: 0,
    Undefined: 0,
    ...partial,
});

describe("AssessmentRun findings gate", () => {
    const cases: {
        title: string;
        threshold: FailOnSeverity | undefined;
        counts: FindingCounts;
        passed: boolean;
        blocking: number;
    }[] = [
        {
            title: "no gate passes whatever was found",
            threshold: undefined,
            counts: counts({ High: 9 }),
            passed: true,
            blocking: 0,
        },
        {
            title: "High ignores Medium and below",
            threshold: "High",
            counts: counts({ Medium: 5, Low: 2 }),
            passed: true,
            blocking: 0,
        },
        {
            title: "High fails on one High",
            threshold: "High",
            counts: counts({ High: 1 }),
            passed: false,
            blocking: 1,
        },
        {
            title: "Medium counts High and Medium",
            threshold: "Medium",
            counts: counts({ High: 1, Medium: 2, Low: 4 }),
            passed: false,
            blocking: 3,
        },
        {
            title: "Low counts High, Medium and Low",
            threshold: "Low",
            counts: counts({ Low: 4, Informational: 6 }),
            passed: false,
            blocking: 4,
        },
        {
            title: "Informational counts every ranked severity",
            threshold: "Informational",
            counts: counts({ High: 1, Medium: 1, Low: 1, Informational: 1 }),
            passed: false,
            blocking: 4,
        },
        {
            title: "Undefined findings never count",
            threshold: "Informational",
            counts: counts({ Undefined: 8 }),
            passed: true,
            blocking: 0,
        },
    ];
    for (const { title, threshold, counts: found, passed, blocking } of cases) {
        it(title, () => {
            const result = evaluateGate(RUN, threshold, found);
            assert.equal(result.passed, passed);
            assert.equal(result.blocking, blocking);
            assert.equal(result.message === undefined, passed);
        });
    }

    it("says which run, the threshold, every count and how to get past it", () => {
        assert.equal(
            evaluateGate(RUN, "Medium", counts({ High: 1, Medium: 2, Low: 4, Undefined: 1 })).message,
            'Assessment run "release-42" has 3 findings at or above failOnFindings "Medium" (High 1, Medium 2, ' +
                `Low 4, Informational 0, Undefined 1). Review them in Inspector (run ${RUN.arn}); after fixing them, ` +
                "start a new run by changing triggers, or change failOnFindings. Until then every pulumi up fails " +
                "here without starting the run again.",
        );
    });

    it("uses the singular for one finding", () => {
        assert.match(
            evaluateGate(RUN, "High", counts({ High: 1 })).message ?? "",
            /has 1 finding at or above/,
        );
    });
});

describe("AssessmentRun severities", () => {
    describe("a threshold in any letter case (canonicalChoice over the ranked severities)", () => {
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
            it(`${JSON.stringify(text)} -> ${expected}`, () =>
                assert.equal(canonicalChoice(RANKED_SEVERITIES, text), expected));
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

const ARN = "arn:aws:inspector:us-west-2:123456789012:target/0-a/template/0-b/run/0-c";
const NONE = { High: 0, Medium: 0, Low: 0, Informational: 0, Undefined: 0 };
const run = (state: string, overrides: Partial<FinishedRun> = {}): FinishedRun => ({
    name: "release-42",
    arn: ARN,
    state,
    findingCounts: NONE,
    errorNotes: [],
    ...overrides,
});
const NEW_RUN = "start a new run by changing triggers (or with pulumi up --replace <urn>)";

describe("AssessmentRun verdict on a finished run", () => {
    const cases: { title: string; run: FinishedRun; gate?: "High"; expected: Verdict }[] = [
        {
            title: "COMPLETED without a gate",
            run: run("COMPLETED", { findingCounts: { ...NONE, High: 3 } }),
            expected: {},
        },
        { title: "COMPLETED passing the gate", run: run("COMPLETED"), gate: "High", expected: {} },
        {
            title: "FAILED, with Inspector's notes",
            run: run("FAILED", { errorNotes: ["agents did not respond", "no data"] }),
            expected: {
                failure: `Assessment run "release-42" ended FAILED: agents did not respond; no data (run ${ARN}). Fix the cause, then ${NEW_RUN}.`,
            },
        },
        {
            title: "ERROR without notes",
            run: run("ERROR"),
            expected: {
                failure: `Assessment run "release-42" ended ERROR: Inspector gave no reason (run ${ARN}). Fix the cause, then ${NEW_RUN}.`,
            },
        },
        {
            title: "CANCELED without a gate only warns",
            run: run("CANCELED"),
            expected: {
                warning: `Assessment run "release-42" was canceled before it completed (run ${ARN}).`,
            },
        },
        {
            title: "CANCELED with a gate fails: the findings are incomplete",
            run: run("CANCELED"),
            gate: "High",
            expected: {
                failure:
                    `Assessment run "release-42" was canceled before it completed, so failOnFindings "High" cannot ` +
                    `be checked (run ${ARN}); ${NEW_RUN}.`,
            },
        },
        {
            title: "COMPLETED_WITH_ERRORS warns, and the gate still applies",
            run: run("COMPLETED_WITH_ERRORS", {
                findingCounts: { ...NONE, High: 1 },
                errorNotes: ["rule X failed"],
            }),
            gate: "High",
            expected: {
                failure:
                    'Assessment run "release-42" has 1 finding at or above failOnFindings "High" (High 1, Medium 0, ' +
                    `Low 0, Informational 0, Undefined 0). Review them in Inspector (run ${ARN}); after fixing them, ` +
                    "start a new run by changing triggers, or change failOnFindings. Until then every pulumi up " +
                    "fails here without starting the run again.",
                warning:
                    'Assessment run "release-42" completed with errors: rule X failed. Its findings may be incomplete.',
            },
        },
        {
            title: "a run still in progress gets no verdict",
            run: run("EVALUATING_RULES"),
            gate: "High",
            expected: {},
        },
    ];
    for (const { title, run: finished, gate, expected } of cases) {
        it(title, () => assert.deepEqual(judgeFinishedRun(finished, gate), expected));
    }
});
