import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { DEFAULT_WAIT_POLICY } from "../../provider/core/context";
import {
    adaptLifecycle,
    hostContext,
    PROVIDER_KEY,
    type Properties,
    type ReadOutcome,
    type ResourceLifecycle,
} from "../../provider/dynamic/adapter";
import { UNKNOWN } from "../../provider/dynamic/check";
import { PartialFailure } from "../../provider/dynamic/partial-failure";
import { SECRET_INPUTS_KEY } from "../../provider/dynamic/secrets";
import { configureFromStack } from "../../provider/dynamic/stack-config";
import { lifecycle as findingsGateLifecycle } from "../../provider/findings-gate/lifecycle";
import {
    afterScans,
    enableScanning,
    IMAGE_URI,
    TEST_URN,
    useGateEmulator,
} from "../findings-gate/emulator-fixture";
import { testContext, type TestContext } from "../support/test-context";

type Inputs = { name: string; size?: number };
type Outputs = Inputs & { made: boolean };

/**
 * A lifecycle that records what each call received, and fails part way when `size` is 13. Check refuses the name
 * "bad"; diff reports a change when the name changes; the preview looks warn with the name they were given.
 */
function recordingLifecycle() {
    const received: Record<string, unknown[]> = {};
    const record = (method: string, ...args: unknown[]) => void (received[method] = args);
    const lifecycle: ResourceLifecycle<Inputs, Outputs> = {
        inputKeys: ["name", "size"],
        check(news) {
            record("check", news);
            const failures = news.name === "bad" ? [{ property: "name", reason: "name is bad" }] : [];
            return { inputs: { name: news.name }, failures };
        },
        diff(id, olds, news) {
            record("diff", id, olds, news);
            return { changes: olds.name !== news.name, replaces: [], deleteBeforeReplace: false };
        },
        async preview(id, olds, news, context) {
            record("preview", id, olds, news);
            context.warn(`${String(news.name)} would change`);
        },
        async previewCreate(news, context) {
            record("previewCreate", news);
            context.warn(`${String(news.name)} would be created`);
        },
        async create(inputs) {
            record("create", inputs);
            const outs = { ...inputs, made: true };
            if (inputs.size === 13) throw new PartialFailure("half made", "id-1", outs, ["the other half"]);
            return { id: "id-1", outs };
        },
        async read(id, stored): Promise<ReadOutcome<Outputs>> {
            record("read", id, stored);
            return id === "gone"
                ? { id: "", outs: {} }
                : { id, outs: { name: "read", made: true }, inputs: { name: "read" } };
        },
        async update(id, olds, news) {
            record("update", id, olds, news);
            const outs = { ...news, made: true };
            if (news.size === 13) throw new PartialFailure("half updated", id, outs);
            return { outs };
        },
        async delete(id, stored) {
            record("delete", id, stored);
        },
    };
    return { lifecycle, received };
}

const PROVIDER = "exports.handler = …";

