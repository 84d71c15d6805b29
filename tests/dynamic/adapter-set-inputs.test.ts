import assert from "node:assert/strict";
import type { LifecycleContext } from "../../provider/core/context";
import {
    adaptLifecycle,
    PROVIDER_KEY,
    type Properties,
    type ResourceLifecycle,
} from "../../provider/dynamic/adapter";
import { SECRET_INPUTS_KEY, secretValue } from "../../provider/dynamic/secrets";
import { testContext, type TestContext } from "../support/test-context";

type Inputs = { resourceTypes: string[]; accountIds?: string[]; triggers?: string[] };

/**
 * A lifecycle with two set-like inputs and an ordered one, recording what each function received: check sorts
 * and de-duplicates the sets as the real ones do; preview says which accounts it would touch.
 */
function setLifecycle() {
    const received: Record<string, unknown[]> = {};
    const record = (method: string, ...args: unknown[]) => void (received[method] = args);
    const sorted = (value: unknown) =>
        Array.isArray(value) ? [...new Set(value as string[])].sort() : value;
    const lifecycle: ResourceLifecycle<Inputs, Inputs> = {
        inputKeys: ["resourceTypes", "accountIds", "triggers"],
        setInputs: ["resourceTypes", "accountIds"],
        check(news) {
            record("check", news);
            const inputs: Properties = { resourceTypes: sorted(news.resourceTypes) };
            if (news.accountIds !== undefined) inputs.accountIds = sorted(news.accountIds);
            if (news.triggers !== undefined) inputs.triggers = news.triggers;
            return { inputs, failures: [] };
        },
        diff(_id, olds, news) {
            record("diff", olds, news);
            return {
                changes: JSON.stringify(olds.resourceTypes) !== JSON.stringify(news.resourceTypes),
                replaces: [],
                deleteBeforeReplace: false,
            };
        },
        async preview(_id, _olds, news, context) {
            context.log(`would touch ${(news.accountIds as string[]).join(", ")}`);
        },
        async create(inputs) {
            record("create", inputs);
            return { id: "id-1", outs: inputs };
        },
        async read(id, stored) {
            record("read", stored);
            return { id, outs: stored as Inputs, inputs: { ...stored } };
        },
        async update(_id, olds, news) {
            record("update", olds, news);
            return { outs: news };
        },
        async delete(_id, stored) {
            record("delete", stored);
        },
    };
    return { lifecycle, received };
}

const PROVIDER = "exports.handler = …";
const SHAPED = { resourceTypes: { EC2: true, LAMBDA_CODE: true }, accountIds: { "111122223333": true } };
const LISTS = { resourceTypes: ["EC2", "LAMBDA_CODE"], accountIds: ["111122223333"] };

describe("the lifecycle adapter's set-like inputs", () => {
    let received: Record<string, unknown[]>;
    let provider: ReturnType<typeof adaptLifecycle>;
    let context: TestContext;

    beforeEach(() => {
        const made = setLifecycle();
        received = made.received;
        context = testContext();
        provider = adaptLifecycle(made.lifecycle, (): LifecycleContext => context);
    });

    it("check returns them keyed by member, so the engine diffs them as sets; ordered lists stay lists", async () => {
        const { inputs } = await provider.check!(
            {},
            {
                [PROVIDER_KEY]: PROVIDER,
                resourceTypes: ["LAMBDA_CODE", "EC2", "EC2"],
                accountIds: ["111122223333"],
                triggers: ["v2", "v1"],
            },
        );
        assert.deepEqual(inputs, { ...SHAPED, triggers: ["v2", "v1"] });
    });

    it("check's own validation sees lists, even when the engine hands back recorded (keyed) inputs", async () => {
        await provider.check!(SHAPED, { [PROVIDER_KEY]: PROVIDER, ...SHAPED });
        assert.deepEqual(received.check, [LISTS]);
    });

    it("diff, update, read and delete see sorted lists, from keyed inputs and from older list-shaped state", async () => {
        const olderState = {
            [PROVIDER_KEY]: PROVIDER,
            resourceTypes: ["ECR", "EC2"],
            accountIds: ["111122223333"],
        };
        const news = { [PROVIDER_KEY]: PROVIDER, ...SHAPED };
        const diff = await provider.diff!("id-1", olderState, news);
        assert.equal(diff.changes, true);
        assert.deepEqual(received.diff, [
            { resourceTypes: ["ECR", "EC2"], accountIds: ["111122223333"] },
            LISTS,
        ]);
        await provider.update!("id-1", olderState, news);
        assert.deepEqual(received.update[1], LISTS);
        await provider.delete!("id-1", news);
        assert.deepEqual(received.delete, [LISTS]);
        await provider.create({ [PROVIDER_KEY]: PROVIDER, ...SHAPED });
        assert.deepEqual(received.create, [LISTS]);
    });

    it("a refresh's inputs are recorded keyed by member, and its outputs stay lists for the program", async () => {
        const result = await provider.read!("id-1", { [PROVIDER_KEY]: PROVIDER, ...LISTS });
        assert.deepEqual(received.read, [LISTS]);
        assert.deepEqual(result.inputs, SHAPED);
        assert.deepEqual(result.props, LISTS);
    });

    it("a secret set input stays secret after a refresh, and its members are hidden in messages", async () => {
        const secret = { [SECRET_INPUTS_KEY]: ["accountIds"] };
        const result = await provider.read!("id-1", { [PROVIDER_KEY]: PROVIDER, ...LISTS, ...secret });
        assert.deepEqual(result.inputs?.accountIds, secretValue({ "111122223333": true }));
        await provider.diff!(
            "id-1",
            { [PROVIDER_KEY]: PROVIDER, ...LISTS, resourceTypes: ["EC2"], ...secret },
            { [PROVIDER_KEY]: PROVIDER, ...SHAPED, ...secret },
        );
        assert.deepEqual(context.logs, ["would touch [secret]"]);
    });
});
