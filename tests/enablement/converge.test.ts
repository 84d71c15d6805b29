import assert from "node:assert/strict";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { sharedClients } from "../../provider/aws/clients";
import type { ResourceType } from "../../provider/enablement/account-status";
import { converge, type ConvergeRequest } from "../../provider/enablement/converge";
import { accountStatuses } from "../../provider/enablement/status-groups";
import { createEnablement, deleteEnablement } from "../../provider/enablement/lifecycle";
import { canonicalJson } from "../../provider/core/canonical";
import { ACCOUNT_STATUS_POLLING, DEFAULT_WAIT_POLICY, pollingPolicy } from "../../provider/core/context";
import { type AwsClients } from "../../provider/aws/clients";
import { fakeClock, type FakeClock } from "../support/fake-clock";
import { testContext, type TestContext } from "../support/test-context";
import {
    ADMIN,
    called,
    enableOutside,
    enablementInputs,
    executed,
    idOf,
    liveStatuses,
    MEMBERS,
    organisationOf,
    REGION,
    settle,
    testUrn,
    useEmulator,
} from "./emulator-fixture";

/** What a converge asked Inspector, round by round: a round is what comes between two poll pauses. */
interface Recording {
    readonly context: TestContext;
    /** Per round, the accounts of each BatchGetAccountStatus call. */
    readonly reads: string[][][];
    /** Each Enable and Disable sent, as the canonical JSON of its types and accounts. */
    readonly changes: string[];
    readonly close: () => void;
}

/**
 * A test context whose Inspector client is a real SDK client against the emulator that records the accounts
 * of every status read and change, and whose sleep starts a new round. Without injected faults the only sleeps
 * are the poll pauses.
 */
function recording(): Recording {
    const reads: string[][][] = [[]];
    const changes: string[] = [];
    const client = new Inspector2Client({ region: REGION });
    client.middlewareStack.add(
        (next, handlerContext) => async (args) => {
            const input = args.input as { accountIds?: string[]; resourceTypes?: string[] };
            const operation = String(handlerContext.commandName ?? "").replace(/Command$/, "");
            if (operation === "BatchGetAccountStatus") reads.at(-1)!.push([...(input.accountIds ?? [])]);
            if (operation === "Enable" || operation === "Disable") {
                changes.push(canonicalJson([operation, input.resourceTypes, input.accountIds]));
            }
            return next(args);
        },
        { step: "initialize", name: "recordAccounts" },
    );
    const base = testContext({ clients: { ...sharedClients, inspector2: () => client } });
    const context: TestContext = {
        ...base,
        sleep: (ms) => {
            reads.push([]);
            return base.sleep(ms);
        },
    };
    return { context, reads, changes, close: () => client.destroy() };
}

/** A converge request on the emulator's administrator, with a deadline far off. */
function request(
    context: TestContext,
    direction: ConvergeRequest["direction"],
    targets: Map<string, readonly ResourceType[]>,
): ConvergeRequest {
    return {
        direction,
        targets,
        callerAccountId: ADMIN,
        wait: true,
        scope: { context, region: REGION, deadline: Date.now() + 60_000 },
        polling: context.policy,
        operationToken: "converge-reads-test",
        label: "scanning",
    };
}

/** The number of accounts read in each round that read any. */
function accountsPerRound(reads: readonly string[][][]): number[] {
    return reads.filter((round) => round.length > 0).map((round) => round.flat().length);
}

// Converging many accounts, and through throttling and server errors: the converge loop end to end.

/** Throttling answers without a Retry-After pause, so storms cost retries, not seconds. */
function storm(kind: "throttle" | "internal" | "unavailable" | "drop", probability: number) {
    return { operation: "*", kind, probability, value: 0 } as const;
}

