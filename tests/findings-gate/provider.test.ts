import assert from "node:assert/strict";
import { WAIT_POLICY_VARIABLE } from "../../provider/core/context";
import { UNKNOWN } from "../../provider/dynamic/check";
import { FINDINGS_GATE_TYPE_TOKEN, findingsGateProvider } from "../../provider/findings-gate/resource";
import {
    type DynamicProviderHost,
    HostError,
    type Properties,
    resourceUrn,
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
} from "../support/dynamic-provider-host";
import { TEST_WAIT_POLICY } from "../support/test-context";
import {
    afterScans,
    enableScanning,
    FUNCTION_ARN,
    GATE_OPERATIONS,
    GATE_RESOURCES,
    IMAGE_ARN,
    IMAGE_URI,
    inspectorCalls,
    useGateEmulator,
} from "./emulator-fixture";

describe("FindingsGate provider as the engine runs it (serialised, over gRPC)", function () {
    // Starting the provider host takes a second or two on a busy machine.
    this.timeout(60_000);
    const fixture = useGateEmulator();
    let host: DynamicProviderHost;
    let provider: string;
    const urn = resourceUrn("release-gate", FINDINGS_GATE_TYPE_TOKEN);

    before(async () => {
        provider = await serializeDynamicProvider(findingsGateProvider);
        host = await startDynamicProviderHost({
            env: { ...fixture.emulator.env, [WAIT_POLICY_VARIABLE]: JSON.stringify(TEST_WAIT_POLICY) },
        });
        await host.configure({ "aws:region": "us-east-1" });
    });
    after(() => host?.close());

    const program = (args: Properties) => withProvider(provider, { resourceUrn: urn, ...args });
    const gateCalls = () => inspectorCalls(fixture.emulator, GATE_OPERATIONS);

    it("the serialised provider is small, stable and holds no secret, endpoint or configuration", async () => {
        assert.ok(provider.length < 4096, `the provider text is ${provider.length} characters`);
        assert.equal(await serializeDynamicProvider(findingsGateProvider), provider);
        for (const value of Object.values(fixture.emulator.env)) {
            assert.ok(!provider.includes(value), `the provider text contains ${value}`);
        }
        assert.ok(provider.includes('"pulumi-inspector/dist/provider/findings-gate/lifecycle.js"'), provider);
    });

    it("check: accepts unknown values, reports failures with their exact reasons, and calls nothing", async () => {
        const preview = await host.check(
            urn,
            {},
            program({ images: [UNKNOWN], lambdaFunctions: UNKNOWN, failOnSeverity: "high" }),
        );
        assert.deepEqual(preview.failures, []);
        assert.deepEqual(preview.inputs.images, [UNKNOWN]);
        assert.equal(preview.inputs.failOnSeverity, "HIGH");
        assert.equal(preview.inputs.region, "us-east-1", "the stack's aws:region");
        assert.equal(preview.inputs.waitForScan, true);

        const wrong = await host.check(
            urn,
            {},
            program({
                images: ["111122223333.dkr.ecr.us-east-1.amazonaws.com/shop:latest"],
                failOnSeverity: "SEVERE",
                thresholds: { critcal: 0 },
                ignore: [{ vulnerabilityId: "CVE-2024-1", reason: "TICKET-1" }],
                waitTimeoutSecond: 60,
            }),
        );
        assert.deepEqual(
            wrong.failures.map((failure) => failure.property),
            ["images", "failOnSeverity", "thresholds.critcal", "ignore[0]", "waitTimeoutSecond"],
        );
        assert.equal(
            wrong.failures[0].reason,
            'images[0] "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop:latest" names tag "latest" but no digest: a ' +
                "tag can move to another image, so the gate needs the digest; use " +
                "<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex digits> (as docker-build's " +
                "repoDigest gives it) or { repositoryName, imageDigest }",
        );
        assert.equal(
            wrong.failures[4].reason,
            "waitTimeoutSecond is not a property of this resource: did you mean waitTimeoutSeconds?",
        );
        assert.deepEqual(fixture.emulator.admin.calls(), [], "check calls no AWS API at all");
    });

    it("a failing gate fails the up with the evaluation in state; the next up re-evaluates and passes once fixed", async () => {
        await enableScanning(["ECR", "LAMBDA"]);
        await afterScans();
        const args = { images: [IMAGE_URI], lambdaFunctions: [FUNCTION_ARN], failOnSeverity: "HIGH" };
        // The preview of a new gate: check itself calls nothing, then the adapter's look at it reads (only reads)
        // and warns that the gate would fail.
        const { inputs } = await host.check(urn, {}, program(args));
        assert.deepEqual(gateCalls(), ["ListCoverage", "ListCoverage", "ListFindings", "ListFindings"]);
        // Sent to the engine attached to the gate's URN.
        await host.waitForLog("release-gate: up would evaluate the gate over 1 image and 1 Lambda function");
        const created = await host.waitForLog("release-gate: this gate would fail if applied now");
        assert.equal(created.severity, "warning");
        const failed = await host.create(urn, inputs).then(
            () => assert.fail("the gate should fail the create"),
            (error: unknown) => error,
        );
        assert.ok(failed instanceof HostError);
        const init = failed.initFailure;
        assert.ok(init, "the failure carries ErrorResourceInitFailed");
        assert.match(init.id, /^findings-gate-[0-9a-f]{16}$/);
        assert.deepEqual(init.reasons, [failed.message]);
        assert.match(
            failed.message,
            /^FindingsGate "release-gate" in us-east-1 failed over 1 image and 1 Lambda function: 4 findings at or above failOnSeverity HIGH \(critical 1, high 3\)\nWorst findings:\n {2}- CRITICAL CVE-2023-38545 /,
        );
        assert.match(failed.message, /\nTo get past it: fix the findings and deploy/);
        assert.equal(init.properties.__provider, provider);
        assert.equal(init.properties.passed, false);
        assert.deepEqual(init.properties.findingCounts, { critical: 1, high: 3 });
        assert.equal((init.properties.worstFindings as unknown[]).length, 4);
        assert.equal((init.properties.resources as { resourceId: string }[])[0].resourceId, IMAGE_ARN);

        // The next preview: check calls nothing; diff reports a change (the recorded verdict failed) and reads
        // (only reads) to warn that the gate would still fail.
        const before = gateCalls().length;
        const next = await host.check(urn, inputs, program(args));
        assert.equal(gateCalls().length, before, "check calls nothing");
        const diff = await host.diff(init.id, urn, init.properties, next.inputs);
        assert.equal(diff.changes, "some");
        assert.deepEqual(diff.replaces, []);
        assert.deepEqual(gateCalls().slice(before), [
            "ListCoverage",
            "ListCoverage",
            "ListFindings",
            "ListFindings",
        ]);
        const warning = await host.waitForLog(
            (entry) => entry !== created && entry.message.startsWith("release-gate: this gate would fail"),
        );
        await host.waitForLog(
            "release-gate: up would re-evaluate the gate over 1 image and 1 Lambda function (the last evaluation " +
                "failed)",
        );
        assert.equal(warning.severity, "warning");

        // The update fails the same way while the findings stay.
        const again = await host.update(init.id, urn, init.properties, next.inputs).then(
            () => assert.fail("the gate should fail the update"),
            (error: unknown) => error,
        );
        assert.ok(again instanceof HostError);
        assert.equal(again.initFailure?.id, init.id);
        assert.equal(again.initFailure?.properties.__provider, provider);

        // Fixed in the next image build: the same inputs pass.
        fixture.emulator.admin.updateSettings({
            scanResources: GATE_RESOURCES.map((resource) => ({ ...resource, findings: [] })),
        });
        const { outs } = await host.update(init.id, urn, again.initFailure!.properties, next.inputs);
        assert.equal(outs.passed, true);
        assert.deepEqual(outs.findingCounts, { critical: 0, high: 0 });

        // Then: no change, no call; refresh without news keeps the state as it is.
        const calm = gateCalls().length;
        const settled = await host.check(urn, next.inputs, program(args));
        assert.equal((await host.diff(init.id, urn, outs, settled.inputs)).changes, "none");
        assert.equal(gateCalls().length, calm, "check and diff without a change call nothing");
        const refreshed = await host.read(init.id, urn, outs, settled.inputs);
        assert.deepEqual(refreshed.props, outs);

        // A new finding shows as drift on refresh, and turns the next diff into an update.
        fixture.emulator.admin.updateSettings({ scanResources: GATE_RESOURCES });
        const drifted = await host.read(init.id, urn, outs, settled.inputs);
        assert.equal(drifted.id, init.id);
        assert.equal(drifted.props.passed, false);
        assert.deepEqual(drifted.props.findingCounts, { critical: 1, high: 3 });
        assert.equal((await host.diff(init.id, urn, drifted.props, settled.inputs)).changes, "some");

        // Destroy changes nothing in AWS.
        const beforeDelete = fixture.emulator.admin.calls().length;
        await host.delete(init.id, urn, drifted.props);
        assert.equal(fixture.emulator.admin.calls().length, beforeDelete);
        assert.ok(
            fixture.emulator.admin
                .calls()
                .filter((call) => call.service === "inspector2")
                .every((call) =>
                    ["Enable", "BatchGetAccountStatus", ...GATE_OPERATIONS].includes(call.operation),
                ),
            "the provider made only read-only calls",
        );
    });
});
