import assert from "node:assert/strict";
import { runCell, type CellResult } from "../../reliability/cell";
import { inProcessDriver, MiniEngine } from "../../reliability/engine";
import { DEFAULT_SEED } from "../../reliability/matrix";
import { matrixTable } from "../../reliability/report";
import { RESOURCES, urnOf, type Operation, type ResourceSpec } from "../../reliability/resources";
import { matchesKey, SCENARIOS, type Scenario, type ScenarioId } from "../../reliability/scenarios";
import { World } from "../../reliability/world";
import { resetClients, sharedClients } from "../../provider/aws/clients";
import { contextWith } from "../../reliability/resources";

/**
 * The core of `npm run reliability` (reliability/): a few cells of the fault matrix, one per kind of fault, run
 * as the full matrix runs them, and two controls that show the matrix would see a duplicate execution and a lost
 * record if there were one.
 */

function scenario(id: ScenarioId): Scenario {
    return SCENARIOS.find((candidate) => candidate.id === id)!;
}

function resource(name: ResourceSpec["name"]): ResourceSpec {
    return RESOURCES.find((candidate) => candidate.name === name)!;
}

function cell(id: ScenarioId, name: ResourceSpec["name"], operation: Operation): Promise<CellResult> {
    return runCell(scenario(id), resource(name), operation, DEFAULT_SEED);
}

/** What every cell of the matrix must show: converged within one more run, nothing twice, nothing lost. */
function assertHolds(result: CellResult): void {
    const row = `${result.scenario} / ${result.resource} / ${result.operation}`;
    assert.notEqual(result.outcome, "not converged", `${row}: ${result.detail}`);
    assert.equal(result.duplicates, 0, `${row}: duplicate executions`);
    assert.equal(result.lost, 0, `${row}: lost records`);
    assert.ok(result.faultsMet > 0, `${row}: no fault struck the run`);
}

describe("reliability matrix, core (against the emulator)", function () {
    this.timeout(120_000);

    it("InspectorEnablement create through 30 % throttling: each Enable token executed once, in the same run", async () => {
        const result = await cell("throttling 30%", "InspectorEnablement", "create");
        assertHolds(result);
        assert.equal(result.outcome, "same run");
        assert.deepEqual(result.enableTokens, [1, 1]);
    });

    it("InspectorEnablement update with answers lost after execution: retried with the same tokens, run once", async () => {
        const result = await cell("answers lost", "InspectorEnablement", "update");
        assertHolds(result);
        assert.equal(result.outcome, "same run");
        assert.deepEqual(result.enableTokens, [1, 1]);
    });

    it("AssessmentRun create across an emulator restart from its state file: one run started and adopted", async () => {
        const result = await cell("emulator restart", "AssessmentRun", "create");
        assertHolds(result);
        assert.equal(result.outcome, "same run");
        assert.equal(result.runsStarted, 1);
    });

    it("FindingsGate create through 5xx bursts and refresh through dropped connections", async () => {
        assertHolds(await cell("5xx bursts", "FindingsGate", "create"));
        assertHolds(await cell("dropped connections", "FindingsGate", "refresh"));
    });

    it("InspectorEnablement create with the provider host killed at Enable: the next run adopts, no second Enable", async () => {
        const result = await cell("provider killed", "InspectorEnablement", "create");
        assertHolds(result);
        assert.equal(result.outcome, "one more up");
        assert.deepEqual(result.enableTokens, [1, 1]);
    });

    it("repeats: the same seed gives the same row", async () => {
        const first = await cell("answers lost", "AssessmentRun", "create");
        const second = await cell("answers lost", "AssessmentRun", "create");
        assert.equal(matrixTable([second]), matrixTable([first]));
    });

    it("control: an emulator restarted WITHOUT its state file executes the retried Enable again, and the matrix counts it", async () => {
        const forgetful: Scenario = {
            ...scenario("emulator restart"),
            arm: ({ world, key, first }) =>
                key && first
                    ? [
                          world.proxy.addHook({
                              match: matchesKey(key),
                              after: async () => {
                                  await world.restart({ keepState: false });
                                  return "lose" as const;
                              },
                          }),
                      ]
                    : [],
        };
        const result = await runCell(forgetful, resource("InspectorEnablement"), "create", DEFAULT_SEED);
        assert.equal(result.duplicates, 1);
        assert.deepEqual([...result.enableTokens].sort(), [1, 2]);
    });

    it("control: a resource that Inspector has but no state records is counted as lost", async () => {
        const spec = resource("AssessmentRun");
        const world = await World.start({ ...spec.settings, faults: [] });
        const saved = { ...process.env };
        Object.assign(process.env, world.providerEnv);
        resetClients();
        try {
            const engine = new MiniEngine(inProcessDriver(spec.lifecycle, () => contextWith(sharedClients)));
            assert.ok((await engine.up({ resourceUrn: urnOf(spec), ...spec.args(world, "create") })).ok);
            assert.equal((await spec.verify(world, engine.state, "create")).lost, 0);
            const verdict = await spec.verify(world, undefined, "create");
            assert.equal(verdict.lost, 1, verdict.detail);
            assert.equal(verdict.converged, false);
        } finally {
            for (const key of Object.keys(world.providerEnv)) {
                if (saved[key] === undefined) delete process.env[key];
                else process.env[key] = saved[key];
            }
            resetClients();
            await world.close();
        }
    });
});
