import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, type ScanResourceSettings } from "../../emulator";
import {
    coverage,
    enableOutsidePulumi,
    nonReadCalls,
    operationsOf,
    postSettings,
    scanStatuses,
    waitUntil,
} from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario, type Scenario } from "./support/scenario";
import {
    ENABLEMENT_TYPE,
    FINDINGS_GATE_TYPE,
    onlyResourceOfType,
    resourcesOfType,
    type StackDeployment,
} from "./support/stack-state";

/**
 * The release-gate example (a FindingsGate over an ECR image and a Lambda function, with ECR and Lambda scanning
 * turned on by an InspectorEnablement) with the real CLI, against the emulator's seeded `shop` image and
 * `checkout` function as its README documents them: the preview of the new gate warns that it would fail; the
 * update fails with the counts, the worst findings and the ways past it, recorded in the state; once the finding
 * is fixed the next update passes; a new finding shows as changed outputs on refresh; destroy changes nothing.
 * And in an account without scanning, the first update turns it on and the gate waits for Inspector's scans.
 */

const ADMINISTRATOR = "111122223333";
const REGION = "us-east-1";
/** The emulator's seeded image (README, "Coverage and findings"), as docker-build's repoDigest names it. */
const IMAGE_DIGEST = "sha256:efd83a05b027ea2c46739a9fc2a4188ef9be83d1a35812a5be4655d7de8df468";
const IMAGE_URI = `${ADMINISTRATOR}.dkr.ecr.${REGION}.amazonaws.com/shop@${IMAGE_DIGEST}`;
const IMAGE_ARN = `arn:aws:ecr:${REGION}:${ADMINISTRATOR}:repository/shop/${IMAGE_DIGEST}`;
const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ADMINISTRATOR}:function:checkout`;

/** The example's config for the seeded image and function, as its README gives it. */
const SEEDED_CONFIG = { image: IMAGE_URI, lambdaFunction: "checkout" };

const FAILED_VERDICT =
    'FindingsGate "release-gate" in us-east-1 failed over 1 image and 1 Lambda function: 1 finding at or above ' +
    "failOnSeverity CRITICAL (critical 1)";
const WORST = `  - CRITICAL CVE-2023-38545 in curl (fixed in 7.88.1-10+deb12u4) on ${IMAGE_ARN}: `;
const WOULD_FAIL =
    "release-gate: this gate would fail if applied now (read at preview, nothing was changed):";
const WAYS_PAST = [
    "To get past it: fix the findings and deploy the fixed image, function or instance",
    'ignore a finding until a date with ignore: [{ vulnerabilityId, reason, expiresOn: "YYYY-MM-DD" }]',
    "or change failOnSeverity or thresholds",
];

type Findings = NonNullable<ScanResourceSettings["findings"]>;

/** `resources` with the findings of the one whose ID is `resourceId` changed by `change`. */
function withFindings(
    resources: readonly ScanResourceSettings[],
    resourceId: string,
    change: (findings: Findings) => Findings,
): ScanResourceSettings[] {
    return resources.map((resource) =>
        resource.resourceId === resourceId
            ? { ...resource, findings: change(resource.findings ?? []) }
            : resource,
    );
}

/** The gate in the stack's state: its outputs, which hold the serialised provider too. */
function gateOf(deployment: StackDeployment): Record<string, unknown> {
    return onlyResourceOfType(deployment, FINDINGS_GATE_TYPE).outputs ?? {};
}

/** Marks where each step starts in the emulator's logs, so a step asserts only its own calls and mutations. */
function stepLog(scenario: Scenario) {
    let callMark = 0;
    let mutationMark = 0;
    return {
        mark() {
            callMark = scenario.emulator.admin.calls().length;
            mutationMark = scenario.emulator.admin.mutations().length;
        },
        calls: () => scenario.emulator.admin.calls().slice(callMark),
        mutations: () => operationsOf(scenario.emulator.admin.mutations().slice(mutationMark)),
    };
}

describe("e2e: the release-gate example's FindingsGate, in an account that scans", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("release-gate"), config: () => SEEDED_CONFIG });
    const step = stepLog(scenario);
    let scanResources: readonly ScanResourceSettings[] = DEFAULT_SETTINGS.scanResources;

    before(async function () {
        this.timeout(SCENARIO_TIMEOUT_MS);
        // Scanning is on already (the security team turned it on), and Inspector has scanned both resources.
        await enableOutsidePulumi(scenario.emulator, [ADMINISTRATOR], ["ECR", "LAMBDA"], REGION);
        await waitUntil(
            async () => {
                const covered = await coverage(scenario.emulator, REGION);
                return covered[IMAGE_ARN] === "SUCCESSFUL" && covered[FUNCTION_ARN] === "SUCCESSFUL";
            },
            20_000,
            "Inspector has scanned the seeded image and function",
        );
    });

    it("pulumi preview of the new gate reads Inspector and warns that it would fail, changing nothing", async () => {
        step.mark();
        const result = await scenario.stack.preview();
        assert.equal(result.code, 0, describeResult(result));
        assert.match(
            result.stdout,
            /\+\s+pulumi-nodejs:dynamic\/inspector:FindingsGate\s+release-gate\s+create/,
        );
        assert.ok(result.stdout.includes(WOULD_FAIL), describeResult(result));
        assert.ok(result.stdout.includes(FAILED_VERDICT), describeResult(result));
        assert.ok(result.stdout.includes(WORST), describeResult(result));
        assert.deepEqual(
            operationsOf(nonReadCalls(step.calls())),
            [],
            "the preview sent a call that is not a read",
        );
        assert.deepEqual(step.mutations(), []);
        const gateReads = step
            .calls()
            .filter((call) => ["ListCoverage", "ListFindings"].includes(call.operation));
        assert.ok(gateReads.length > 0, "the preview did not read the findings");
    });

    it("pulumi up fails with the counts, the worst findings and the ways past it, and records the evaluation", async () => {
        step.mark();
        const result = await scenario.stack.up();
        assert.notEqual(result.code, 0, describeResult(result));
        for (const part of [FAILED_VERDICT, WORST, ...WAYS_PAST]) {
            assert.ok(result.stdout.includes(part), `missing ${part}\n${describeResult(result)}`);
        }
        // Scanning was on: the enablement adopted it, and the gate only read.
        assert.deepEqual(step.mutations(), []);
        assert.deepEqual(operationsOf(nonReadCalls(step.calls())), []);

        const { deployment } = await scenario.stack.exportState();
        onlyResourceOfType(deployment, ENABLEMENT_TYPE);
        const gate = gateOf(deployment);
        assert.equal(gate.passed, false);
        assert.equal(gate.verdict, FAILED_VERDICT);
        assert.deepEqual(gate.findingCounts, { critical: 1 });
        assert.deepEqual(
            (gate.worstFindings as { vulnerabilityId: string; resourceId: string }[]).map((finding) => [
                finding.vulnerabilityId,
                finding.resourceId,
            ]),
            [["CVE-2023-38545", IMAGE_ARN]],
        );
        assert.deepEqual(
            (gate.resources as { resourceId: string; status: string }[]).map(({ resourceId, status }) => ({
                resourceId,
                status,
            })),
            [
                { resourceId: IMAGE_ARN, status: "SCANNED" },
                { resourceId: FUNCTION_ARN, status: "SCANNED" },
            ],
        );
        // The serialised provider is kept, so the gate can be refreshed, updated and destroyed.
        assert.match(
            String(gate.__provider),
            /pulumi-inspector\/dist\/provider\/findings-gate\/lifecycle\.js/,
        );
    });

    it("once the finding is fixed, the next pulumi up passes, with the same inputs", async () => {
        // Inspector closes the finding (settings replace the whole list: the seeded one, changed).
        scanResources = withFindings(scanResources, IMAGE_ARN, (findings) =>
            findings.map((finding) =>
                finding.vulnerabilityId === "CVE-2023-38545" ? { ...finding, status: "CLOSED" } : finding,
            ),
        );
        await postSettings(scenario.emulator, { scanResources });
        step.mark();
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(step.mutations(), []);
        const outputs = await scenario.stack.outputs();
        assert.equal(outputs.passed, true);
        assert.deepEqual(outputs.findingCounts, { critical: 0 });
        assert.equal(
            outputs.verdict,
            'FindingsGate "release-gate" in us-east-1 passed over 1 image and 1 Lambda function: critical 0',
        );
        const settled = await scenario.stack.preview("--expect-no-changes");
        assert.equal(settled.code, 0, describeResult(settled));
    });

    it("pulumi refresh shows a new finding as changed outputs, and the next preview as an update", async () => {
        scanResources = withFindings(scanResources, FUNCTION_ARN, (findings) => [
            ...findings,
            {
                vulnerabilityId: "CVE-2023-45133",
                severity: "CRITICAL",
                packageName: "@babel/traverse",
                packageVersion: "7.22.5",
                fixedInVersion: "7.23.2",
            },
        ]);
        await postSettings(scenario.emulator, { scanResources });
        step.mark();
        const result = await scenario.stack.refresh("--diff");
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(operationsOf(nonReadCalls(step.calls())), [], "refresh changed something");
        // With --diff, refresh shows each changed output of the gate.
        assert.match(
            result.stdout,
            /~ pulumi-nodejs:dynamic\/inspector:FindingsGate: \(update\)\n\s+\[id=findings-gate-[0-9a-f]{16}\]\n\s+\[urn=\S+::release-gate\]/,
            describeResult(result),
        );
        for (const change of [
            /~ passed\s+: true => false/,
            /~ critical: 0 => 1/,
            /\+ vulnerabilityId: "CVE-2023-45133"/,
        ]) {
            assert.match(result.stdout, change, describeResult(result));
        }
        assert.match(result.stdout, /~ 1 updated/);

        const gate = gateOf((await scenario.stack.exportState()).deployment);
        assert.equal(gate.passed, false);
        assert.deepEqual(gate.findingCounts, { critical: 1 });
        assert.deepEqual(
            (gate.worstFindings as { vulnerabilityId: string; resourceId: string }[]).map((finding) => [
                finding.vulnerabilityId,
                finding.resourceId,
            ]),
            [["CVE-2023-45133", FUNCTION_ARN]],
        );

        // The failing verdict now recorded makes the gate an update, whose preview warns again.
        const drifted = await scenario.stack.preview("--expect-no-changes");
        assert.notEqual(drifted.code, 0, describeResult(drifted));
        assert.match(
            drifted.stdout,
            /~\s+pulumi-nodejs:dynamic\/inspector:FindingsGate\s+release-gate\s+update/,
        );
        assert.ok(drifted.stdout.includes(WOULD_FAIL), describeResult(drifted));
    });

    it("pulumi destroy changes nothing in AWS, and scanning stays on", async () => {
        step.mark();
        const result = await scenario.stack.destroy();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(step.mutations(), []);
        assert.deepEqual(operationsOf(nonReadCalls(step.calls())), []);
        const { deployment } = await scenario.stack.exportState();
        assert.deepEqual(resourcesOfType(deployment, FINDINGS_GATE_TYPE), []);
        assert.deepEqual(resourcesOfType(deployment, ENABLEMENT_TYPE), []);
        const statuses = await scanStatuses(scenario.emulator, [ADMINISTRATOR], REGION);
        assert.deepEqual(
            { ecr: statuses[ADMINISTRATOR].ecr, lambda: statuses[ADMINISTRATOR].lambda },
            { ecr: "ENABLED", lambda: "ENABLED" },
        );
    });
});

describe("e2e: the release-gate example in an account that does not scan yet", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("release-gate"), config: () => SEEDED_CONFIG });
    const step = stepLog(scenario);

    it("pulumi preview says Inspector does not scan them yet, and changes nothing", async () => {
        step.mark();
        const result = await scenario.stack.preview();
        assert.equal(result.code, 0, describeResult(result));
        assert.match(
            result.stdout,
            /\+\s+pulumi-nodejs:dynamic\/inspector:InspectorEnablement\s+scanning\s+create/,
        );
        assert.ok(
            result.stdout.includes("release-gate: Inspector does not scan 2 of the gated resources"),
            describeResult(result),
        );
        assert.ok(!result.stdout.includes(WOULD_FAIL), describeResult(result));
        assert.deepEqual(operationsOf(nonReadCalls(step.calls())), []);
        assert.deepEqual(step.mutations(), []);
    });

    it("pulumi up turns scanning on, then the gate waits for Inspector's scans and fails on what they found", async () => {
        step.mark();
        const result = await scenario.stack.up();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.deepEqual(step.mutations(), ["inspector2 Enable"]);
        assert.ok(
            result.stdout.includes("release-gate: waiting for Inspector to scan 2 of 2 resources"),
            describeResult(result),
        );
        for (const part of [FAILED_VERDICT, WORST]) {
            assert.ok(result.stdout.includes(part), `missing ${part}\n${describeResult(result)}`);
        }
        const gate = gateOf((await scenario.stack.exportState()).deployment);
        assert.deepEqual(gate.findingCounts, { critical: 1 });
        assert.ok(
            (gate.resources as { status: string }[]).every((resource) => resource.status === "SCANNED"),
            JSON.stringify(gate.resources),
        );
    });

    it("ignoring the finding until a date, as the example's README shows, lets the next pulumi up pass", async () => {
        const expiresOn = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
        const reason = "curl is not reachable (SEC-112)";
        await scenario.stack.setConfig({
            ignore: [{ vulnerabilityId: "CVE-2023-38545", reason, expiresOn }],
        });
        step.mark();
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(step.mutations(), []);
        const outputs = await scenario.stack.outputs();
        assert.equal(outputs.passed, true);
        assert.equal(
            outputs.verdict,
            'FindingsGate "release-gate" in us-east-1 passed over 1 image and 1 Lambda function: critical 0; 1 ignored',
        );
        const gate = gateOf((await scenario.stack.exportState()).deployment);
        assert.deepEqual(gate.ignoredFindings, [
            { vulnerabilityId: "CVE-2023-38545", reason, expiresOn, findingCount: 1 },
        ]);
    });
});
