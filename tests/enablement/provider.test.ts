import assert from "node:assert/strict";
import { unknownValue as UNKNOWN } from "@pulumi/pulumi/runtime/rpc";
import { resetClients } from "../../provider/aws/clients";
import { DEFAULT_SETTINGS, startEmulator, type RunningEmulator } from "../../emulator";
import { WAIT_POLICY_VARIABLE } from "../../provider/core/context";
import { ENABLEMENT_TYPE_TOKEN, enablementProvider } from "../../provider/enablement/resource";
import { enablementId } from "../../provider/enablement/token";
import {
    HostError,
    PROVIDER_KEY,
    type InitFailure,
    resourceUrn,
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
    type DynamicProviderHost,
    type Properties,
} from "../support/dynamic-provider-host";
import {
    accountsWith,
    ADMIN,
    disableOutside,
    liveStatuses,
    MEMBER_A,
    MEMBER_B,
    settle,
    TEST_DELAYS,
} from "./emulator-fixture";

/**
 * The serialised provider is stored with every resource: it must stay a few lines (seven one-line methods, each
 * in the serialiser's wrapper, and the specifiers of the adapter and of the lifecycle).
 */
const MAX_PROVIDER_CHARS = 3_000;

/** The module the serialised provider hands every call to, by package name. */
const LIFECYCLE_MODULE = "pulumi-inspector/dist/provider/enablement/lifecycle.js";

/** Status checks and retries in milliseconds: the provider host reads its wait policy from the environment. */
const FAST_WAIT_POLICY = JSON.stringify({ initialPollMs: 10, maxPollMs: 100, retryDelayMs: 10 });

/** The stack's region, handed to configure; the host's environment says us-east-1. */
const STACK_REGION = "eu-west-1";

