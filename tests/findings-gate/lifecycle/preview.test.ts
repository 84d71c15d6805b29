import assert from "node:assert/strict";
import { UNKNOWN } from "../../../provider/dynamic/check";
import { gateId, previewGate } from "../../../provider/findings-gate/lifecycle";
import { testContext } from "../../support/test-context";
import {
    afterScans,
    enableScanning,
    GATE_OPERATIONS,
    gateInputs,
    IMAGE_ARN,
    IMAGE_URI,
    inspectorCalls,
    recordingContext,
    TEST_URN,
    useGateEmulator,
} from "../emulator-fixture";

describe("FindingsGate preview's read-only evaluation against the emulator", () => {
    const fixture = useGateEmulator();
    const id = gateId(TEST_URN);

    it("warns that the gate would fail if applied now, with the worst findings, reading only", async () => {
        await enableScanning(["ECR"]);
        await afterScans();
        const calledBefore = fixture.emulator.admin.calls().length;
        const context = testContext();
        await previewGate(
            id,
            {},
            { ...gateInputs({ images: [IMAGE_URI], failOnSeverity: "CRITICAL" }) },
            context,
        );
        assert.equal(context.warnings.length, 1);
        const [warning] = context.warnings;
        assert.match(
            warning,
            /^release-gate: this gate would fail if applied now \(read at preview, nothing was changed\):\nFindingsGate "release-gate" in us-east-1 failed over 1 image: 1 finding at or above failOnSeverity CRITICAL \(critical 1\)\n/,
        );
        assert.ok(warning.includes(`  - CRITICAL CVE-2023-38545 in curl (fixed in 7.88.2) on ${IMAGE_ARN}`));
        const calls = fixture.emulator.admin.calls().slice(calledBefore);
        assert.deepEqual(
            calls.map((call) => call.operation),
            ["ListCoverage", "ListFindings"],
        );
    });

    it("says in the log when the gate would pass", async () => {
        await enableScanning(["ECR"]);
        await afterScans();
        const context = testContext();
        await previewGate(
            id,
            {},
            { ...gateInputs({ images: [IMAGE_URI], thresholds: { critical: 1 } }) },
            context,
        );
        assert.deepEqual(context.warnings, []);
        assert.deepEqual(context.logs, [
            'FindingsGate "release-gate" in us-east-1 passed over 1 image: critical 1 (read at preview)',
        ]);
    });

    it("does not wait for scans at preview", async () => {
        await enableScanning(["ECR"]);
        const context = testContext();
        await previewGate(
            id,
            {},
            { ...gateInputs({ images: [IMAGE_URI], failOnSeverity: "CRITICAL" }) },
            context,
        );
        assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS), ["ListCoverage", "ListFindings"]);
        assert.deepEqual(context.warnings, []);
        assert.match(context.logs[0], /passed over 1 image: critical 0 \(read at preview\)$/);
        // What the read could not tell is said too: the image's findings are not known yet.
        assert.deepEqual(context.logs.slice(1), [
            `release-gate: 1 resource was not scanned yet, so their findings are not counted: ${IMAGE_ARN} ` +
                "(PENDING: PENDING_INITIAL_SCAN) (read at preview)",
        ]);
    });

    it("reads nothing while a subject or rule is not known yet", async () => {
        const context = testContext();
        const news = {
            ...gateInputs({ images: [IMAGE_URI], failOnSeverity: "CRITICAL" }),
            images: [UNKNOWN],
        };
        await previewGate(id, {}, news, context);
        assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS), []);
        assert.deepEqual([...context.logs, ...context.warnings], []);
    });

    it("only warns when the read fails: the preview goes on", async () => {
        fixture.emulator.admin.updateSettings({
            faults: [{ service: "inspector2", operation: "ListCoverage", kind: "internal" }],
        });
        const { context, close } = recordingContext({ policy: { retryAttempts: 1 } }, { maxAttempts: 1 });
        try {
            await previewGate(
                id,
                {},
                { ...gateInputs({ images: [IMAGE_URI], failOnSeverity: "CRITICAL" }) },
                context,
            );
        } finally {
            close();
        }
        assert.equal(context.warnings.length, 1);
        assert.match(
            context.warnings[0],
            /^release-gate: could not read Inspector's findings at preview, so the gate's outcome is not known yet: Inspector ListCoverage failed in us-east-1: /,
        );
    });
});
