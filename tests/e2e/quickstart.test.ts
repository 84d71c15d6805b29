import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, type RunningEmulator } from "../../emulator";
import {
    disableOutsidePulumi,
    nonReadCalls,
    operationsOf,
    scanStatuses,
    waitUntil,
} from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario } from "./support/scenario";
import { ENABLEMENT_TYPE, onlyResourceOfType, resourcesOfType } from "./support/stack-state";

/**
 * The quickstart example (Inspector (v2) scanning for the calling account) through its whole life with the real
 * CLI: up, no-change preview, drift repaired by refresh + up, an update of the resource types, and destroy, each
 * checked against what the emulator holds. Its Inspector Classic assessment run, which AWS retired, moved to the
 * classic-release-gate example (classic-release-gate.test.ts).
 */

const ADMINISTRATOR = "111122223333";
const REGION = "us-east-1";

/** The example's `scanningStatus` output as the emulator's statuses say it should be. */
async function emulatorScanningStatus(emulator: RunningEmulator): Promise<Record<string, string>[]> {
    const statuses = await scanStatuses(emulator, [ADMINISTRATOR], REGION);
    // The account's own status is not part of the output; each scan type's status is, where Inspector has one.
    const reported = Object.entries(statuses[ADMINISTRATOR]).filter(
        ([key, value]) => key !== "status" && value !== undefined,
    );
    return [{ accountId: ADMINISTRATOR, ...Object.fromEntries(reported) }];
}

const administrator = DEFAULT_SETTINGS.accounts.find((account) => account.accountId === ADMINISTRATOR)!;

