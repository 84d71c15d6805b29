import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { classicCall, inspector2Call, type ArrivalMatcher } from "./support/arrival-proxy";
import { assessmentRuns, executed, scanStatuses, waitUntil } from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario, type Scenario } from "./support/scenario";
import {
    ASSESSMENT_RUN_TYPE,
    ENABLEMENT_TYPE,
    onlyResourceOfType,
    pendingOperations,
    type StackDeployment,
} from "./support/stack-state";

/**
 * `pulumi up` killed (the CLI and every process it started, at once) while the provider waits for Inspector's
 * answer to Enable or StartAssessmentRun. The emulator holds that call (a `latency` fault), a proxy in front of
 * it tells when the call has arrived, and the emulator still executes it after the caller has died, as AWS
 * would. The stack is then repaired as the CLI says (`pulumi cancel` for the lock the killed update left,
 * `pulumi refresh --clear-pending-creates` for its pending create) and `pulumi up` runs again: the resources
 * adopt what the first update did instead of doing it twice. In a third case the killed update's Enable is
 * stuck on its way (held by the proxy) and reaches the emulator only after the repeated update has enabled.
 */

const ADMINISTRATOR = "111122223333";
const REGION = "us-east-1";
/** Long enough to kill the update while the call is held; short enough to wait for its execution. */
const HOLD_MS = 3_000;
/** How long `pulumi up` may take to reach the call it is killed in. */
const ARRIVAL_TIMEOUT_MS = 120_000;

/** Starts `pulumi up` and kills its whole process tree once `arrived` resolves (a call has reached the proxy). */
async function killUpWhen(scenario: Scenario, arrived: (scenario: Scenario) => Promise<void>): Promise<void> {
    const update = scenario.stack.start(["up", "--yes", "--skip-preview"]);
    const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("the awaited call did not arrive")), ARRIVAL_TIMEOUT_MS).unref(),
    );
    try {
        await Promise.race([arrived(scenario), timeout]);
    } catch (error) {
        update.kill();
        throw new Error(`${(error as Error).message}\n${describeResult(await update.done)}`);
    }
    update.kill();
    const killed = await update.done;
    assert.equal(killed.signal, "SIGKILL", describeResult(killed));
}

/** Kills `pulumi up` while the emulator holds `operation`, then waits until the emulator has executed it anyway. */
async function killUpWhileHeld(scenario: Scenario, held: ArrivalMatcher, operation: string): Promise<void> {
    await killUpWhen(scenario, (running) => running.proxy!.waitFor(held, ARRIVAL_TIMEOUT_MS));
    await waitUntil(
        () => executed(scenario.emulator.admin.mutations(), operation).length === 1,
        HOLD_MS + 10_000,
        `the emulator has executed the held ${operation}`,
    );
}

/** What the CLI answers while the lock of a killed update is still there. */
const LOCK_MESSAGE =
    "the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the " +
    "lock file with `pulumi cancel`.";

/** Checks the state the killed update left, then repairs the stack as the CLI asks. */
async function repairStack(scenario: Scenario, pendingType: string): Promise<void> {
    const { deployment } = await scenario.stack.exportState();
    const pending = pendingOperations(deployment).filter(
        (operation) => operation.resource.type === pendingType,
    );
    assert.deepEqual(
        pending.map((operation) => operation.type),
        ["creating"],
        "the killed create is recorded as pending",
    );

    // The killed update still holds the stack's lock, and the CLI says how to remove it.
    const locked = await scenario.stack.refresh("--clear-pending-creates");
    assert.notEqual(locked.code, 0, describeResult(locked));
    assert.ok((locked.stdout + locked.stderr).includes(LOCK_MESSAGE), describeResult(locked));
    await scenario.stack.succeed(["cancel", "--yes"]);

    const refreshed = await scenario.stack.refresh("--clear-pending-creates");
    assert.equal(refreshed.code, 0, describeResult(refreshed));
    const after = await scenario.stack.exportState();
    assert.deepEqual(pendingOperations(after.deployment), []);
}

function heldFault(service: "inspector2" | "inspector", operation: string) {
    return { faults: [{ service, operation, kind: "latency" as const, value: HOLD_MS, count: 1 }] };
}