describe("enablement under throttling and server errors (against the emulator)", () => {
    const fixture = useEmulator({ seed: 7 });

    it("finishes through throttling", async () => {
        // One throttled Enable is enough to see it through: the call wrapper backs off for that call and sends it
        // again with the same token.
        fixture.emulator.admin.updateSettings({
            faults: [{ operation: "Enable", kind: "throttle", count: 1, value: 0 }],
        });
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN, ...MEMBERS] }),
            testContext(),
        );
        assert.equal(outs.enabledAccountCount, 4);
        const throttled = fixture.emulator.admin
            .calls()
            .filter((call) => call.errorCode === "ThrottlingException");
        assert.equal(throttled.length, 1);
    });

    it("finishes through 5xx answers and dropped connections", async () => {
        fixture.emulator.admin.updateSettings({
            faults: [storm("internal", 0.25), storm("unavailable", 0.15), storm("drop", 0.1)],
        });
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["LAMBDA"], accountIds: MEMBERS }),
            testContext(),
        );
        assert.equal(outs.enabledAccountCount, 3);
        const statuses = fixture.emulator.admin.calls().map((call) => call.status);
        assert.ok(statuses.filter((status) => status >= 500).length >= 2, "the storm hit nothing");
    });

    it("never acts twice on a retried Enable: the SDK repeats the call's token", async () => {
        // Every Enable is dropped once before Inspector sees it, then retried by the SDK with the same token.
        fixture.emulator.admin.updateSettings({ faults: [{ operation: "Enable", kind: "drop", count: 1 }] });
        await createEnablement(
            enablementInputs({ resourceTypes: ["EC2"], accountIds: MEMBERS }),
            testContext(),
        );
        assert.equal(executed(fixture.emulator, "Enable"), 1);
    });
});

const ORGANISATION = organisationOf(1000);

describe("enablement at scale (against the emulator)", () => {
    const fixture = useEmulator({ accounts: ORGANISATION.accounts });

    it("enables and disables 1,000 accounts in one resource, 100 per call, showing progress", async () => {
        const context = testContext();
        const inputs = enablementInputs({
            resourceTypes: ["EC2", "ECR"],
            accountIds: ORGANISATION.memberIds,
        });
        const { outs } = await createEnablement(inputs, context);

        assert.equal(outs.enabledAccountCount, 1000);
        assert.equal(accountStatuses(outs.statusGroups).length, 1000);
        assert.deepEqual(
            accountStatuses(outs.statusGroups).map((account) => account.accountId),
            ORGANISATION.memberIds,
        );
        // Inspector refuses more than 100 accounts per call, so success alone shows the chunking; the count
        // shows nothing was sent twice.
        assert.equal(executed(fixture.emulator, "Enable"), 10);
        assert.equal(context.logs[0], "scanning: enabling EC2, ECR on 1000 accounts in us-east-1");
        assert.equal(context.logs[1], "scanning: 0 of 1000 accounts enabled in us-east-1");
        assert.equal(context.logs.at(-1), "scanning: 1000 of 1000 accounts enabled in us-east-1");
        for (const message of context.logs.slice(1)) {
            assert.match(message, /^scanning: \d+ of 1000 accounts enabled in us-east-1$/);
        }

        const identities = called(fixture.emulator, "GetCallerIdentity");
        const deletion = recording();
        try {
            await deleteEnablement(idOf(outs), outs, deletion.context);
        } finally {
            deletion.close();
        }
        assert.equal(executed(fixture.emulator, "Disable"), 10);
        assert.equal(deletion.context.logs.at(-1), "scanning: 1000 of 1000 accounts disabled in us-east-1");
        // The calling account from STS, then reads of at most 100 accounts, all of them at first, and in each
        // round no more calls than its unsettled accounts need.
        assert.equal(called(fixture.emulator, "GetCallerIdentity") - identities, 1);
        const rounds = deletion.reads.filter((round) => round.length > 0);
        assert.equal(rounds[0].flat().length, 1000);
        for (const round of rounds) {
            assert.ok(round.every((call) => call.length <= 100));
            assert.equal(round.length, Math.ceil(round.flat().length / 100));
        }
        const sample = await liveStatuses(ORGANISATION.memberIds.slice(0, 100));
        assert.ok(
            Object.values(sample).every((status) => status.ec2 === "DISABLED" && status.ecr === "DISABLED"),
        );
    });

    it("runs 20 enablements at once across regions and account sets, through throttling", async () => {
        const regions = [
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
            "eu-west-1",
            "eu-west-2",
            "eu-central-1",
            "ap-southeast-1",
            "ap-northeast-1",
            "ca-central-1",
        ];
        // A burst of throttling at the start, as twenty resources starting together would meet.
        fixture.emulator.admin.updateSettings({
            faults: [{ operation: "*", kind: "throttle", count: 3, value: 0 }],
        });
        const members = ORGANISATION.memberIds.slice(0, 150);
        const results = await Promise.all(
            regions.flatMap((region) => [
                createEnablement(
                    enablementInputs({
                        resourceTypes: ["EC2"],
                        region,
                        resourceUrn: testUrn(`admin-${region}`),
                    }),
                    testContext(),
                ),
                createEnablement(
                    enablementInputs({
                        resourceTypes: ["ECR", "LAMBDA"],
                        accountIds: members,
                        region,
                        resourceUrn: testUrn(`members-${region}`),
                    }),
                    testContext(),
                ),
            ]),
        );

        assert.equal(results.length, 20);
        assert.deepEqual(
            results.map(({ outs }) => outs.enabledAccountCount),
            regions.flatMap(() => [1, 150]),
        );
        assert.equal(
            fixture.emulator.admin.calls().filter((call) => call.errorCode === "ThrottlingException").length,
            3,
        );
        for (const region of ["us-west-2", "ca-central-1"]) {
            const live = await liveStatuses([ADMIN, members[149]], region);
            assert.equal(live[ADMIN].ec2, "ENABLED");
            assert.equal(live[members[149]].lambda, "ENABLED");
        }
    });
});

