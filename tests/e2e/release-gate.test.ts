import assert from "node:assert/strict";
import { assessmentRuns, executed } from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario } from "./support/scenario";
import { ASSESSMENT_RUN_TYPE, onlyResourceOfType } from "./support/stack-state";

/**
 * The release-gate example with the real CLI: a finished run with High findings fails `pulumi up` with a message
 * naming the counts, the run stays in the stack's state, and the next `pulumi up` judges the same run again
 * instead of starting another one; a new release gets a run of its own.
 */

const REGION = "us-east-1";
const COUNTS = { High: 2, Medium: 1, Low: 4, Informational: 0, Undefined: 3 };

describe("e2e: the release-gate example with findings", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("release-gate"),
        config: (emulator) => ({ templateArn: emulator.templateArn, release: "v1", failOnFindings: "High" }),
        settings: { classic: { outcome: "COMPLETED", findingCounts: COUNTS } },
    });
    const expectedMessage =
        'has 2 findings at or above failOnFindings "High" (High 2, Medium 1, Low 4, Informational 0, Undefined 3)';

    it("pulumi up fails with the counts, and the finished run stays in the state", async () => {
        const result = await scenario.stack.up();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(result.stdout.includes(expectedMessage), describeResult(result));

        const runs = await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION);
        assert.equal(runs.length, 1);
        assert.equal(runs[0].state, "COMPLETED");
        assert.deepEqual(runs[0].findingCounts, COUNTS);
        assert.ok(result.stdout.includes(runs[0].arn), "the message names the run");

        const { deployment } = await scenario.stack.exportState();
        const run = onlyResourceOfType(deployment, ASSESSMENT_RUN_TYPE);
        assert.equal(run.id, runs[0].arn);
        assert.equal(run.outputs?.state, "COMPLETED");
        assert.deepEqual(run.outputs?.findingCounts, COUNTS);
    });

    it("the next pulumi up fails the same way without starting another run", async () => {
        const result = await scenario.stack.up();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(result.stdout.includes(expectedMessage), describeResult(result));
        assert.equal(executed(scenario.emulator.admin.mutations(), "StartAssessmentRun").length, 1);
        assert.equal(
            (await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION)).length,
            1,
        );
    });

    it("a new release whose run has no High finding passes the gate with a run of its own", async () => {
        // Settings merge member by member: every severity is given, or the earlier High count would stay.
        scenario.emulator.admin.updateSettings({
            classic: { findingCounts: { High: 0, Medium: 1, Low: 2, Informational: 0, Undefined: 0 } },
        });
        await scenario.stack.setConfig({ release: "v2" });
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));

        const runs = await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION);
        assert.equal(runs.length, 2, "the first run is kept as the record of the failed release");
        assert.equal(executed(scenario.emulator.admin.mutations(), "StartAssessmentRun").length, 2);
        const outputs = await scenario.stack.outputs();
        assert.equal(outputs.runArn, runs[1].arn);
        assert.equal(outputs.runState, "COMPLETED");
        assert.deepEqual(outputs.findingCounts, {
            High: 0,
            Medium: 1,
            Low: 2,
            Informational: 0,
            Undefined: 0,
        });
    });
});
