import assert from "node:assert/strict";
import { describeResult } from "./support/pulumi-stack";
import { nonReadCalls, operationsOf } from "./support/emulator-view";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario, type Scenario } from "./support/scenario";

/**
 * `pulumi preview` of each example, by the real CLI: it plans the resources but changes nothing in Inspector
 * (at most read calls reach the emulator, and none is executed as a mutation); bad input from config fails the
 * preview with the property, the value and the rule in the CLI's output.
 */

const ADMINISTRATOR = "111122223333";
const MEMBER = "444455556666";

function assertNothingChanged(scenario: Scenario): void {
    const calls = scenario.emulator.admin.calls();
    assert.deepEqual(operationsOf(nonReadCalls(calls)), [], "preview sent a call that is not a read");
    assert.deepEqual(scenario.emulator.admin.mutations(), []);
}

describe("e2e: pulumi preview of the quickstart example", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("quickstart") });

    // The assessment run the quickstart used to plan too is the classic-release-gate example's now (below).
    it("plans the enablement without changing anything", async () => {
        const result = await scenario.stack.preview();
        assert.equal(result.code, 0, describeResult(result));
        assert.match(
            result.stdout,
            /\+\s+pulumi-nodejs:dynamic\/inspector:InspectorEnablement\s+scanning\s+create/,
        );
        assert.doesNotMatch(result.stdout, /AssessmentRun/);
        assertNothingChanged(scenario);
    });

    it("fails on a resource type that does not exist, naming the property, the value and the rule", async () => {
        await scenario.stack.setConfig({ resourceTypes: ["EC2", "EC3"] });
        const result = await scenario.stack.preview();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(
            result.stdout.includes(
                'resourceTypes[1] "EC3" is not a resource type: use EC2, ECR, LAMBDA, LAMBDA_CODE or ' +
                    "CODE_REPOSITORY (any letter case)",
            ),
            describeResult(result),
        );
        assertNothingChanged(scenario);
    });
});

describe("e2e: pulumi preview of the organization example", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("organization"),
        config: () => ({ accountIds: [ADMINISTRATOR, MEMBER], regions: ["us-east-1", "eu-west-1"] }),
    });

    it("plans one enablement per region without changing anything", async () => {
        const result = await scenario.stack.preview();
        assert.equal(result.code, 0, describeResult(result));
        for (const region of ["us-east-1", "eu-west-1"]) {
            assert.match(
                result.stdout,
                new RegExp(`\\+\\s+\\S+InspectorEnablement\\s+scanning-${region}\\s+create`),
            );
        }
        assertNothingChanged(scenario);
    });

    it("fails on an account ID that is not 12 digits, naming the property, the value and the rule", async () => {
        await scenario.stack.setConfig({ accountIds: [ADMINISTRATOR, "12345"] });
        const result = await scenario.stack.preview();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(
            result.stdout.includes(
                'accountIds[1] "12345" is not an account ID: an account ID is a string of exactly 12 digits',
            ),
            describeResult(result),
        );
        assertNothingChanged(scenario);
    });
});

describe("e2e: pulumi preview of the classic-release-gate example", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("classic-release-gate"),
        config: (emulator) => ({ templateArn: emulator.templateArn, release: "v1" }),
    });

    it("plans the gated run without starting it", async () => {
        const result = await scenario.stack.preview();
        assert.equal(result.code, 0, describeResult(result));
        assert.match(
            result.stdout,
            /\+\s+pulumi-nodejs:dynamic\/inspector:AssessmentRun\s+release-gate\s+create/,
        );
        assertNothingChanged(scenario);
    });

    it("fails on a severity that does not exist, naming the property, the value and the rule", async () => {
        await scenario.stack.setConfig({ failOnFindings: "Severe" });
        const result = await scenario.stack.preview();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(
            result.stdout.includes(
                'failOnFindings "Severe" is not a severity: use High, Medium, Low or Informational (any letter case)',
            ),
            describeResult(result),
        );
        assertNothingChanged(scenario);
    });
});

describe("e2e: pulumi preview of the release-gate example", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("release-gate") });
    const image =
        "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:efd83a05b027ea2c46739a9fc2a4188ef9be83d1a35812a5be4655d7de8df468";

    it("without an image or a function, fails: the gate has nothing to gate", async () => {
        const result = await scenario.stack.preview();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(result.stdout.includes("the gate has nothing to gate: list at least one subject"));
        assertNothingChanged(scenario);
    });

    it("fails on a severity that does not exist, naming the property, the value and the rule", async () => {
        await scenario.stack.setConfig({ image, lambdaFunction: "checkout", failOnSeverity: "Severe" });
        const result = await scenario.stack.preview();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(
            result.stdout.includes(
                'failOnSeverity "Severe" is not a severity: use CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or ' +
                    "UNTRIAGED (any letter case)",
            ),
            describeResult(result),
        );
        assertNothingChanged(scenario);
    });

    it("plans scanning and the gate without changing anything", async () => {
        await scenario.stack.setConfig({ failOnSeverity: "high" });
        const result = await scenario.stack.preview();
        assert.equal(result.code, 0, describeResult(result));
        assert.match(
            result.stdout,
            /\+\s+pulumi-nodejs:dynamic\/inspector:InspectorEnablement\s+scanning\s+create/,
        );
        assert.match(
            result.stdout,
            /\+\s+pulumi-nodejs:dynamic\/inspector:FindingsGate\s+release-gate\s+create/,
        );
        assertNothingChanged(scenario);
    });
});
