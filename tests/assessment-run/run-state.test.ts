import assert from "node:assert/strict";
import { isTerminal, runPhase, type RunPhase } from "../../provider/assessment-run/run-state";

describe("AssessmentRun run states", () => {
    const cases: [string, RunPhase, boolean][] = [
        ["CREATED", "collecting", false],
        ["START_DATA_COLLECTION_PENDING", "collecting", false],
        ["START_DATA_COLLECTION_IN_PROGRESS", "collecting", false],
        ["COLLECTING_DATA", "collecting", false],
        ["STOP_DATA_COLLECTION_PENDING", "collecting", false],
        ["DATA_COLLECTED", "evaluating", false],
        ["START_EVALUATING_RULES_PENDING", "evaluating", false],
        ["EVALUATING_RULES", "evaluating", false],
        ["COMPLETED", "succeeded", true],
        ["COMPLETED_WITH_ERRORS", "succeeded", true],
        ["FAILED", "failed", true],
        ["ERROR", "failed", true],
        ["CANCELED", "canceled", true],
        // A state added to Inspector later is waited on, not mistaken for an end.
        ["SOMETHING_NEW", "evaluating", false],
    ];
    for (const [state, phase, terminal] of cases) {
        it(`${state}: ${phase}${terminal ? ", terminal" : ""}`, () => {
            assert.equal(runPhase(state), phase);
            assert.equal(isTerminal(state), terminal);
        });
    }
});