describe("status reads of unsettled accounts only (against the emulator)", () => {
    const ORGANISATION_300 = organisationOf(300);
    // EC2 settles at once, ECR only after many poll rounds, so each converge has rounds where some of its
    // accounts are settled and others are not.
    const fixture = useEmulator({
        accounts: ORGANISATION_300.accounts,
        delays: {
            enablingMs: 20,
            disablingMs: 20,
            overrides: [{ resourceType: "ECR", enablingMs: 1_000, disablingMs: 1_000 }],
        },
    });
    const members = ORGANISATION_300.memberIds;
    const fast = members.slice(0, 150);
    const slow = members.slice(150);
    const ready = slow.slice(0, 20);

    /** Fast accounts want EC2, slow ones ECR: 300 accounts, 150 per type. */
    const targets = (type: (accountId: string) => ResourceType) =>
        new Map(members.map((accountId) => [accountId, [type(accountId)]] as const));
    const bySpeed = targets((accountId) => (fast.includes(accountId) ? "EC2" : "ECR"));

    it("reads fewer accounts as they settle, and never an account again once a read found it settled", async () => {
        await enableOutside(ready, ["ECR"]);
        await settle(1_100);
        const enablesBefore = executed(fixture.emulator, "Enable");
        const run = recording();
        try {
            const result = await converge(request(run.context, "enable", bySpeed));
            assert.equal(result.timedOut, false);
            assert.equal(result.failures.size, 0);
        } finally {
            run.close();
        }

        const perRound = accountsPerRound(run.reads);
        assert.equal(perRound[0], 300, "the first round reads every account");
        // The 20 accounts enabled beforehand were settled at the first read; the fast ones once EC2 was ENABLED.
        assert.equal(perRound[1], 280);
        assert.ok(perRound.includes(130), `no round read only the slow accounts: ${perRound.join(", ")}`);
        for (let i = 1; i < perRound.length; i++) {
            assert.ok(perRound[i] <= perRound[i - 1], `reads grew: ${perRound.join(", ")}`);
        }
        for (const accountId of ready) {
            assert.equal(run.reads.flat(2).filter((id) => id === accountId).length, 1, accountId);
        }
        // Once an account is left out of a round, it never comes back.
        const rounds = run.reads.filter((round) => round.length > 0).map((round) => new Set(round.flat()));
        for (let i = 1; i < rounds.length; i++) {
            for (const accountId of rounds[i]) assert.ok(rounds[i - 1].has(accountId), accountId);
        }

        // Two Enables per type (150 accounts, 100 per call) less the 20 already on: each sent once.
        assert.equal(run.changes.length, 4);
        assert.equal(new Set(run.changes).size, 4);
        assert.equal(executed(fixture.emulator, "Enable") - enablesBefore, 4);
        // Calls on the floor or under it: each round's reads no more than ceil(300/100), and fewer once settled.
        const readCalls = run.reads.flat().length;
        assert.ok(readCalls < 3 * rounds.length, `${readCalls} reads in ${rounds.length} rounds`);
        for (const round of run.reads) assert.equal(round.length, Math.ceil(round.flat().length / 100));
    });

    it("disables the same way: settled accounts drop out of the reads, each Disable sent once", async () => {
        for (const hundred of [0, 100, 200]) {
            await enableOutside(members.slice(hundred, hundred + 100), ["EC2", "ECR"]);
        }
        await settle(1_100);
        const run = recording();
        try {
            const result = await converge(request(run.context, "disable", bySpeed));
            assert.equal(result.timedOut, false);
            assert.equal(result.failures.size, 0);
        } finally {
            run.close();
        }
        const perRound = accountsPerRound(run.reads);
        assert.equal(perRound[0], 300);
        assert.ok(perRound.includes(150), `no round read only the slow accounts: ${perRound.join(", ")}`);
        for (let i = 1; i < perRound.length; i++) assert.ok(perRound[i] <= perRound[i - 1]);
        assert.equal(new Set(run.changes).size, run.changes.length);
        assert.equal(executed(fixture.emulator, "Disable"), 4);
    });
});

