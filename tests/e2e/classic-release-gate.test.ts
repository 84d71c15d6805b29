import assert from "node:assert/strict";
import { DEFAULT_SETTINGS } from "../../emulator";
import { assessmentRuns, executed, nonReadCalls, operationsOf } from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario } from "./support/scenario";
import { ASSESSMENT_RUN_TYPE, onlyResourceOfType, resourcesOfType } from "./support/stack-state";

/**
 * The classic-release-gate example with the real CLI, against the emulator (AWS retired Inspector Classic on
 * 2026-05-20): the run's whole life (up, a no-change preview, refresh, destroy keeping the finished run); a
 * finished run with High findings fails `pulumi up` with a message naming the counts, the run stays in the
 * stack's state, and the next `pulumi up` judges the same run again instead of starting another one; a new
 * release gets a run of its own; and a destroy while the run is still collecting data stops it. (The
 * FindingsGate of the release-gate example, Inspector Classic's successor: findings-gate.test.ts.)
 */

const REGION = "us-east-1";
const TERMINAL_RUN_STATES = ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELED", "ERROR"];
const administrator = DEFAULT_SETTINGS.accounts.find((account) => account.accountId === "111122223333")!;

describe("e2e: the classic-release-gate example's lifecycle", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    // Findings below the gate's High: the update passes it.
    const counts = { High: 0, Medium: 2, Low: 3, Informational: 12, Undefined: 0 };
    const scenario = useScenario({
        program: examplePath("classic-release-gate"),
        config: (emulator) => ({ templateArn: emulator.templateArn, release: "v1" }),
        settings: { classic: { outcome: "COMPLETED", findingCounts: counts } },
    });
    let mutationMark = 0;
    let callMark = 0;
    const markStep = () => {
        callMark = scenario.emulator.admin.calls().length;
        mutationMark = scenario.emulator.admin.mutations().length;
    };
    const stepCalls = () => scenario.emulator.admin.calls().slice(callMark);
    const stepMutations = () => operationsOf(scenario.emulator.admin.mutations().slice(mutationMark)).sort();

    it("pulumi up runs the assessment, waits for it, and the outputs are what the emulator holds", async () => {
        markStep();
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(stepMutations(), ["inspector StartAssessmentRun"]);

        const runs = await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION);
        assert.equal(runs.length, 1);
        const outputs = await scenario.stack.outputs();
        assert.equal(outputs.runArn, runs[0].arn);
        assert.equal(outputs.runName, runs[0].name);
        // The example waits for the run: it has finished, with the counts Inspector reports.
        assert.equal(outputs.runState, runs[0].state);
        assert.ok(TERMINAL_RUN_STATES.includes(runs[0].state), runs[0].state);
        assert.deepEqual(outputs.findingCounts, runs[0].findingCounts);
        assert.deepEqual(runs[0].findingCounts, counts);
    });

    it("pulumi preview --expect-no-changes passes right after the update, calling nothing that changes", async () => {
        markStep();
        const result = await scenario.stack.preview("--expect-no-changes");
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(operationsOf(nonReadCalls(stepCalls())), []);
    });

    it("pulumi stack export holds no credential", async () => {
        const { text, deployment } = await scenario.stack.exportState();
        onlyResourceOfType(deployment, ASSESSMENT_RUN_TYPE);
        assert.ok(!text.includes(administrator.secretAccessKey!), "the secret access key is in the state");
        assert.ok(!text.includes(administrator.accessKeyId!), "the access key ID is in the state");
    });

    it("pulumi refresh reads the run back and changes nothing", async () => {
        markStep();
        const result = await scenario.stack.refresh();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(operationsOf(nonReadCalls(stepCalls())), []);
        const settled = await scenario.stack.preview("--expect-no-changes");
        assert.equal(settled.code, 0, describeResult(settled));
    });

    it("pulumi destroy keeps the finished run in Inspector", async () => {
        markStep();
        const result = await scenario.stack.destroy();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(stepMutations(), []);
        const runs = await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION);
        assert.equal(runs.length, 1);
        assert.ok(TERMINAL_RUN_STATES.includes(runs[0].state), runs[0].state);
        const { deployment } = await scenario.stack.exportState();
        assert.deepEqual(resourcesOfType(deployment, ASSESSMENT_RUN_TYPE), []);
    });
});
const COUNTS = { High: 2, Medium: 1, Low: 4, Informational: 0, Undefined: 3 };

describe("e2e: the classic-release-gate example with findings", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("classic-release-gate"),
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

describe("e2e: pulumi destroy of the classic-release-gate example while its run is in progress", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("classic-release-gate"),
        // The update waits one second only: the run is recorded, still collecting data, when destroy comes.
        config: (emulator) => ({ templateArn: emulator.templateArn, release: "v1", waitTimeoutSeconds: 1 }),
        // A run of the one-hour template lasts about three minutes.
        settings: { classic: { timeScale: 20 } },
    });

    it("stops the run and waits until it has finished", async () => {
        const created = await scenario.stack.up();
        assert.notEqual(created.code, 0, describeResult(created));
        assert.ok(created.stdout.includes("after this update waited"), describeResult(created));
        const [started] = await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION);
        assert.ok(!TERMINAL_RUN_STATES.includes(started.state), `the run is already ${started.state}`);
        const { deployment } = await scenario.stack.exportState();
        assert.equal(onlyResourceOfType(deployment, ASSESSMENT_RUN_TYPE).id, started.arn);

        const mutationMark = scenario.emulator.admin.mutations().length;
        const result = await scenario.stack.destroy();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(operationsOf(scenario.emulator.admin.mutations().slice(mutationMark)).sort(), [
            "inspector StopAssessmentRun",
        ]);
        const runs = await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION);
        assert.equal(runs.length, 1);
        assert.ok(TERMINAL_RUN_STATES.includes(runs[0].state), `the run is still ${runs[0].state}`);
    });
});
