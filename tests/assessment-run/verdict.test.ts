import assert from "node:assert/strict";
import { type FinishedRun, judgeFinishedRun, type Verdict } from "../../provider/assessment-run/verdict";

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
