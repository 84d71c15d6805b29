import assert from "node:assert/strict";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { assessmentRunProvider } from "../../provider/assessment-run/resource";
import { canonicalJson } from "../../provider/core/canonical";
import { enablementProvider } from "../../provider/enablement/resource";
import { findingsGateProvider } from "../../provider/findings-gate/resource";
import {
    type DynamicProviderHost,
    type Properties,
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
} from "../support/dynamic-provider-host";
import {
    BAD_INPUTS,
    BADNESS,
    type BadInput,
    type ResourceName,
    STACK_REGION,
    URNS,
    VALID,
} from "./bad-input-rows";

/** The corpus must stay at least this large. */
const MIN_ROWS = 80;

/** The row's inputs as the program would send them: the valid inputs with the row's laid over them. */
function programInputs(row: BadInput): Properties {
    return JSON.parse(JSON.stringify({ ...VALID[row.resource], ...row.inputs })) as Properties;
}

function title(row: BadInput): string {
    const shown = JSON.stringify(row.inputs, (_, value: unknown) =>
        value === undefined ? "<left out>" : value,
    );
    return `${row.resource}, ${row.kind}: ${shown.length > 90 ? `${shown.slice(0, 87)}...` : shown}`;
}

/**
 * Every bad input of the corpus through the real dynamic-provider host, over gRPC, as a new resource of a
 * `pulumi preview`: check refuses it under the property, with a reason that shows the value and states the rule,
 * and calls nothing. One host and one emulator serve the whole table; the host's AWS endpoints are the
 * emulator's, so a check that called AWS (or a read-only look that ran because a bad input got through) would
 * show in the emulator's call log.
 */
describe("bad-input corpus: check refuses each bad input with the property, the value and the rule, calling nothing", function () {
    this.timeout(60_000);
    let emulator: RunningEmulator;
    let host: DynamicProviderHost;
    const providers = {} as Record<ResourceName, string>;

    before(async () => {
        emulator = await startEmulator();
        host = await startDynamicProviderHost({
            env: { ...emulator.env, AWS_ENDPOINT_URL: emulator.url, AWS_REGION: STACK_REGION },
        });
        providers.InspectorEnablement = await serializeDynamicProvider(enablementProvider);
        providers.AssessmentRun = await serializeDynamicProvider(assessmentRunProvider);
        providers.FindingsGate = await serializeDynamicProvider(findingsGateProvider);
        await host.configure({ "aws:region": STACK_REGION });
    });

    after(async () => {
        await host?.close();
        await emulator?.close();
    });

    it(`holds at least ${MIN_ROWS} distinct rows, for every resource and every kind of badness`, () => {
        assert.ok(BAD_INPUTS.length >= MIN_ROWS, `${BAD_INPUTS.length} rows`);
        const seen = new Map<string, BadInput>();
        for (const row of BAD_INPUTS) {
            const key = `${row.resource} ${canonicalJson(programInputs(row))}`;
            assert.ok(!seen.has(key), `the same inputs twice: ${title(row)}`);
            seen.set(key, row);
        }
        for (const resource of Object.keys(VALID) as ResourceName[]) {
            assert.ok(
                BAD_INPUTS.filter((row) => row.resource === resource).length >= 20,
                `too few rows for ${resource}`,
            );
        }
        assert.deepEqual(
            BADNESS.filter((kind) => !BAD_INPUTS.some((row) => row.kind === kind)),
            [],
            "kinds of badness without a row",
        );
        for (const property of ["profile", "assumeRole"]) {
            for (const resource of Object.keys(VALID) as ResourceName[]) {
                assert.ok(
                    BAD_INPUTS.some((row) => row.resource === resource && property in row.inputs),
                    `no bad ${property} for ${resource}`,
                );
            }
        }
    });

    it("accepts the valid inputs the rows spoil (checked as an update, so nothing is looked at)", async () => {
        for (const resource of Object.keys(VALID) as ResourceName[]) {
            const inputs = withProvider(providers[resource], VALID[resource]);
            const { failures } = await host.check(URNS[resource], VALID[resource], inputs);
            assert.deepEqual(failures, [], resource);
        }
        assert.deepEqual(emulator.admin.calls(), []);
    });

    describe("refuses", () => {
        for (const row of BAD_INPUTS) {
            it(title(row), async () => {
                const inputs = withProvider(providers[row.resource], programInputs(row));
                const callsBefore = emulator.admin.calls().length;
                const { failures } = await host.check(URNS[row.resource], {}, inputs);
                const calls = emulator.admin.calls().slice(callsBefore);
                assert.deepEqual(
                    [...new Set(failures.map((failure) => failure.property))],
                    [row.property],
                    `failures: ${JSON.stringify(failures)}`,
                );
                const reasons = failures.map((failure) => failure.reason);
                assert.ok(
                    reasons.some((reason) => row.reason.test(reason)),
                    `no reason matches ${row.reason}: ${JSON.stringify(reasons)}`,
                );
                assert.deepEqual(calls, [], "check called the emulator");
            });
        }
    });

    it("the emulator received no call over the whole table", () => {
        assert.deepEqual(emulator.admin.calls(), []);
    });
});
