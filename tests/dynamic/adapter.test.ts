import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { DEFAULT_WAIT_POLICY, type LifecycleContext } from "../../provider/core/context";
import {
    adaptLifecycle,
    hostContext,
    PROVIDER_KEY,
    type ReadOutcome,
    type ResourceLifecycle,
} from "../../provider/dynamic/adapter";
import { PartialFailure } from "../../provider/dynamic/partial-failure";
import { configureFromStack } from "../../provider/dynamic/stack-config";
import { testContext } from "../support/test-context";

type Inputs = { name: string; size?: number };
type Outputs = Inputs & { made: boolean };

/** A lifecycle that records what each call received, and fails part way when `size` is 13. */
function recordingLifecycle() {
    const received: Record<string, unknown[]> = {};
    const record = (method: string, ...args: unknown[]) => void (received[method] = args);
    const lifecycle: ResourceLifecycle<Inputs, Outputs> = {
        inputKeys: ["name", "size"],
        check(news) {
            record("check", news);
            return { inputs: { name: news.name }, failures: [] };
        },
        diff(id, olds, news) {
            record("diff", id, olds, news);
            return { changes: true, replaces: [], deleteBeforeReplace: false };
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
    let contexts: LifecycleContext[];

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