describe("the lifecycle adapter", () => {
    let provider: pulumi.dynamic.ResourceProvider;
    let received: Record<string, unknown[]>;
    let contexts: TestContext[];

    beforeEach(() => {
        const recording = recordingLifecycle();
        received = recording.received;
        contexts = [];
        provider = adaptLifecycle(recording.lifecycle, () => {
            const context = testContext();
            contexts.push(context);
            return context;
        });
    });

    it("hides __provider from check and diff", async () => {
        await provider.check!({}, { name: "a", [PROVIDER_KEY]: PROVIDER });
        assert.deepEqual(received.check, [{ name: "a" }]);
        await provider.diff!(
            "id-1",
            { name: "a", made: true, [PROVIDER_KEY]: PROVIDER },
            { name: "b", [PROVIDER_KEY]: PROVIDER },
        );
        assert.deepEqual(received.diff, ["id-1", { name: "a", made: true }, { name: "b" }]);
    });

    it("hands create and update exactly the lifecycle's input keys, with a context", async () => {
        await provider.create({ name: "a", size: 1, stray: true, [PROVIDER_KEY]: PROVIDER });
        assert.deepEqual(received.create, [{ name: "a", size: 1 }]);
        await provider.update!(
            "id-1",
            { name: "a", made: true, [PROVIDER_KEY]: PROVIDER },
            { name: "a", size: 2, [PROVIDER_KEY]: PROVIDER },
        );
        assert.deepEqual(received.update, ["id-1", { name: "a", made: true }, { name: "a", size: 2 }]);
        assert.equal(contexts.length, 2);
    });

    for (const method of ["create", "update"] as const) {
        it(`puts __provider into a partial failure of ${method}, whatever the lifecycle threw`, async () => {
            const news = { name: "a", size: 13, [PROVIDER_KEY]: PROVIDER };
            const call =
                method === "create"
                    ? provider.create(news)
                    : provider.update!("id-1", { name: "a", made: true, [PROVIDER_KEY]: PROVIDER }, news);
            await assert.rejects(call, (error: unknown) => {
                assert.ok(error instanceof PartialFailure);
                assert.equal(error.id, "id-1");
                assert.deepEqual(error.properties, {
                    name: "a",
                    size: 13,
                    made: true,
                    [PROVIDER_KEY]: PROVIDER,
                });
                return true;
            });
        });
    }

    it("passes other errors through unchanged", async () => {
        const failing = adaptLifecycle(
            { ...recordingLifecycle().lifecycle, create: () => Promise.reject(new Error("boom")) },
            () => testContext(),
        );
        await assert.rejects(failing.create({ name: "a" }), { message: "boom" });
    });

    it("maps read results, including inputs and a resource gone from AWS", async () => {
        assert.deepEqual(await provider.read!("id-1", { name: "a", [PROVIDER_KEY]: PROVIDER }), {
            id: "id-1",
            props: { name: "read", made: true },
            inputs: { name: "read" },
        });
        assert.deepEqual(received.read, ["id-1", { name: "a" }]);
        assert.deepEqual(await provider.read!("gone", {}), { id: "", props: {} });
    });

    it("hides __provider from delete", async () => {
        await provider.delete!("id-1", { name: "a", made: true, [PROVIDER_KEY]: PROVIDER });
        assert.deepEqual(received.delete, ["id-1", { name: "a", made: true }]);
    });

    /** Lifecycle methods that change something: no preview path may reach one. */
    const mutatingCalls = () => ["create", "update", "delete"].filter((method) => method in received);

    it("runs the preview look after a diff that reports a change, with the inputs and a context of its own", async () => {
        const outcome = await provider.diff!(
            "id-1",
            { name: "a", made: true, [PROVIDER_KEY]: PROVIDER },
            { name: "b", [PROVIDER_KEY]: PROVIDER },
        );
        assert.equal(outcome.changes, true);
        assert.deepEqual(received.preview, ["id-1", { name: "a", made: true }, { name: "b" }]);
        assert.equal(contexts.length, 1);
        assert.deepEqual(contexts[0].warnings, ["b would change"]);
        assert.deepEqual(mutatingCalls(), []);
    });

    it("runs no preview look when diff reports no change", async () => {
        const outcome = await provider.diff!(
            "id-1",
            { name: "a", made: true, [PROVIDER_KEY]: PROVIDER },
            { name: "a", [PROVIDER_KEY]: PROVIDER },
        );
        assert.equal(outcome.changes, false);
        assert.equal(received.preview, undefined);
        assert.deepEqual(contexts, []);
    });

    it("runs previewCreate after the check of a new resource, with the checked inputs", async () => {
        const outcome = await provider.check!({}, { name: "a", size: 2, [PROVIDER_KEY]: PROVIDER });
        assert.deepEqual(outcome, { inputs: { name: "a" }, failures: [] });
        assert.deepEqual(received.previewCreate, [{ name: "a" }]);
        // One context for check, which calls nothing, and one for the look, with the resource's credentials.
        assert.equal(contexts.length, 2);
        assert.deepEqual(contexts[1].warnings, ["a would be created"]);
        assert.equal(received.preview, undefined);
        assert.deepEqual(mutatingCalls(), []);
    });

    const noLookCases: [string, Properties, Properties][] = [
        ["the resource exists (its check has olds)", { name: "a", [PROVIDER_KEY]: PROVIDER }, { name: "a" }],
        ["check fails", {}, { name: "bad" }],
        ["an input is not known yet", {}, { name: UNKNOWN }],
        ["the list of secret inputs is wrong", {}, { name: "a", [SECRET_INPUTS_KEY]: ["nonsense"] }],
    ];
    for (const [when, olds, news] of noLookCases) {
        it(`runs no previewCreate when ${when}, and check's outcome is as without the hook`, async () => {
            const withHook = await provider.check!(olds, { ...news, [PROVIDER_KEY]: PROVIDER });
            assert.equal(received.previewCreate, undefined);
            assert.equal(contexts.length, 1, "only check's context");
            const plain = adaptLifecycle(
                { ...recordingLifecycle().lifecycle, previewCreate: undefined },
                () => testContext(),
            );
            assert.deepEqual(withHook, await plain.check!(olds, { ...news, [PROVIDER_KEY]: PROVIDER }));
        });
    }

    it("hides secret inputs in what previewCreate says", async () => {
        await provider.check!({}, { name: "hunter2", [SECRET_INPUTS_KEY]: ["name"] });
        assert.deepEqual(contexts[1].warnings, ["[secret] would be created"]);
    });

    it("turns a failing look into a warning: check and diff answer as without it", async () => {
        const failing = adaptLifecycle(
            {
                ...recordingLifecycle().lifecycle,
                preview: () => Promise.reject(new Error("preview broke")),
                previewCreate: () => Promise.reject(new Error("previewCreate broke")),
            },
            () => {
                const context = testContext();
                contexts.push(context);
                return context;
            },
        );
        assert.deepEqual(await failing.check!({}, { name: "a" }), { inputs: { name: "a" }, failures: [] });
        const diff = await failing.diff!("id-1", { name: "a", made: true }, { name: "b" });
        assert.equal(diff.changes, true);
        assert.deepEqual(
            contexts.flatMap((context) => context.warnings),
            [
                "the read-only look ahead at preview failed, so what applying would do is not shown: previewCreate broke",
                "the read-only look ahead at preview failed, so what applying would do is not shown: preview broke",
            ],
        );
    });
});

