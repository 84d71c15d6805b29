import assert from "node:assert/strict";
import { assessmentRuns, executed } from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario } from "./support/scenario";
import { ASSESSMENT_RUN_TYPE, onlyResourceOfType, resourcesOfType } from "./support/stack-state";

/**
 * AWS retired Inspector Classic on 2026-05-20: its endpoints no longer answer. With the real CLI, the
 * classic-release-gate example's stack holds a run made against the emulator; then the emulator's
 * `AWS_ENDPOINT_URL_INSPECTOR` is taken away, so the SDK would go to AWS's own endpoint. The preview fails at
 * once with the retirement message, refresh drops the recorded run with a warning, and destroy finishes with
 * one: no call is made (none reaches the emulator, and nothing waits on AWS's silent endpoint). With the
 * variable back, everything works as before.
 */

const REGION = "us-east-1";
/** The bound the issue sets for failing against a Classic endpoint that does not answer. */
const WITHIN_MS = 30_000;
const RETIRED = "Inspector Classic was retired by AWS on 2026-05-20";

describe("e2e: the classic-release-gate example against AWS's own (retired) Inspector Classic endpoint", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("classic-release-gate"),
        config: (emulator) => ({ templateArn: emulator.templateArn, release: "v1" }),
        settings: { classic: { outcome: "COMPLETED", findingCounts: { High: 0, Low: 1 } } },
    });
    let emulatorEndpoint = "";
    /** The SDK without the emulator's Classic endpoint (and no shared config file that names one). */
    const againstAws = () =>
        scenario.stack.setEnv({
            AWS_ENDPOINT_URL_INSPECTOR: undefined,
            AWS_CONFIG_FILE: "/nonexistent/aws-config",
        });
    const againstEmulator = () => scenario.stack.setEnv({ AWS_ENDPOINT_URL_INSPECTOR: emulatorEndpoint });
    const classicCalls = () => scenario.emulator.admin.calls().filter((call) => call.service === "inspector");

    it("pulumi up against the emulator records a run", async () => {
        emulatorEndpoint = scenario.emulator.env.AWS_ENDPOINT_URL_INSPECTOR;
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.equal(
            (await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION)).length,
            1,
        );
    });

    it("pulumi preview fails at once with the retirement message, under the template ARN, calling nothing", async () => {
        againstAws();
        const calls = classicCalls().length;
        const began = Date.now();
        const result = await scenario.stack.preview();
        const took = Date.now() - began;
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(took < WITHIN_MS, `the preview took ${took} ms`);
        const output = result.stdout + result.stderr;
        assert.ok(output.includes(RETIRED), describeResult(result));
        assert.ok(output.includes("AWS_ENDPOINT_URL_INSPECTOR"), describeResult(result));
        assert.ok(output.includes("InspectorEnablement"), "the message names the successor");
        assert.match(output, /assessmentTemplateArn/);
        assert.equal(classicCalls().length, calls);
    });

    it("pulumi refresh drops the recorded run from the state with a warning that says why", async () => {
        const calls = classicCalls().length;
        const result = await scenario.stack.refresh();
        assert.equal(result.code, 0, describeResult(result));
        assert.ok(result.stdout.includes("dropped from the stack's state"), describeResult(result));
        assert.ok(result.stdout.includes(RETIRED), describeResult(result));
        const { deployment } = await scenario.stack.exportState();
        assert.deepEqual(resourcesOfType(deployment, ASSESSMENT_RUN_TYPE), []);
        assert.equal(classicCalls().length, calls);
        // The run itself is where it was: refresh only forgot it.
        assert.equal(
            (await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION)).length,
            1,
        );
    });

    it("with the endpoint back, pulumi up adopts the same run instead of starting another", async () => {
        againstEmulator();
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.equal(executed(scenario.emulator.admin.mutations(), "StartAssessmentRun").length, 1);
        const [run] = await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION);
        const { deployment } = await scenario.stack.exportState();
        assert.equal(onlyResourceOfType(deployment, ASSESSMENT_RUN_TYPE).id, run.arn);
    });

    it("pulumi destroy against AWS's own endpoint finishes with a warning, calling nothing", async () => {
        againstAws();
        const calls = classicCalls().length;
        const began = Date.now();
        const result = await scenario.stack.destroy();
        const took = Date.now() - began;
        assert.equal(result.code, 0, describeResult(result));
        assert.ok(took < WITHIN_MS, `the destroy took ${took} ms`);
        assert.ok(
            result.stdout.includes("removed from the stack's state without calling AWS"),
            describeResult(result),
        );
        assert.ok(result.stdout.includes(RETIRED), describeResult(result));
        assert.equal(classicCalls().length, calls);
        const { deployment } = await scenario.stack.exportState();
        assert.deepEqual(resourcesOfType(deployment, ASSESSMENT_RUN_TYPE), []);
    });
});
