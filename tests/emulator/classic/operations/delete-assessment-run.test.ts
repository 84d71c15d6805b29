import assert from "node:assert/strict";
import {
    DeleteAssessmentRunCommand,
    DescribeAssessmentRunsCommand,
    DescribeAssessmentTemplatesCommand,
    StopAssessmentRunCommand,
} from "@aws-sdk/client-inspector";
import { ClassicHarness, expectClassicError } from "../classic-harness";
import { describeRun, startRun, UNTIL_FINISHED_MS } from "../sdk-fixtures";

describe("Classic DeleteAssessmentRun", () => {
    let harness: ClassicHarness;
    before(async () => {
        harness = await ClassicHarness.start();
    });
    after(() => harness.close());
    beforeEach(() => harness.reset());

    const deleteRun = (runArn: string) =>
        harness.client().send(new DeleteAssessmentRunCommand({ assessmentRunArn: runArn }));

    async function templateRunCount(): Promise<[number | undefined, string | undefined]> {
        const { assessmentTemplates } = await harness
            .client()
            .send(new DescribeAssessmentTemplatesCommand({ assessmentTemplateArns: [harness.templateArn] }));
        return [assessmentTemplates?.[0].assessmentRunCount, assessmentTemplates?.[0].lastAssessmentRunArn];
    }

    it("refuses a run in progress, then deletes it once stopped and finished", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        const error = await expectClassicError(deleteRun(runArn), "AssessmentRunInProgressException", {
            assessmentRunArns: [runArn],
            assessmentRunArnsTruncated: false,
            canRetry: true,
        });
        assert.equal(
            error.message,
            `assessmentRunArn "${runArn}" is in state CREATED: a run can only be deleted once it has finished (stop it first)`,
        );

        await client.send(
            new StopAssessmentRunCommand({ assessmentRunArn: runArn, stopAction: "SKIP_EVALUATION" }),
        );
        await expectClassicError(deleteRun(runArn), "AssessmentRunInProgressException", {
            assessmentRunArns: [runArn],
        });
        harness.advance(UNTIL_FINISHED_MS);
        assert.equal((await describeRun(client, runArn)).state, "CANCELED");
        assert.deepEqual(await templateRunCount(), [1, runArn]);

        await deleteRun(runArn);
        const { assessmentRuns, failedItems } = await client.send(
            new DescribeAssessmentRunsCommand({ assessmentRunArns: [runArn] }),
        );
        assert.deepEqual(assessmentRuns, []);
        assert.deepEqual(failedItems, { [runArn]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false } });
        assert.deepEqual(await templateRunCount(), [0, undefined]);
        const deletions = harness.running.admin
            .mutations()
            .filter((m) => m.operation === "DeleteAssessmentRun");
        assert.equal(deletions.length, 1);
    });

    it("deletes a completed run, after which deleting it again finds nothing", async () => {
        const runArn = await startRun(harness.client(), harness.templateArn);
        harness.advance(UNTIL_FINISHED_MS);
        await deleteRun(runArn);
        await expectClassicError(deleteRun(runArn), "NoSuchEntityException", {
            errorCode: "ASSESSMENT_RUN_DOES_NOT_EXIST",
            canRetry: false,
        });
    });

    it("answers InvalidInputException for what is not a run ARN", async () => {
        const error = await expectClassicError(deleteRun(harness.templateArn), "InvalidInputException", {
            errorCode: "INVALID_ASSESSMENT_RUN_ARN",
        });
        assert.equal(
            error.message,
            `assessmentRunArn "${harness.templateArn}" is not an assessment run ARN: it must look like arn:aws:inspector:<region>:<account>:target/0-<id>/template/0-<id>/run/0-<id>`,
        );
    });
});