describe("InspectorEnablement provider through the dynamic-provider host (gRPC)", () => {
    let emulator: RunningEmulator;
    let host: DynamicProviderHost;
    let provider: string;

    before(async () => {
        emulator = await startEmulator({ settings: { delays: TEST_DELAYS } });
        host = await startDynamicProviderHost({
            env: { ...emulator.env, [WAIT_POLICY_VARIABLE]: FAST_WAIT_POLICY },
        });
        provider = await serializeDynamicProvider(enablementProvider);
        await host.configure({ "aws:region": STACK_REGION, "aws:skipCredentialsValidation": "true" });
    });

    beforeEach(() => {
        emulator.admin.reset();
        emulator.admin.updateSettings({ accounts: DEFAULT_SETTINGS.accounts, faults: [] });
    });

    after(async () => {
        await host?.close();
        await emulator?.close();
    });

    /** Runs `action` with this process's SDK pointed at the emulator (the host has its own environment). */
    async function withEmulatorEnv<T>(action: () => Promise<T>): Promise<T> {
        const saved = { ...process.env };
        Object.assign(process.env, emulator.env);
        resetClients();
        try {
            return await action();
        } finally {
            for (const key of Object.keys(emulator.env)) {
                if (saved[key] === undefined) delete process.env[key];
                else process.env[key] = saved[key];
            }
            resetClients();
        }
    }

    /** Inspector's statuses in the stack's region, read from this process. */
    function live(accountIds: string[]) {
        return withEmulatorEnv(() => liveStatuses(accountIds, STACK_REGION));
    }

    function programInputs(name: string, props: Properties): Properties {
        return withProvider(provider, { resourceUrn: resourceUrn(name, ENABLEMENT_TYPE_TOKEN), ...props });
    }

    /** Check then create, as the engine does for a new resource. */
    async function checkAndCreate(name: string, props: Properties) {
        const urn = resourceUrn(name, ENABLEMENT_TYPE_TOKEN);
        const { inputs, failures } = await host.check(urn, {}, programInputs(name, props));
        assert.deepEqual(failures, []);
        return { urn, inputs, ...(await host.create(urn, inputs)) };
    }

    it("serialises to a short provider that loads its implementation by package name and holds no secret", () => {
        assert.ok(provider.length < MAX_PROVIDER_CHARS, `__provider is ${provider.length} characters`);
        assert.ok(provider.includes(JSON.stringify(LIFECYCLE_MODULE)), provider);
        for (const secretLooking of [
            DEFAULT_SETTINGS.accounts[0].secretAccessKey!,
            DEFAULT_SETTINGS.accounts[0].accessKeyId!,
            "AKIA",
            "aws_secret",
            "SecretAccessKey",
            "sessionToken",
            emulator.url,
            "Inspector2Client",
            "BatchGetAccountStatus",
        ]) {
            assert.ok(!provider.includes(secretLooking), `__provider contains ${secretLooking}`);
        }
    });

    it("check normalises, takes the stack's region from configure and derives the token", async () => {
        const urn = resourceUrn("scanning", ENABLEMENT_TYPE_TOKEN);
        const { inputs, failures } = await host.check(
            urn,
            {},
            programInputs("scanning", {
                resourceTypes: ["ECR", "EC2", "ECR"],
                accountIds: [MEMBER_B, MEMBER_A],
            }),
        );
        assert.deepEqual(failures, []);
        // Set-like lists come back keyed by member, so that preview --diff shows members added and removed.
        assert.deepEqual(inputs, {
            resourceTypes: { EC2: true, ECR: true },
            accountIds: { [MEMBER_A]: true, [MEMBER_B]: true },
            clientToken: inputs.clientToken,
            region: STACK_REGION,
            waitForEnabled: true,
            waitTimeoutSeconds: 900,
            pollIntervalSeconds: 3,
            resourceUrn: urn,
            [PROVIDER_KEY]: provider,
        });
        assert.match(inputs.clientToken as string, /^pulumi-[0-9a-f]{40}$/);
        assert.equal(emulator.admin.calls().length, 0);
    });

    it("check reports each problem with the property, the value and the rule, and accepts unknowns", async () => {
        const urn = resourceUrn("bad", ENABLEMENT_TYPE_TOKEN);
        const { failures } = await host.check(
            urn,
            {},
            programInputs("bad", { resourceTypes: ["EC2", "EC3"], accountIds: ["12345"], region: "Mars" }),
        );
        assert.deepEqual(failures, [
            {
                property: "resourceTypes",
                reason:
                    'resourceTypes[1] "EC3" is not a resource type: use EC2, ECR, LAMBDA, LAMBDA_CODE or ' +
                    "CODE_REPOSITORY (any letter case)",
            },
            {
                property: "accountIds",
                reason: 'accountIds[0] "12345" is not an account ID: an account ID is a string of exactly 12 digits',
            },
            {
                property: "region",
                reason:
                    'region "Mars" is not an AWS region: a region is lower-case words joined by dashes and ending ' +
                    "in a number, such as eu-west-1",
            },
        ]);

        const preview = await host.check(
            urn,
            {},
            programInputs("preview", { resourceTypes: ["EC2"], accountIds: UNKNOWN, region: UNKNOWN }),
        );
        assert.deepEqual(preview.failures, []);
        assert.equal(preview.inputs.accountIds, UNKNOWN);
        assert.equal(emulator.admin.calls().length, 0);
    });

    it("creates, finds no changes, refreshes, repairs drift, updates, replaces on a new region and deletes", async () => {
        const { urn, inputs, id, outs } = await checkAndCreate("scanning", {
            resourceTypes: ["EC2"],
            accountIds: [ADMIN, MEMBER_A],
        });
        assert.equal(id, enablementId(STACK_REGION, urn));
        assert.equal(outs.enabledAccountCount, 2);
        assert.equal(outs[PROVIDER_KEY], provider);
        assert.equal(outs.region, STACK_REGION);
        await host.waitForLog("scanning: 2 of 2 accounts enabled in eu-west-1");
        const state = JSON.stringify(outs);
        for (const secretLooking of [
            emulator.env.AWS_SECRET_ACCESS_KEY,
            emulator.env.AWS_ACCESS_KEY_ID,
            "not-used",
        ]) {
            assert.ok(!state.includes(secretLooking), `the state holds ${secretLooking}`);
        }

        // `pulumi preview --expect-no-changes` right after `up`; a preview calls nothing in AWS.
        const callsBefore = emulator.admin.calls().length;
        const noChange = await host.diff(id, urn, outs, inputs);
        assert.equal(noChange.changes, "none");
        assert.equal(emulator.admin.calls().length, callsBefore);

        // Refresh without drift: nothing to do either.
        const refreshed = await host.read(id, urn, outs, inputs);
        assert.equal(refreshed.id, id);
        assert.deepEqual(refreshed.inputs, inputs);
        assert.equal((await host.diff(id, urn, refreshed.props, inputs)).changes, "none");

        // Drift: EC2 turned off on a member outside Pulumi shows as an update that turns it on again.
        await withEmulatorEnv(() => disableOutside([MEMBER_A], ["EC2"], STACK_REGION));
        await settle();
        const drifted = await host.read(id, urn, outs, inputs);
        const drift = await host.diff(id, urn, drifted.props, inputs);
        assert.deepEqual([drift.changes, drift.replaces], ["some", []]);
        const repaired = await host.update(id, urn, drifted.props, inputs);
        assert.equal(repaired.outs.enabledAccountCount, 2);
        assert.equal((await host.diff(id, urn, repaired.outs, inputs)).changes, "none");

        // A new type is an update in place.
        const wider = (
            await host.check(
                urn,
                inputs,
                programInputs("scanning", {
                    resourceTypes: ["EC2", "LAMBDA"],
                    accountIds: [ADMIN, MEMBER_A],
                }),
            )
        ).inputs;
        const widen = await host.diff(id, urn, repaired.outs, wider);
        assert.deepEqual([widen.changes, widen.replaces, widen.deleteBeforeReplace], ["some", [], false]);
        const widened = await host.update(id, urn, repaired.outs, wider);
        assert.deepEqual(widened.outs.managedResourceTypes, ["EC2", "LAMBDA"]);
        assert.equal((await live([MEMBER_A]))[MEMBER_A].lambda, "ENABLED");

        // A new region is a replacement, created before the old one is deleted.
        const elsewhere = (
            await host.check(
                urn,
                wider,
                programInputs("scanning", {
                    resourceTypes: ["EC2", "LAMBDA"],
                    accountIds: [ADMIN, MEMBER_A],
                    region: "eu-central-1",
                }),
            )
        ).inputs;
        const move = await host.diff(id, urn, widened.outs, elsewhere);
        assert.deepEqual(
            [move.changes, move.replaces, move.deleteBeforeReplace],
            ["some", ["region"], false],
        );

        await host.delete(id, urn, widened.outs);
        const after = await live([ADMIN, MEMBER_A]);
        assert.deepEqual(
            [after[ADMIN].ec2, after[ADMIN].lambda, after[MEMBER_A].ec2, after[MEMBER_A].lambda],
            ["DISABLED", "DISABLED", "DISABLED", "DISABLED"],
        );
    });

    it("a partial failure reaches the engine with the id, the properties to keep and each account's reason", async () => {
        emulator.admin.updateSettings({ accounts: accountsWith({ [MEMBER_B]: { state: "isolated" } }) });
        const urn = resourceUrn("partial", ENABLEMENT_TYPE_TOKEN);
        const { inputs } = await host.check(
            urn,
            {},
            programInputs("partial", { resourceTypes: ["ECR"], accountIds: [MEMBER_A, MEMBER_B] }),
        );
        const error = await host.create(urn, inputs).then(
            () => assert.fail("create should have failed in part"),
            (failure: unknown) => failure,
        );
        assert.ok(error instanceof HostError);
        assert.ok(error.initFailure, "no ErrorResourceInitFailed detail");
        assert.equal(error.initFailure.id, enablementId(STACK_REGION, urn));
        assert.deepEqual(error.initFailure.reasons, [
            `${MEMBER_B}: ACCOUNT_IS_ISOLATED: Account ${MEMBER_B} is isolated, so Inspector cannot act on it. (AWS ` +
                "has isolated this account; resolve it with AWS Support or remove it from accountIds)",
        ]);
        assert.match(error.message, /^partial: could not enable Inspector on 1 of 2 accounts in eu-west-1:/);
        const kept = error.initFailure.properties;
        assert.equal(kept[PROVIDER_KEY], provider);
        assert.deepEqual(kept.managedAccountIds, [MEMBER_A, MEMBER_B]);
        assert.equal(kept.enabledAccountCount, 1);
        assert.deepEqual(
            (kept.failedAccounts as { accountId: string; errorCode: string }[]).map((f) => [
                f.accountId,
                f.errorCode,
            ]),
            [[MEMBER_B, "ACCOUNT_IS_ISOLATED"]],
        );

        // The next `pulumi up`: the engine diffs the kept properties, sees work left, and the update finishes it.
        emulator.admin.updateSettings({ accounts: DEFAULT_SETTINGS.accounts });
        const id = error.initFailure.id;
        assert.equal((await host.diff(id, urn, kept, inputs)).changes, "some");
        const finished = await host.update(id, urn, kept, inputs);
        assert.equal(finished.outs.enabledAccountCount, 2);
        assert.deepEqual(finished.outs.failedAccounts, []);
    });

    /** The ErrorResourceInitFailed detail a create or update that failed in part reaches the engine with. */
    async function initFailureOf(call: Promise<unknown>): Promise<InitFailure> {
        const error = await call.then(
            () => assert.fail("the call should have failed in part"),
            (failure: unknown) => failure,
        );
        assert.ok(error instanceof HostError, String(error));
        assert.ok(error.initFailure, `no ErrorResourceInitFailed detail: ${error.message}`);
        return error.initFailure;
    }

    /** Inspector refuses every Enable and Disable of MEMBER_B. */
    function refuseMemberB(): void {
        emulator.admin.updateSettings({
            accounts: accountsWith({
                [MEMBER_B]: { failures: [{ errorCode: "BLOCKED_BY_ORGANIZATION_POLICY", times: 1_000 }] },
            }),
        });
    }

    /** Refresh and destroy from what a failed create or update recorded, as the engine then does. */
    async function refreshAndDestroy(urn: string, failure: InitFailure, inputs: Properties): Promise<void> {
        const refreshed = await host.read(failure.id, urn, failure.properties, inputs);
        assert.equal(refreshed.id, failure.id);
        assert.equal(refreshed.props.enabledAccountCount, 2);
        await host.delete(failure.id, urn, refreshed.props);
        const after = await live([ADMIN, MEMBER_A, MEMBER_B]);
        assert.deepEqual(
            [ADMIN, MEMBER_A, MEMBER_B].map((accountId) => [
                accountId,
                after[accountId].ec2,
                after[accountId].ecr,
            ]),
            [ADMIN, MEMBER_A, MEMBER_B].map((accountId) => [accountId, "DISABLED", "DISABLED"]),
        );
    }

    it("a create that failed in part keeps __provider: refresh and destroy then turn everything off", async () => {
        refuseMemberB();
        const urn = resourceUrn("refused", ENABLEMENT_TYPE_TOKEN);
        const { inputs } = await host.check(
            urn,
            {},
            programInputs("refused", {
                resourceTypes: ["EC2", "ECR"],
                accountIds: [ADMIN, MEMBER_A, MEMBER_B],
            }),
        );
        const failure = await initFailureOf(host.create(urn, inputs));
        assert.equal(failure.id, enablementId(STACK_REGION, urn));
        assert.equal(failure.properties[PROVIDER_KEY], inputs[PROVIDER_KEY]);
        assert.deepEqual(failure.properties.managedAccountIds, [ADMIN, MEMBER_A, MEMBER_B]);
        assert.equal(failure.properties.enabledAccountCount, 2);
        assert.equal(failure.reasons.length, 1);
        assert.match(failure.reasons[0], /^777788889999: BLOCKED_BY_ORGANIZATION_POLICY: /);

        await refreshAndDestroy(urn, failure, inputs);
    });

    it("an update that failed in part keeps __provider: refresh and destroy then turn everything off", async () => {
        const { urn, inputs, id, outs } = await checkAndCreate("growing", {
            resourceTypes: ["EC2"],
            accountIds: [ADMIN, MEMBER_A],
        });
        refuseMemberB();
        const wider = (
            await host.check(
                urn,
                inputs,
                programInputs("growing", {
                    resourceTypes: ["EC2", "ECR"],
                    accountIds: [ADMIN, MEMBER_A, MEMBER_B],
                }),
            )
        ).inputs;
        const failure = await initFailureOf(host.update(id, urn, outs, wider));
        assert.equal(failure.id, id);
        assert.equal(failure.properties[PROVIDER_KEY], wider[PROVIDER_KEY]);
        assert.deepEqual(failure.properties.managedResourceTypes, ["EC2", "ECR"]);
        assert.equal(failure.properties.enabledAccountCount, 2);
        assert.match(failure.reasons[0], /^777788889999: BLOCKED_BY_ORGANIZATION_POLICY: /);
        assert.equal((await live([MEMBER_A]))[MEMBER_A].ecr, "ENABLED");

        await refreshAndDestroy(urn, failure, wider);
    });

    it("delete warns about an account that left the organisation and turns off the rest", async () => {
        const { urn, id, outs } = await checkAndCreate("leaving", {
            resourceTypes: ["ECR"],
            accountIds: [MEMBER_A, MEMBER_B],
        });
        emulator.admin.updateSettings({
            accounts: DEFAULT_SETTINGS.accounts.filter((account) => account.accountId !== MEMBER_B),
        });
        await host.delete(id, urn, outs);
        const warning = await host.waitForLog(`leaving: left account ${MEMBER_B} alone`);
        assert.equal(warning.severity, "warning");
        assert.equal((await live([MEMBER_A]))[MEMBER_A].ecr, "DISABLED");
    });
});