describe("e2e: the quickstart example's lifecycle", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("quickstart") });

    /** Calls and mutations before the current step, so each step asserts only its own. */
    let callMark = 0;
    let mutationMark = 0;
    const markStep = () => {
        callMark = scenario.emulator.admin.calls().length;
        mutationMark = scenario.emulator.admin.mutations().length;
    };
    const stepCalls = () => scenario.emulator.admin.calls().slice(callMark);
    const stepMutations = () => operationsOf(scenario.emulator.admin.mutations().slice(mutationMark)).sort();

    it("pulumi up enables scanning, and the outputs are what the emulator holds", async () => {
        markStep();
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));

        assert.deepEqual(stepMutations(), ["inspector2 Enable"]);
        const statuses = await scanStatuses(scenario.emulator, [ADMINISTRATOR], REGION);
        assert.equal(statuses[ADMINISTRATOR].ec2, "ENABLED");
        assert.equal(statuses[ADMINISTRATOR].ecr, "ENABLED");

        const outputs = await scenario.stack.outputs();
        assert.equal(outputs.callerAccountId, ADMINISTRATOR);
        assert.equal(outputs.enabledAccountCount, 1);
        assert.deepEqual(outputs.scanningStatus, [
            {
                accountId: ADMINISTRATOR,
                ec2: "ENABLED",
                ecr: "ENABLED",
                lambda: "DISABLED",
                lambdaCode: "DISABLED",
                codeRepository: "DISABLED",
            },
        ]);
        assert.deepEqual(outputs.scanningStatus, await emulatorScanningStatus(scenario.emulator));
        // Nothing of Inspector Classic any more.
        assert.deepEqual(Object.keys(outputs).sort(), [
            "callerAccountId",
            "enabledAccountCount",
            "scanningStatus",
        ]);
    });

    it("pulumi preview --expect-no-changes passes right after the update, calling nothing that changes", async () => {
        markStep();
        const result = await scenario.stack.preview("--expect-no-changes");
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(operationsOf(nonReadCalls(stepCalls())), []);
    });

    it("pulumi stack export holds no credential", async () => {
        const { text, deployment } = await scenario.stack.exportState();
        // The export is the real state: the resource is in it.
        onlyResourceOfType(deployment, ENABLEMENT_TYPE);
        assert.ok(!text.includes(administrator.secretAccessKey!), "the secret access key is in the state");
        assert.ok(!text.includes(administrator.accessKeyId!), "the access key ID is in the state");
    });

    it("drift: a type disabled outside Pulumi shows after refresh and pulumi up enables it again", async () => {
        await disableOutsidePulumi(scenario.emulator, [ADMINISTRATOR], ["ECR"], REGION);
        await waitUntil(
            async () =>
                (await scanStatuses(scenario.emulator, [ADMINISTRATOR], REGION))[ADMINISTRATOR].ecr ===
                "DISABLED",
            10_000,
            "ECR is DISABLED",
        );

        markStep();
        const refreshed = await scenario.stack.refresh();
        assert.equal(refreshed.code, 0, describeResult(refreshed));
        assert.deepEqual(operationsOf(nonReadCalls(stepCalls())), [], "refresh changed something");
        const { deployment } = await scenario.stack.exportState();
        const groups = onlyResourceOfType(deployment, ENABLEMENT_TYPE).outputs?.statusGroups as {
            resourceStatus: Record<string, string>;
            accountIds: string[];
        }[];
        assert.deepEqual(
            groups.map((group) => [group.accountIds, group.resourceStatus.ecr]),
            [[[ADMINISTRATOR], "DISABLED"]],
        );

        // The drift shows as an update of the enablement, and fails a no-change preview.
        const drifted = await scenario.stack.preview("--expect-no-changes");
        assert.notEqual(drifted.code, 0, describeResult(drifted));
        assert.match(
            drifted.stdout,
            /~\s+pulumi-nodejs:dynamic\/inspector:InspectorEnablement\s+scanning\s+update/,
        );
        // And the preview says what drifted and what up does about it.
        assert.match(
            drifted.stdout + drifted.stderr,
            /drift: ECR was found DISABLED on 111122223333; up re-enables it/,
        );

        markStep();
        const repaired = await scenario.stack.up();
        assert.equal(repaired.code, 0, describeResult(repaired));
        assert.deepEqual(stepMutations(), ["inspector2 Enable"]);
        const statuses = await scanStatuses(scenario.emulator, [ADMINISTRATOR], REGION);
        assert.equal(statuses[ADMINISTRATOR].ecr, "ENABLED");
        assert.equal(statuses[ADMINISTRATOR].ec2, "ENABLED");
    });

    it("update: other resource types enable the added type and disable the removed one, nothing else", async () => {
        await scenario.stack.setConfig({ resourceTypes: ["EC2", "LAMBDA"] });
        markStep();
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.match(
            result.stdout + result.stderr,
            /up would enable LAMBDA and disable ECR on 1 account in us-east-1/,
        );
        assert.deepEqual(stepMutations(), ["inspector2 Disable", "inspector2 Enable"]);
        assert.deepEqual(operationsOf(nonReadCalls(stepCalls())).sort(), [
            "inspector2 Disable",
            "inspector2 Enable",
        ]);
        const statuses = await scanStatuses(scenario.emulator, [ADMINISTRATOR], REGION);
        assert.equal(statuses[ADMINISTRATOR].ec2, "ENABLED");
        assert.equal(statuses[ADMINISTRATOR].lambda, "ENABLED");
        assert.equal(statuses[ADMINISTRATOR].ecr, "DISABLED");
        const outputs = await scenario.stack.outputs();
        assert.deepEqual(outputs.scanningStatus, [
            {
                accountId: ADMINISTRATOR,
                ec2: "ENABLED",
                ecr: "DISABLED",
                lambda: "ENABLED",
                lambdaCode: "DISABLED",
                codeRepository: "DISABLED",
            },
        ]);
        assert.deepEqual(outputs.scanningStatus, await emulatorScanningStatus(scenario.emulator));
    });

    it("pulumi destroy disables what the stack enabled", async () => {
        markStep();
        const result = await scenario.stack.destroy();
        assert.equal(result.code, 0, describeResult(result));
        assert.deepEqual(stepMutations(), ["inspector2 Disable"]);
        const statuses = await scanStatuses(scenario.emulator, [ADMINISTRATOR], REGION);
        assert.equal(statuses[ADMINISTRATOR].status, "DISABLED");
        assert.equal(statuses[ADMINISTRATOR].ec2, "DISABLED");
        assert.equal(statuses[ADMINISTRATOR].lambda, "DISABLED");
        const { deployment } = await scenario.stack.exportState();
        assert.deepEqual(resourcesOfType(deployment, ENABLEMENT_TYPE), []);
    });
});
