import assert from "node:assert/strict";
import { PartialFailure } from "../../../provider/dynamic/partial-failure";
import {
    createGate,
    deleteGate,
    gateId,
    readGate,
    updateGate,
} from "../../../provider/findings-gate/lifecycle";
import type { FindingsGateOutputs } from "../../../provider/findings-gate/outputs";
import type { ScanResourceSettings } from "../../../emulator/settings/settings";
import { testContext } from "../../support/test-context";
import {
    afterScans,
    enableScanning,
    GATE_OPERATIONS,
    GATE_RESOURCES,
    gateInputs,
    IMAGE_URI,
    inspectorCalls,
    TEST_URN,
    useGateEmulator,
} from "../emulator-fixture";

/** The gate's resources with the image's findings replaced. */
function withImageFindings(findings: ScanResourceSettings["findings"]): ScanResourceSettings[] {
    return GATE_RESOURCES.map((resource) =>
        resource.resourceType === "AWS_ECR_CONTAINER_IMAGE" ? { ...resource, findings } : resource,
    );
}

const FIXED_IMAGE = withImageFindings([
    {
        vulnerabilityId: "CVE-2023-4039",
        severity: "MEDIUM",
        packageName: "libgcc-s1",
        packageVersion: "12.2",
    },
]);

describe("FindingsGate refresh, update and delete against the emulator", () => {
    const fixture = useGateEmulator();
    const id = gateId(TEST_URN);

    it("update evaluates again: after the findings are fixed the same inputs pass", async () => {
        await enableScanning(["ECR"]);
        await afterScans();
        const inputs = gateInputs({ images: [IMAGE_URI], failOnSeverity: "HIGH" });
        const failed = (await createGate(inputs, testContext()).catch(
            (error: unknown) => error,
        )) as PartialFailure;
        assert.ok(failed instanceof PartialFailure);

        fixture.emulator.admin.updateSettings({ scanResources: FIXED_IMAGE });
        const { outs } = await updateGate(
            id,
            failed.properties as unknown as FindingsGateOutputs,
            inputs,
            testContext(),
        );
        assert.equal(outs.passed, true);
        assert.deepEqual(outs.findingCounts, { critical: 0, high: 0 });
        assert.deepEqual(outs.worstFindings, []);
    });

    it("update under relaxed rules passes over the same findings", async () => {
        await enableScanning(["ECR"]);
        await afterScans();
        const strict = gateInputs({ images: [IMAGE_URI], failOnSeverity: "HIGH" });
        const failed = (await createGate(strict, testContext()).catch(
            (error: unknown) => error,
        )) as PartialFailure;
        const relaxed = gateInputs({ images: [IMAGE_URI], thresholds: { critical: 1, high: 2 } });
        const { outs } = await updateGate(
            id,
            failed.properties as unknown as FindingsGateOutputs,
            relaxed,
            testContext(),
        );
        assert.equal(outs.passed, true);
        assert.deepEqual(outs.findingCounts, { critical: 1, high: 2 });
        assert.equal(outs.failOnSeverity, undefined);
    });

    it("refresh counts again: a new finding shows as changed outputs and a failing verdict, without failing", async () => {
        fixture.emulator.admin.updateSettings({ scanResources: FIXED_IMAGE });
        await enableScanning(["ECR"]);
        await afterScans();
        const { outs } = await createGate(
            gateInputs({ images: [IMAGE_URI], failOnSeverity: "HIGH" }),
            testContext(),
        );
        assert.equal(outs.passed, true);

        // Nothing new: the recorded evaluation, its time included, stays as it was.
        const same = await readGate(id, outs, testContext());
        assert.deepEqual(same, { id, outs });

        // Inspector reports a new vulnerability in the deployed image.
        fixture.emulator.admin.updateSettings({
            scanResources: withImageFindings([
                ...(FIXED_IMAGE[0].findings ?? []),
                {
                    vulnerabilityId: "CVE-2026-0001",
                    severity: "CRITICAL",
                    packageName: "openssl",
                    packageVersion: "3.0.1",
                },
            ]),
        });
        const context = testContext();
        const drifted = await readGate(id, outs, context);
        assert.equal(drifted.id, id);
        const read = drifted.outs as FindingsGateOutputs;
        assert.equal(read.passed, false);
        assert.deepEqual(read.findingCounts, { critical: 1, high: 0 });
        assert.equal(read.worstFindings[0].vulnerabilityId, "CVE-2026-0001");
        assert.notEqual(read.evaluatedAt, outs.evaluatedAt);
        assert.deepEqual(context.warnings, [], "refresh reports, it does not warn or fail");
        // Only the inputs and the evaluation are kept.
        assert.deepEqual(Object.keys(read).sort(), Object.keys(outs).sort());
    });

    it("delete calls nothing in AWS", async () => {
        await deleteGate();
        assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS), []);
    });
});