describe("the provider host's context", () => {
    afterEach(() => configureFromStack({ get: () => undefined } as unknown as pulumi.dynamic.Config));

    it("uses the default wait policy, or the environment's, then fixed for tests", () => {
        assert.deepEqual(hostContext({}).policy, DEFAULT_WAIT_POLICY);
        assert.equal(hostContext({}).policyFixed, false);
        const fixed = hostContext({ PULUMI_INSPECTOR_WAIT_POLICY: '{"initialPollMs":5}' });
        assert.equal(fixed.policy.initialPollMs, 5);
        assert.equal(fixed.policyFixed, true);
    });

    it("carries the stack's aws:region once configure has run", () => {
        const config = { get: (key: string) => (key === "aws:region" ? "eu-central-1" : undefined) };
        configureFromStack(config as unknown as pulumi.dynamic.Config);
        assert.deepEqual(hostContext({}).stack, { region: "eu-central-1" });
    });
});

describe("the lifecycle adapter's preview looks with the FindingsGate lifecycle, against the emulator", () => {
    const fixture = useGateEmulator();
    const args = {
        images: [IMAGE_URI],
        lambdaFunctions: ["checkout"],
        failOnSeverity: "critical",
        resourceUrn: TEST_URN,
    };

    it("a new gate's check and a failed gate's diff read Inspector, warn, and change nothing", async () => {
        await enableScanning(["ECR", "LAMBDA"]);
        await afterScans();
        const warnings: string[] = [];
        const provider = adaptLifecycle(findingsGateLifecycle, () => {
            const context = testContext();
            return { ...context, warn: (message) => void warnings.push(message) };
        });
        const callMark = fixture.emulator.admin.calls().length;
        const mutationMark = fixture.emulator.admin.mutations().length;
        const stepCalls = () =>
            fixture.emulator.admin
                .calls()
                .slice(callMark)
                .map((call) => `${call.service} ${call.operation}`);

        const { inputs, failures } = await provider.check!({}, { ...args, [PROVIDER_KEY]: PROVIDER });
        assert.deepEqual(failures, []);
        assert.equal(warnings.length, 1);
        assert.match(
            warnings[0],
            /^release-gate: this gate would fail if applied now \(read at preview, nothing was changed\):\nFindingsGate "release-gate" in us-east-1 failed over 1 image and 1 Lambda function: 1 finding at or above failOnSeverity CRITICAL \(critical 1\)\n/,
        );
        assert.deepEqual(stepCalls(), [
            "inspector2 ListCoverage",
            "inspector2 ListCoverage",
            "inspector2 ListFindings",
            "inspector2 ListFindings",
        ]);

        // The same gate once it exists: check calls nothing, the diff of its failed evaluation reads again.
        const state = { ...inputs, passed: false, [PROVIDER_KEY]: PROVIDER };
        const next = await provider.check!(state, { ...args, [PROVIDER_KEY]: PROVIDER });
        assert.equal(stepCalls().length, 4, "the check of an existing gate calls nothing");
        assert.equal((await provider.diff!("findings-gate-1", state, next.inputs)).changes, true);
        assert.equal(warnings.length, 2);
        assert.match(warnings[1], /^release-gate: this gate would fail if applied now/);

        assert.ok(
            stepCalls().every((call) =>
                ["inspector2 ListCoverage", "inspector2 ListFindings"].includes(call),
            ),
            stepCalls().join(", "),
        );
        assert.deepEqual(
            fixture.emulator.admin.mutations().slice(mutationMark),
            [],
            "a preview changed something",
        );
    });
});
