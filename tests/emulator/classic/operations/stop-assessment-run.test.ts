import assert from "node:assert/strict";
import { StopAssessmentRunCommand, type StopAction } from "@aws-sdk/client-inspector";
import { PHASE_SECONDS, realMs } from "../../../../emulator/classic/run-lifecycle";
import { ClassicHarness, expectClassicError, STANDALONE_ACCOUNT } from "../classic-harness";
import { describeRun, startRun, UNTIL_FINISHED_MS } from "../sdk-fixtures";

const ZERO_FINDINGS = { High: 0, Medium: 0, Low: 0, Informational: 0, Undefined: 0 };
/** Well into COLLECTING_DATA of a one-hour run at 3600x (collection runs from about 14 ms to 1014 ms). */
const WHILE_COLLECTING_MS = 500;

describe("Classic StopAssessmentRun", () => {
    let harness: ClassicHarness;
    before(async () => {
        harness = await ClassicHarness.start();
    });
    after(() => harness.close());
    beforeEach(() => harness.reset({ outcome: "COMPLETED" }));

    async function stop(runArn: string, stopAction?: StopAction): Promise<void> {
        await harness.client().send(new StopAssessmentRunCommand({ assessmentRunArn: runArn, stopAction }));
    }

    const stopMutations = () =>
        harness.running.admin.mutations().filter((mutation) => mutation.operation === "StopAssessmentRun")
            .length;

    it("with START_EVALUATION ends collection now, evaluates and completes with findings", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        harness.advance(WHILE_COLLECTING_MS);
        assert.equal((await describeRun(client, runArn)).state, "COLLECTING_DATA");
        const stoppedAt = harness.now();
        await stop(runArn, "START_EVALUATION");

        const stopping = await describeRun(client, runArn);
        assert.equal(stopping.state, "STOP_DATA_COLLECTION_PENDING");
        assert.equal(stopping.stateChangedAt?.getTime(), stoppedAt);

        harness.advance(UNTIL_FINISHED_MS);
        const done = await describeRun(client, runArn);
        assert.deepEqual(
            done.stateChanges?.map((change) => change.state),
            [
                "CREATED",
                "START_DATA_COLLECTION_PENDING",
                "START_DATA_COLLECTION_IN_PROGRESS",
                "COLLECTING_DATA",
                "STOP_DATA_COLLECTION_PENDING",
                "DATA_COLLECTED",
                "START_EVALUATING_RULES_PENDING",
                "EVALUATING_RULES",
                "COMPLETED",
            ],
        );
        const p = PHASE_SECONDS;
        const evaluation =
            p.STOP_DATA_COLLECTION_PENDING +
            p.DATA_COLLECTED +
            p.START_EVALUATING_RULES_PENDING +
            p.EVALUATING_RULES;
        assert.equal(done.completedAt?.getTime(), stoppedAt + realMs(evaluation, 3600));
        assert.equal(done.dataCollected, true);
        assert.deepEqual(Object.keys(done.findingCounts ?? {}).length, 5);
    });

    it("evaluates by default", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        harness.advance(WHILE_COLLECTING_MS);
        await stop(runArn);
        harness.advance(UNTIL_FINISHED_MS);
        assert.ok(
            ["COMPLETED", "COMPLETED_WITH_ERRORS"].includes((await describeRun(client, runArn)).state ?? ""),
        );
    });

    it("with SKIP_EVALUATION ends collection now and cancels without findings", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        harness.advance(WHILE_COLLECTING_MS);
        await stop(runArn, "SKIP_EVALUATION");
        assert.equal((await describeRun(client, runArn)).state, "STOP_DATA_COLLECTION_PENDING");

        harness.advance(UNTIL_FINISHED_MS);
        const canceled = await describeRun(client, runArn);
        assert.equal(canceled.state, "CANCELED");
        assert.deepEqual(
            canceled.stateChanges?.slice(-2).map((change) => change.state),
            ["STOP_DATA_COLLECTION_PENDING", "CANCELED"],
        );
        assert.deepEqual(canceled.findingCounts, ZERO_FINDINGS);
        assert.equal(canceled.dataCollected, false);
        assert.ok(canceled.completedAt);
    });

    it("leaves a run that is already stopping as it is", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        harness.advance(WHILE_COLLECTING_MS);
        await stop(runArn, "SKIP_EVALUATION");
        const before = await describeRun(client, runArn);
        harness.advance(1);
        await stop(runArn, "START_EVALUATION");
        assert.deepEqual(await describeRun(client, runArn), before);
        assert.equal(stopMutations(), 1, "only the stop that changed something counts as a mutation");
    });

    it("refuses to stop a finished run", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        harness.advance(UNTIL_FINISHED_MS);
        const { state } = await describeRun(client, runArn);
        const error = await expectClassicError(stop(runArn), "InvalidInputException", {
            errorCode: "INVALID_ASSESSMENT_RUN_STATE",
            canRetry: false,
        });
        assert.equal(
            error.message,
            `assessmentRunArn "${runArn}" is in state ${state}: only a run in progress can be stopped`,
        );
        assert.equal(stopMutations(), 0);
    });

    it("does not find a run of another account, or one that does not exist", async () => {
        const runArn = await startRun(harness.client(), harness.templateArn);
        const standalone = harness.client({ accountId: STANDALONE_ACCOUNT });
        await expectClassicError(
            standalone.send(new StopAssessmentRunCommand({ assessmentRunArn: runArn })),
            "NoSuchEntityException",
            { errorCode: "ASSESSMENT_RUN_DOES_NOT_EXIST", canRetry: false },
        );
        const error = await expectClassicError(
            stop(`${runArn.slice(0, -8)}Missing0`),
            "NoSuchEntityException",
            {
                errorCode: "ASSESSMENT_RUN_DOES_NOT_EXIST",
            },
        );
        assert.match(error.message, /names no assessment run of account 111122223333 in region us-east-1$/);
        assert.equal((await describeRun(harness.client(), runArn)).state, "CREATED");
    });
});
