import assert from "node:assert/strict";
import { ListAssessmentRunsCommand } from "@aws-sdk/client-inspector";
import { classicClient } from "../../../provider/aws/clients";
import { createRun, deleteRun } from "../../../provider/assessment-run/lifecycle";
import { describeRun } from "../../../provider/assessment-run/operations";
import { runInputs, useEmulator } from "../emulator-fixture";
import { testContext } from "../../support/test-context";

/**
 * At this scale a run collects data for 36 s, far longer than any test, while stopping it takes 0.3 s
 * (SKIP_EVALUATION) or 1.1 s (START_EVALUATION).
 */
const STOPPABLE_TIME_SCALE = 100;

describe("AssessmentRun delete against the emulator", () => {
    const fixture = useEmulator();
    const client = () => classicClient("us-east-1");
    const runsOfTemplate = async () =>
        (
            await client().send(
                new ListAssessmentRunsCommand({ assessmentTemplateArns: [fixture.emulator.templateArn] }),
            )
        ).assessmentRunArns ?? [];
    const operations = () => fixture.emulator.admin.calls().map((call) => call.operation);

    it("stops a run in progress (START_EVALUATION by default) and keeps it with its findings", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { timeScale: STOPPABLE_TIME_SCALE } });
        const inputs = runInputs(emulator.templateArn, { assessmentRunName: "stop-me" });
        const { id } = await createRun(inputs, testContext());
        const context = testContext({ policy: { maxPollMs: 100 } });
        await deleteRun(id, inputs, context);

        const run = await describeRun(testContext(), { region: "us-east-1" }, id);
        assert.equal(run?.state, "COMPLETED");
        assert.deepEqual(await runsOfTemplate(), [id]);
        assert.ok(!operations().includes("DeleteAssessmentRun"));
        assert.match(context.logs[0], /^stop-me: stopping \(START_EVALUATION\), was [A-Z_]+$/);
        assert.equal(
            context.logs.at(-1),
            "stop-me: kept in Inspector with its findings (deleteOnDestroy is false)",
        );
    });

    it("stops with SKIP_EVALUATION, waits for the run to end, then deletes it when deleteOnDestroy is set", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { timeScale: STOPPABLE_TIME_SCALE } });
        const inputs = runInputs(emulator.templateArn, {
            assessmentRunName: "drop-me",
            stopActionOnDelete: "SKIP_EVALUATION",
            deleteOnDestroy: true,
        });
        const { id } = await createRun(inputs, testContext());
        const context = testContext({ policy: { maxPollMs: 100 } });
        await deleteRun(id, inputs, context);

        assert.deepEqual(await runsOfTemplate(), []);
        assert.deepEqual(context.logs, [
            "drop-me: stopping (SKIP_EVALUATION), was CREATED",
            "drop-me: deleted with its findings",
        ]);
    });

    it("frees the agents, so the replacement's run can start right after (delete before replace)", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { timeScale: STOPPABLE_TIME_SCALE } });
        const old = runInputs(emulator.templateArn, {
            assessmentRunName: "scan",
            triggers: ["ami-1"],
            stopActionOnDelete: "SKIP_EVALUATION",
        });
        const { id } = await createRun(old, testContext());
        await deleteRun(id, old, testContext({ policy: { maxPollMs: 100 } }));
        const replacement = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "scan", triggers: ["ami-2"] }),
            testContext(),
        );
        assert.notEqual(replacement.id, id);
        assert.equal((await describeRun(testContext(), { region: "us-east-1" }, id))?.state, "CANCELED");
    });

    it("keeps a finished run without touching it", async () => {
        const { emulator } = fixture;
        const inputs = runInputs(emulator.templateArn, {
            assessmentRunName: "done",
            waitForCompletion: true,
        });
        const { id } = await createRun(inputs, testContext());
        await deleteRun(id, inputs, testContext());
        assert.deepEqual(await runsOfTemplate(), [id]);
        assert.ok(!operations().includes("StopAssessmentRun"));
        assert.ok(!operations().includes("DeleteAssessmentRun"));
    });

    it("deletes a finished run when deleteOnDestroy is set", async () => {
        const { emulator } = fixture;
        const inputs = runInputs(emulator.templateArn, {
            assessmentRunName: "done",
            waitForCompletion: true,
            deleteOnDestroy: true,
        });
        const { id } = await createRun(inputs, testContext());
        await deleteRun(id, inputs, testContext());
        assert.deepEqual(await runsOfTemplate(), []);
        assert.ok(!operations().includes("StopAssessmentRun"));
    });

    it("treats a run that is already gone as deleted", async () => {
        const { emulator } = fixture;
        const inputs = runInputs(emulator.templateArn, {
            assessmentRunName: "twice",
            waitForCompletion: true,
            deleteOnDestroy: true,
        });
        const { id } = await createRun(inputs, testContext());
        await deleteRun(id, inputs, testContext());
        const context = testContext();
        await deleteRun(id, inputs, context);
        assert.deepEqual(context.logs, ["twice: already gone from Inspector"]);
    });

    it("refuses to delete a stopped run that does not finish in time, and only warns when keeping it", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { timeScale: 1 } });
        const inputs = runInputs(emulator.templateArn, { assessmentRunName: "stuck", deleteOnDestroy: true });
        const { id } = await createRun(inputs, testContext());
        await assert.rejects(deleteRun(id, inputs, testContext({ policy: { stopWaitMs: 50 } })), {
            message: `Cannot delete assessment run "stuck" (${id}) yet: it is still STOP_DATA_COLLECTION_PENDING 0 s after it was stopped. Run the destroy again later.`,
        });
        const context = testContext({ policy: { stopWaitMs: 50 } });
        await deleteRun(id, { ...inputs, deleteOnDestroy: false }, context);
        assert.deepEqual(context.warnings, [
            "stuck: still STOP_DATA_COLLECTION_PENDING 0 s after it was stopped; it finishes on its own and stays in Inspector.",
        ]);
        assert.deepEqual(await runsOfTemplate(), [id]);
    });
});
