import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { adaptLifecycle, PROVIDER_KEY, type ResourceLifecycle } from "../../provider/dynamic/adapter";
import { PartialFailure } from "../../provider/dynamic/partial-failure";
import {
    isSecretValue,
    markSecrets,
    sameSecretInputs,
    SECRET_INPUTS_KEY,
    secretInputNames,
    secretInputsOf,
    secretInputsProblem,
    secretProperties,
    secretRedactor,
    secretValue,
} from "../../provider/dynamic/secrets";
import { testContext, type TestContext } from "../support/test-context";

const SECRET = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });

/** The value of `output`, once known (outside a deployment every output resolves). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => resolve(value)));
}

describe("secret inputs and the outputs derived from them", () => {
    describe("secretInputNames (in the program)", () => {
        const cases: { title: string; args: Record<string, unknown>; secret: string[] }[] = [
            {
                title: "plain values",
                args: { accountIds: ["111122223333"], region: "eu-west-1" },
                secret: [],
            },
            {
                title: "a secret list",
                args: { accountIds: pulumi.secret(["444455556666"]), region: "eu-west-1" },
                secret: ["accountIds"],
            },
            {
                title: "a secret inside a list, and a secret output of another resource",
                args: {
                    region: pulumi.output("eu-west-1").apply((r) => pulumi.secret(r)),
                    accountIds: ["111122223333", pulumi.secret("444455556666")],
                },
                secret: ["accountIds", "region"],
            },
            { title: "undefined and absent inputs", args: { accountIds: undefined }, secret: [] },
        ];
        for (const { title, args, secret } of cases) {
            it(title, async () => {
                const names = secretInputNames(args);
                assert.deepEqual(await valueOf(names), secret);
                // The list of names is never secret itself: it is stored in plain text beside the outputs.
                assert.equal(await pulumi.isSecret(names), false);
            });
        }
    });

    describe("the list of secret inputs a call carries", () => {
        const cases: { given: unknown; names: string[]; problem?: RegExp }[] = [
            { given: undefined, names: [] },
            { given: [], names: [] },
            { given: ["region", "accountIds", "region"], names: ["accountIds", "region"] },
            { given: "accountIds", names: [], problem: /must be a list of input names/ },
            { given: [1], names: [], problem: /must be a list of input names/ },
            {
                given: ["accountIDs"],
                names: ["accountIDs"],
                problem: /names accountIDs, which this resource/,
            },
        ];
        for (const { given, names, problem } of cases) {
            it(`${JSON.stringify(given) ?? "absent"}: ${JSON.stringify(names)}${problem ? ", refused" : ""}`, () => {
                assert.deepEqual(secretInputsOf({ [SECRET_INPUTS_KEY]: given }), names);
                const reason = secretInputsProblem(given, ["accountIds", "region"]);
                if (problem) assert.match(reason ?? "", problem);
                else assert.equal(reason, undefined);
            });
        }

        it("absent and empty are the same; order does not matter", () => {
            assert.ok(sameSecretInputs({}, { [SECRET_INPUTS_KEY]: [] }));
            assert.ok(
                sameSecretInputs({ [SECRET_INPUTS_KEY]: ["b", "a"] }, { [SECRET_INPUTS_KEY]: ["a", "b"] }),
            );
            assert.ok(!sameSecretInputs({}, { [SECRET_INPUTS_KEY]: ["a"] }));
        });
    });

    describe("marking outputs secret", () => {
        it("wraps the named outputs that are present, once, and records the secret inputs beside them", () => {
            const names = secretProperties(["accountIds"], {
                accountIds: ["accounts", "managedAccountIds"],
                region: ["other"],
            });
            assert.deepEqual([...names].sort(), ["accountIds", "accounts", "managedAccountIds"]);
            const marked = markSecrets(
                {
                    accountIds: ["444455556666"],
                    accounts: [{ accountId: "444455556666" }],
                    managedAccountIds: secretValue(["444455556666"]),
                    enabledAccountCount: 1,
                },
                names,
                ["accountIds"],
            );
            assert.deepEqual(marked, {
                accountIds: SECRET(["444455556666"]),
                accounts: SECRET([{ accountId: "444455556666" }]),
                managedAccountIds: SECRET(["444455556666"]),
                enabledAccountCount: 1,
                [SECRET_INPUTS_KEY]: ["accountIds"],
            });
            assert.ok(isSecretValue(marked.accounts));
            assert.ok(!isSecretValue(marked.enabledAccountCount));
        });

        it("without secret inputs changes nothing and drops a stale list", () => {
            assert.deepEqual(markSecrets({ a: 1, [SECRET_INPUTS_KEY]: ["a"] }, new Set(), []), { a: 1 });
        });
    });

    describe("hiding secret values in messages", () => {
        const props = { accountIds: ["444455556666", "12"], clientToken: "abc-token", region: "eu-west-1" };
        const cases: { text: string; secret: string[]; shown: string }[] = [
            {
                text: "444455556666: ACCESS_DENIED (remove it from accountIds)",
                secret: ["accountIds"],
                shown: "[secret]: ACCESS_DENIED (remove it from accountIds)",
            },
            // Two characters and fewer are not hidden: "12" is in every other message.
            {
                text: "scanning: 12 of 12 accounts enabled",
                secret: ["accountIds"],
                shown: "scanning: 12 of 12 accounts enabled",
            },
            {
                text: "token abc-token in eu-west-1",
                secret: ["clientToken"],
                shown: "token [secret] in eu-west-1",
            },
            { text: "token abc-token in eu-west-1", secret: [], shown: "token abc-token in eu-west-1" },
        ];
        for (const { text, secret, shown } of cases) {
            it(`${JSON.stringify(secret)}: ${shown}`, () => {
                assert.equal(secretRedactor(props, secret)(text), shown);
            });
        }
    });

    describe("through the lifecycle adapter", () => {
        type Inputs = { accountIds?: string[]; region?: string };
        type Outputs = Inputs & { accounts?: { accountId: string }[]; count?: number };
        let context: TestContext;
        const lifecycle: ResourceLifecycle<Inputs, Outputs> = {
            inputKeys: ["accountIds", "region"],
            secretOutputs: { accountIds: ["accounts"] },
            check: (news) => ({
                inputs: { ...news },
                failures: Array.isArray(news.accountIds)
                    ? [{ property: "accountIds", reason: `accountIds[0] "${news.accountIds[0]}" is wrong` }]
                    : [],
            }),
            diff: () => ({ changes: false, replaces: [], deleteBeforeReplace: false }),
            async create(inputs, ctx) {
                ctx.log(`enabling ${inputs.accountIds?.join(", ")}`);
                const outs = {
                    ...inputs,
                    accounts: (inputs.accountIds ?? []).map((accountId) => ({ accountId })),
                    count: 1,
                };
                if (inputs.region === "partial") {
                    throw new PartialFailure(`could not enable ${inputs.accountIds?.[0]}`, "id-1", outs, [
                        `${inputs.accountIds?.[0]}: ACCESS_DENIED`,
                    ]);
                }
                return { id: "id-1", outs };
            },
            async read(id, stored) {
                return { id, outs: { ...stored, count: 2 }, inputs: { accountIds: stored.accountIds } };
            },
            async update(_id, _olds, news) {
                return { outs: { ...news, accounts: [], count: 3 } };
            },
            async delete(_id, stored, ctx) {
                ctx.warn(`left ${stored.accountIds?.join(", ")} alone`);
            },
        };
        const provider = () => adaptLifecycle(lifecycle, () => (context = testContext()));
        const SECRETS = { [SECRET_INPUTS_KEY]: ["accountIds"] };
        const props = { [PROVIDER_KEY]: "text", accountIds: ["444455556666"], ...SECRETS };

        it("check keeps the list beside the inputs and hides the secret values in failures", async () => {
            const { inputs, failures } = await provider().check!({}, props);
            assert.deepEqual(inputs, { accountIds: ["444455556666"], ...SECRETS });
            assert.deepEqual(failures, [
                { property: "accountIds", reason: 'accountIds[0] "[secret]" is wrong' },
            ]);
        });

        it("check refuses a list that names an input the resource does not have", async () => {
            const { failures } = await provider().check!(
                {},
                { region: "x", [SECRET_INPUTS_KEY]: ["accountIDs"] },
            );
            assert.deepEqual(
                (failures ?? []).map((failure) => failure.property),
                [SECRET_INPUTS_KEY],
            );
        });

        it("create returns the derived outputs as secrets and hides the values in its progress", async () => {
            const { id, outs } = await provider().create(props);
            assert.equal(id, "id-1");
            assert.deepEqual(outs, {
                accountIds: SECRET(["444455556666"]),
                accounts: SECRET([{ accountId: "444455556666" }]),
                count: 1,
                ...SECRETS,
            });
            assert.deepEqual(context.logs, ["enabling [secret]"]);
        });

        it("without secret inputs, create returns plain outputs", async () => {
            const { outs } = await provider().create({ accountIds: ["444455556666"] });
            assert.deepEqual(outs, {
                accountIds: ["444455556666"],
                accounts: [{ accountId: "444455556666" }],
                count: 1,
            });
        });

        it("a partial failure's properties are secrets too, and its message hides them", async () => {
            await assert.rejects(
                provider().create({ ...props, region: "partial" }),
                (error: PartialFailure) => {
                    assert.ok(error instanceof PartialFailure);
                    assert.equal(error.message, "could not enable [secret]");
                    assert.deepEqual(error.reasons, ["[secret]: ACCESS_DENIED"]);
                    assert.deepEqual(error.properties.accounts, SECRET([{ accountId: "444455556666" }]));
                    assert.equal(error.properties[PROVIDER_KEY], "text");
                    return true;
                },
            );
        });

        it("read and update keep the derived outputs secret; read's inputs keep the list", async () => {
            const read = await provider().read!("id-1", props);
            assert.deepEqual(read.props?.accounts, undefined);
            assert.deepEqual(read.props?.accountIds, SECRET(["444455556666"]));
            assert.deepEqual(read.inputs, { accountIds: SECRET(["444455556666"]), ...SECRETS });
            const updated = await provider().update!("id-1", props, props);
            assert.deepEqual(updated.outs, {
                accountIds: SECRET(["444455556666"]),
                accounts: SECRET([]),
                count: 3,
                ...SECRETS,
            });
        });

        it("delete hides the secret values in its warnings", async () => {
            await provider().delete!("id-1", props);
            assert.deepEqual(context.warnings, ["left [secret] alone"]);
        });

        it("a preview hides the recorded secret values too: a removed account is named only in the state", async () => {
            const previewing: ResourceLifecycle<Inputs, Outputs> = {
                ...lifecycle,
                diff: () => ({ changes: true, replaces: [], deleteBeforeReplace: false }),
                async preview(_id, olds, news, ctx) {
                    const kept = new Set((news.accountIds as string[] | undefined) ?? []);
                    const removed = (olds.accountIds ?? []).filter((accountId) => !kept.has(accountId));
                    ctx.log(`up would disable ${removed.join(", ")} and keep ${[...kept].join(", ")}`);
                },
            };
            const recorded = { ...props, accountIds: ["444455556666", "777788889999"] };
            await adaptLifecycle(previewing, () => (context = testContext())).diff!("id-1", recorded, props);
            assert.deepEqual(context.logs, ["up would disable [secret] and keep [secret]"]);
        });

        it("diff reports a change when inputs became secret, and none when nothing changed", async () => {
            const plain = { accountIds: ["444455556666"] };
            assert.equal((await provider().diff!("id-1", plain, props)).changes, true);
            assert.equal((await provider().diff!("id-1", props, props)).changes, false);
            assert.equal((await provider().diff!("id-1", plain, plain)).changes, false);
        });
    });
});
