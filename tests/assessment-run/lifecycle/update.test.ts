import assert from "node:assert/strict";
import { DeleteAssessmentRunCommand } from "@aws-sdk/client-inspector";
import { classicClient } from "../../../provider/aws/clients";
import type { AssessmentRunOutputs } from "../../../provider/assessment-run/outputs";
import { PartialFailure } from "../../../provider/dynamic/partial-failure";
import { createRun, updateRun } from "../../../provider/assessment-run/lifecycle";
import { runInputs, useEmulator } from "../emulator-fixture";
import { testContext } from "../../support/test-context";

/** The state the engine recorded from a partial failure: what update receives as its olds. */
function recorded(failure: PartialFailure): AssessmentRunOutputs {
    return failure.properties as unknown as AssessmentRunOutputs;
}

/** The error a promise rejects with (failing the test if it resolves). */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
        () => assert.fail("expected a failure"),
        (error: unknown) => error,
    );
}

describe("AssessmentRun update (the next pulumi up) against the emulator", () => {
    const fixture = useEmulator();
    const starts = () =>
        fixture.emulator.admin.calls().filter((call) => call.operation === "StartAssessmentRun");

    it("after a failed gate: checks the same run again, fails with the same message, starts nothing", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { findingCounts: { High: 1 } } });
        const inputs = runInputs(emulator.templateArn, { assessmentRunName: "gate", failOnFindings: "High" });
        const first = await failureOf(createRun(inputs, testContext()));
        assert.ok(first instanceof PartialFailure);

        // The engine recorded first.id and calls update with the same inputs on the next pulumi up.
        const again = await failureOf(updateRun(first.id, recorded(first), inputs, testContext()));
        assert.ok(again instanceof PartialFailure);
        assert.equal(again.message, first.message);
        assert.equal(again.id, first.id);
        assert.equal(starts().length, 1);
    });

    it("after a failed gate: relaxing failOnFindings lets the update through without a new run", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { findingCounts: { Low: 3 } } });
        const gated = runInputs(emulator.templateArn, { assessmentRunName: "gate", failOnFindings: "Low" });
        const first = await failureOf(createRun(gated, testContext()));
        assert.ok(first instanceof PartialFailure);

        const relaxed = runInputs(emulator.templateArn, {
            assessmentRunName: "gate",
            failOnFindings: "Medium",
        });
        const { outs } = await updateRun(first.id, recorded(first), relaxed, testContext());
        assert.equal(outs.assessmentRunArn, first.id);
        assert.equal(outs.failOnFindings, "Medium");
        assert.deepEqual(outs.findingCounts, { High: 0, Medium: 0, Low: 3, Informational: 0, Undefined: 0 });
        assert.equal(starts().length, 1);
    });

    it("after a timed-out wait: waits for the same run until it has finished", async () => {
        const { emulator } = fixture;
        const inputs = runInputs(emulator.templateArn, {
            assessmentRunName: "slow",
            waitForCompletion: true,
            waitTimeoutSeconds: 1,
        });
        // The provider's clock runs 1000 times faster than the emulator's run: its one-second wait ends first.
        const began = Date.now();
        const hurried = { ...testContext(), now: () => began + (Date.now() - began) * 1000 };
        const timedOut = await failureOf(createRun(inputs, hurried));
        assert.ok(timedOut instanceof PartialFailure);
        assert.notEqual(timedOut.properties.state, "COMPLETED");

        const { outs } = await updateRun(
            timedOut.id,
            recorded(timedOut),
            { ...inputs, waitTimeoutSeconds: 600 },
            testContext(),
        );
        assert.equal(outs.assessmentRunArn, timedOut.id);
        assert.equal(outs.state, "COMPLETED");
        assert.equal(starts().length, 1);
    });

    it("only re-reads the run when nothing asks to wait, even a FAILED one", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { outcome: "FAILED" } });
        const inputs = runInputs(emulator.templateArn, { assessmentRunName: "quiet" });
        const { id, outs: created } = await createRun(inputs, testContext());
        await new Promise((resolve) => setTimeout(resolve, 100)); // it fails within about 1 ms at this time scale
        const { outs } = await updateRun(id, created, { ...inputs, deleteOnDestroy: true }, testContext());
        assert.equal(outs.state, "FAILED");
        assert.equal(outs.deleteOnDestroy, true);
        assert.equal(outs.assessmentRunArn, id);
        assert.equal(starts().length, 1);
    });

    it("says to refresh when the run was deleted outside Pulumi", async () => {
        const { emulator } = fixture;
        const inputs = runInputs(emulator.templateArn, {
            assessmentRunName: "gone",
            waitForCompletion: true,
        });
        const { id, outs } = await createRun(inputs, testContext());
        await classicClient("us-east-1").send(new DeleteAssessmentRunCommand({ assessmentRunArn: id }));
        await assert.rejects(updateRun(id, outs, inputs, testContext()), {
            message:
                `Assessment run "gone" (${id}) no longer exists in Inspector: it was deleted outside Pulumi. Run ` +
                `pulumi refresh to drop it from the state; the next pulumi up starts a new run.`,
        });
    });
});