async function assertEnablementMatches(
    emulator: RunningEmulator,
    deployment: StackDeployment,
): Promise<void> {
    const enablement = onlyResourceOfType(deployment, ENABLEMENT_TYPE);
    const statuses = await scanStatuses(emulator, [ADMINISTRATOR], REGION);
    const recorded = enablement.outputs?.statusGroups as {
        accountIds: string[];
        status: string;
        resourceStatus: object;
    }[];
    assert.deepEqual(
        recorded.map((group) => group.accountIds),
        [[ADMINISTRATOR]],
    );
    assert.equal(recorded[0].status, statuses[ADMINISTRATOR].status);
    assert.equal(recorded[0].status, "ENABLED");
    const { ec2, ecr } = recorded[0].resourceStatus as { ec2: string; ecr: string };
    assert.deepEqual({ ec2, ecr }, { ec2: statuses[ADMINISTRATOR].ec2, ecr: statuses[ADMINISTRATOR].ecr });
    assert.deepEqual({ ec2, ecr }, { ec2: "ENABLED", ecr: "ENABLED" });
}

describe("e2e: pulumi up killed while Enable is in flight (quickstart example)", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("quickstart"),
        settings: heldFault("inspector2", "Enable"),
        proxy: true,
    });

    it("the next pulumi up adopts the enablement without a second Enable, and state matches the emulator", async () => {
        await killUpWhileHeld(scenario, inspector2Call("POST", "/enable"), "Enable");
        await repairStack(scenario, ENABLEMENT_TYPE);

        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        const mutations = scenario.emulator.admin.mutations();
        assert.equal(executed(mutations, "Enable").length, 1, "Enable was executed again");
        // The quickstart has no assessment run any more (the classic-release-gate case below has one).

        const { deployment } = await scenario.stack.exportState();
        assert.deepEqual(pendingOperations(deployment), []);
        await assertEnablementMatches(scenario.emulator, deployment);

        const settled = await scenario.stack.preview("--expect-no-changes");
        assert.equal(settled.code, 0, describeResult(settled));
    });
});

describe("e2e: pulumi up killed while its Enable is stuck on the way (quickstart example)", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("quickstart"), proxy: true });
    const enableCalls = () => scenario.emulator.admin.calls().filter((call) => call.operation === "Enable");

    it("the next pulumi up sends the same token, so the late request is answered without a second execution", async () => {
        const stuck = scenario.proxy!.hold(inspector2Call("POST", "/enable"));
        await killUpWhen(scenario, () => stuck.arrived);
        assert.deepEqual(enableCalls(), [], "the stuck Enable reached the emulator");
        await repairStack(scenario, ENABLEMENT_TYPE);

        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.equal(executed(scenario.emulator.admin.mutations(), "Enable").length, 1);

        // The request of the killed update arrives now: same token, same accounts and types, so Inspector
        // answers it from the token's record (a 200, not a conflict) and does nothing.
        stuck.release();
        await waitUntil(() => enableCalls().length === 2, 10_000, "the late Enable has been answered");
        assert.deepEqual(
            enableCalls().map((call) => call.status),
            [200, 200],
        );
        assert.equal(executed(scenario.emulator.admin.mutations(), "Enable").length, 1, "Enable ran twice");
        const { deployment } = await scenario.stack.exportState();
        await assertEnablementMatches(scenario.emulator, deployment);
    });
});

describe("e2e: pulumi up killed while StartAssessmentRun is in flight (classic-release-gate example)", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const findingCounts = { Medium: 2, Low: 1 };
    const scenario = useScenario({
        program: examplePath("classic-release-gate"),
        config: (emulator) => ({ templateArn: emulator.templateArn, release: "v1", failOnFindings: "High" }),
        settings: { ...heldFault("inspector", "StartAssessmentRun"), classic: { findingCounts } },
        proxy: true,
    });

    it("the next pulumi up adopts the run the killed one started instead of starting a second", async () => {
        await killUpWhileHeld(scenario, classicCall("StartAssessmentRun"), "StartAssessmentRun");
        await repairStack(scenario, ASSESSMENT_RUN_TYPE);

        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assert.equal(executed(scenario.emulator.admin.mutations(), "StartAssessmentRun").length, 1);

        const runs = await assessmentRuns(scenario.emulator, scenario.emulator.templateArn, REGION);
        assert.equal(runs.length, 1);
        const { deployment } = await scenario.stack.exportState();
        assert.deepEqual(pendingOperations(deployment), []);
        const run = onlyResourceOfType(deployment, ASSESSMENT_RUN_TYPE);
        assert.equal(run.id, runs[0].arn);
        assert.equal(run.outputs?.assessmentRunName, runs[0].name);
        assert.equal(run.outputs?.state, runs[0].state);
        assert.deepEqual(run.outputs?.findingCounts, runs[0].findingCounts);
        assert.deepEqual(runs[0].findingCounts, {
            High: 0,
            Medium: 2,
            Low: 1,
            Informational: 0,
            Undefined: 0,
        });
    });
});
