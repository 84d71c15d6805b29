import assert from "node:assert/strict";
import { PartialFailure } from "../../../provider/dynamic/partial-failure";
import { createRun } from "../../../provider/assessment-run/lifecycle";
import { runInputs, useEmulator } from "../emulator-fixture";
import { testContext } from "../../support/test-context";

describe("AssessmentRun waiting and the findings gate against the emulator", () => {
    const fixture = useEmulator();
    const starts = () =>
        fixture.emulator.admin.calls().filter((call) => call.operation === "StartAssessmentRun");

    it("waits until the run has completed, reporting progress, and records the final counts", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { findingCounts: { High: 0, Medium: 2, Low: 5 } } });
        const context = testContext();
        const { outs } = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "release-42", waitForCompletion: true }),
            context,
        );
        assert.equal(outs.state, "COMPLETED");
        assert.equal(outs.dataCollected, true);
        assert.ok(!Number.isNaN(Date.parse(String(outs.completedAt))));
        assert.deepEqual(outs.findingCounts, { High: 0, Medium: 2, Low: 5, Informational: 0, Undefined: 0 });
        // Started, then progress lines in the documented shape, then the final state.
        assert.match(context.logs[0], /^release-42: started arn:/);
        assert.ok(context.logs.slice(1, -1).length > 0, "progress was reported while waiting");
        for (const line of context.logs.slice(1, -1)) {
            assert.match(line, /^release-42: [A-Z_]+ \((\d+ min of 60|after \d+ min)\)$/);
        }
        assert.equal(context.logs.at(-1), "release-42: COMPLETED");
    });

    it("passes the gate when nothing is at or above the threshold", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({
            classic: { findingCounts: { Medium: 4, Low: 9, Informational: 3, Undefined: 7 } },
        });
        const { outs } = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "gate-pass", failOnFindings: "High" }),
            testContext(),
        );
        assert.equal(outs.state, "COMPLETED");
        assert.equal(outs.failOnFindings, "High");
    });

    it("fails the gate with the counts, keeping the finished run in the state (PartialFailure)", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { findingCounts: { High: 2, Medium: 1 } } });
        const inputs = runInputs(emulator.templateArn, {
            assessmentRunName: "gate-fail",
            failOnFindings: "medium",
        });
        const failure = await createRun(inputs, testContext()).then(
            () => assert.fail("the gate should fail"),
            (error: unknown) => error,
        );
        assert.ok(failure instanceof PartialFailure);
        assert.equal(
            failure.message,
            `Assessment run "gate-fail" has 3 findings at or above failOnFindings "Medium" (High 2, Medium 1, Low 0, ` +
                `Informational 0, Undefined 0). Review them in Inspector (run ${failure.id}); after fixing them, start ` +
                `a new run by changing triggers, or change failOnFindings. Until then every pulumi up fails here ` +
                `without starting the run again.`,
        );
        assert.match(failure.id, /\/run\/0-\w+$/);
        assert.equal(failure.properties.assessmentRunArn, failure.id);
        assert.equal(failure.properties.state, "COMPLETED");
        assert.deepEqual(failure.properties.findingCounts, {
            High: 2,
            Medium: 1,
            Low: 0,
            Informational: 0,
            Undefined: 0,
        });
        assert.equal(starts().length, 1);
    });

    it("fails with the run's own notifications when it ends FAILED", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { outcome: "FAILED" } });
        const failure = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "doomed", waitForCompletion: true }),
            testContext(),
        ).then(
            () => assert.fail("a FAILED run should fail the update"),
            (error: unknown) => error,
        );
        assert.ok(failure instanceof PartialFailure);
        assert.equal(
            failure.message,
            `Assessment run "doomed" ended FAILED: Assessment run doomed failed: the agents of the assessment target ` +
                `did not start data collection (run ${failure.id}). Fix the cause, then start a new run by changing ` +
                `triggers (or with pulumi up --replace <urn>).`,
        );
        assert.equal(failure.properties.state, "FAILED");
    });

    it("warns, without failing, when the run completes with errors", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { outcome: "COMPLETED_WITH_ERRORS" } });
        const context = testContext();
        const { outs } = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "partial", waitForCompletion: true }),
            context,
        );
        assert.equal(outs.state, "COMPLETED_WITH_ERRORS");
        assert.deepEqual(context.warnings, [
            'Assessment run "partial" completed with errors: Assessment run partial completed with errors: some ' +
                "rules could not be evaluated. Its findings may be incomplete.",
        ]);
    });

    it("times out into a PartialFailure that keeps the unfinished run", async () => {
        const { emulator } = fixture;
        // Real time: the run collects data for an hour, far longer than the one-second wait.
        emulator.admin.updateSettings({ classic: { timeScale: 1 } });
        const failure = await createRun(
            runInputs(emulator.templateArn, {
                assessmentRunName: "slow",
                waitForCompletion: true,
                waitTimeoutSeconds: 1,
            }),
            testContext({ policy: { maxPollMs: 200 } }),
        ).then(
            () => assert.fail("the wait should time out"),
            (error: unknown) => error,
        );
        assert.ok(failure instanceof PartialFailure);
        assert.match(
            failure.message,
            /^Assessment run "slow" is still (CREATED|START_DATA_COLLECTION_PENDING|START_DATA_COLLECTION_IN_PROGRESS) after this update waited 1 s \(waitTimeoutSeconds\)\. It goes on in Inspector and stays recorded in the state: the next pulumi up waits for the same run again\. Raise waitTimeoutSeconds to wait longer in one update\.$/,
        );
        assert.equal(failure.properties.assessmentRunArn, failure.id);
        assert.equal(failure.properties.waitTimeoutSeconds, 1);
    });

    it("does not wait by default: create returns while the run is in progress", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { timeScale: 1 } });
        const { outs } = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "no-wait" }),
            testContext(),
        );
        assert.equal(outs.waitForCompletion, false);
        assert.equal(outs.state, "CREATED");
        assert.equal(outs.completedAt, undefined);
    });
});