describe("enablement reaction on the poll schedule (fake clock)", () => {
    /**
     * An Inspector client for 250 accounts that turn ENABLING when Enable reaches them and ENABLED once the clock
     * reaches `enabledAt`; it records the time and size of every status read and each Enable.
     */
    function accountsEnabledAt(enabledAt: number) {
        const reads: { at: number; accounts: number }[] = [];
        const enables: string[] = [];
        const enabling = new Set<string>();
        const status = (accountId: string) =>
            !enabling.has(accountId) ? "DISABLED" : clock.now >= enabledAt ? "ENABLED" : "ENABLING";
        const client = {
            send: async (command: { constructor: { name: string }; input: { accountIds: string[] } }) => {
                const { accountIds } = command.input;
                if (command.constructor.name === "EnableCommand") {
                    enables.push(canonicalJson(accountIds));
                    for (const accountId of accountIds) enabling.add(accountId);
                    const accounts = accountIds.map((accountId) => ({
                        accountId,
                        status: "ENABLING",
                        resourceStatus: { ec2: "ENABLING" },
                    }));
                    return { accounts, failedAccounts: [] };
                }
                reads.push({ at: clock.now, accounts: accountIds.length });
                const accounts = accountIds.map((accountId) => ({
                    accountId,
                    state: { status: status(accountId) },
                    resourceState: { ec2: { status: status(accountId) } },
                }));
                return { accounts, failedAccounts: [] };
            },
        };
        const clock: FakeClock = fakeClock({
            policy: DEFAULT_WAIT_POLICY,
            clients: { ...sharedClients, inspector2: () => client } as unknown as AwsClients,
        });
        return { clock, reads, enables };
    }

    const accountIds = Array.from({ length: 250 }, (_, i) => String(100_000_000_000 + i));

    for (const pollIntervalSeconds of [3, 300]) {
        for (const enabledAt of [2_000, 20_000, 120_000]) {
            it(`returns within max(1 s, 25 %) of accounts turning ENABLED ${enabledAt / 1000} s in (longest pause ${pollIntervalSeconds} s)`, async () => {
                const { clock, reads, enables } = accountsEnabledAt(enabledAt);
                const context = { ...clock.context, policyFixed: false };
                const result = await converge({
                    ...request(context, "enable", new Map(accountIds.map((id) => [id, ["EC2"] as const]))),
                    scope: { context, region: REGION, deadline: 3_600_000 },
                    polling: pollingPolicy(context, pollIntervalSeconds),
                });
                assert.equal(result.timedOut, false);
                assert.equal(result.failures.size, 0);
                const reaction = clock.now - enabledAt;
                const bound = Math.min(
                    pollIntervalSeconds * 1000,
                    Math.max(ACCOUNT_STATUS_POLLING.floorMs, ACCOUNT_STATUS_POLLING.fraction * enabledAt),
                );
                assert.ok(
                    reaction >= 0 && reaction <= bound,
                    `returned ${reaction} ms after the accounts settled`,
                );
                // Three Enables of at most 100 accounts, each once; three reads per round, all rounds alike
                // here since every account settles at the same moment.
                assert.equal(enables.length, 3);
                assert.equal(new Set(enables).size, 3);
                assert.equal(reads.length % 3, 0);
                assert.equal(reads.length / 3, clock.slept.length + 1);
            });
        }
    }
});