describe("InspectorEnablement input rules through the dynamic-provider host, without any call", () => {
    let emulator: RunningEmulator;
    let host: DynamicProviderHost;
    let provider: string;
    const urn = resourceUrn("scanning", ENABLEMENT_TYPE_TOKEN);

    before(async () => {
        emulator = await startEmulator({ settings: { delays: TEST_DELAYS } });
        host = await startDynamicProviderHost({ env: { ...emulator.env } });
        provider = await serializeDynamicProvider(enablementProvider);
        await host.configure({ "aws:region": STACK_REGION });
    });
    after(async () => {
        await host?.close();
        await emulator?.close();
    });
    afterEach(() => assert.deepEqual(emulator.admin.calls(), [], "check called an AWS API"));

    const pollRule = (shown: string) =>
        `pollIntervalSeconds ${shown} is not allowed: use a number of seconds from 1 to 300`;
    const cases: { title: string; args: Properties; inputs?: Properties; failures?: [string, string][] }[] = [
        // The floor: 1e-6 made about 50 status calls in a quarter of a second for one account.
        {
            title: "pollIntervalSeconds 1e-6",
            args: { pollIntervalSeconds: 1e-6 },
            failures: [["pollIntervalSeconds", pollRule("0.000001")]],
        },
        {
            title: "pollIntervalSeconds 0.5",
            args: { pollIntervalSeconds: 0.5 },
            failures: [["pollIntervalSeconds", pollRule("0.5")]],
        },
        {
            title: "pollIntervalSeconds 0",
            args: { pollIntervalSeconds: 0 },
            failures: [["pollIntervalSeconds", pollRule("0")]],
        },
        {
            title: "pollIntervalSeconds 301",
            args: { pollIntervalSeconds: 301 },
            failures: [["pollIntervalSeconds", pollRule("301")]],
        },
        {
            title: "pollIntervalSeconds 1",
            args: { pollIntervalSeconds: 1 },
            inputs: { pollIntervalSeconds: 1 },
        },
        {
            title: "pollIntervalSeconds 2.5",
            args: { pollIntervalSeconds: 2.5 },
            inputs: { pollIntervalSeconds: 2.5 },
        },
        { title: "pollIntervalSeconds left out", args: {}, inputs: { pollIntervalSeconds: 3 } },
        {
            title: "pollIntervalSeconds not known yet",
            args: { pollIntervalSeconds: UNKNOWN },
            inputs: { pollIntervalSeconds: UNKNOWN },
        },
        {
            title: "the class's list of secret inputs is kept beside the inputs",
            args: { accountIds: [MEMBER_A], __secretInputs: ["accountIds"] },
            inputs: { accountIds: { [MEMBER_A]: true }, __secretInputs: ["accountIds"] },
        },
        {
            title: "a list of secret inputs that is not a list of names is refused",
            args: { __secretInputs: "accountIds" },
            failures: [
                [
                    "__secretInputs",
                    "__secretInputs must be a list of input names: it lists the names of secret inputs and is set " +
                        "by the resource class; leave it out",
                ],
            ],
        },
        {
            title: "a failure about a secret input does not show its value",
            args: { accountIds: ["123456789"], __secretInputs: ["accountIds"] },
            failures: [
                [
                    "accountIds",
                    'accountIds[0] "[secret]" is not an account ID: an account ID is a string of exactly 12 digits',
                ],
            ],
        },
    ];
    for (const { title, args, inputs, failures = [] } of cases) {
        it(title, async () => {
            const checked = await host.check(
                urn,
                {},
                withProvider(provider, { resourceUrn: urn, resourceTypes: ["EC2"], ...args }),
            );
            assert.deepEqual(
                checked.failures.map(({ property, reason }) => [property, reason]),
                failures,
            );
            for (const [key, value] of Object.entries(inputs ?? {})) {
                assert.deepEqual(checked.inputs[key], value, key);
            }
        });
    }
});
