import assert from "node:assert/strict";
import type { FailOnSeverity } from "../../provider/assessment-run/args";
import { evaluateGate } from "../../provider/assessment-run/gate";
import type { FindingCounts } from "../../provider/assessment-run/severity";

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
