import assert from "node:assert/strict";
import { DeleteAssessmentRunCommand } from "@aws-sdk/client-inspector";
import { classicClient } from "../../../provider/aws/clients";
import { createRun, readRun } from "../../../provider/assessment-run/lifecycle";
import { runInputs, useEmulator } from "../emulator-fixture";
import { testContext } from "../../support/test-context";

describe("AssessmentRun read (refresh) against the emulator", () => {
    const fixture = useEmulator();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it("reads the run's current state and counts, keeping the recorded inputs", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { findingCounts: { High: 1, Informational: 4 } } });
        const { id, outs } = await createRun(
            runInputs(emulator.templateArn, {
                assessmentRunName: "refresh-me",
                failOnFindings: "High",
                waitForCompletion: true,
            }),
            testContext(),
        ).catch((error: { id: string; properties: Record<string, unknown> }) => ({
            id: error.id,
            outs: error.properties,
        }));
        const read = await readRun(id, outs, testContext());
        assert.equal(read.id, id);
        assert.deepEqual(read.outs, outs);
    });

    it("brings a run started without waiting up to date", async () => {
        const { emulator } = fixture;
        const { id, outs } = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "later" }),
            testContext(),
        );
        assert.notEqual(outs.state, "COMPLETED");
        await sleep(150); // the run takes about 40 ms at the fixture's time scale
        const read = await readRun(id, outs, testContext());
        assert.equal(read.outs.state, "COMPLETED");
        assert.equal(read.outs.dataCollected, true);
        assert.equal(read.outs.failOnFindings, undefined);
        assert.equal(read.outs.assessmentRunName, "later");
    });

    it("reads the run from its ARN alone (pulumi import)", async () => {
        const { emulator } = fixture;
        const { id } = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "imported" }),
            testContext(),
        );
        const read = await readRun(id, {}, testContext());
        assert.equal(read.outs.assessmentRunName, "imported");
        assert.equal(read.outs.assessmentTemplateArn, emulator.templateArn);
        assert.equal(read.outs.region, "us-east-1");
        assert.equal(read.outs.assessmentRunArn, id);
    });

    it("reports a run deleted outside Pulumi as gone (empty id)", async () => {
        const { emulator } = fixture;
        const { id, outs } = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "deleted", waitForCompletion: true }),
            testContext(),
        );
        await classicClient("us-east-1").send(new DeleteAssessmentRunCommand({ assessmentRunArn: id }));
        assert.deepEqual(await readRun(id, outs, testContext()), { id: "", outs: {} });
    });
});
