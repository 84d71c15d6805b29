import assert from "node:assert/strict";
import type { AccountStatus, ResourceType, Status } from "../../provider/enablement/account-status";
import {
    chunk,
    hasReached,
    planBatches,
    removalTargets,
    unfinishedRemovals,
    type Batch,
    type Direction,
} from "../../provider/enablement/plan";

const ADMIN = "111122223333";
const A = "444455556666";
const B = "777788889999";
const C = "123456789012";

function status(accountId: string, ec2?: Status, ecr?: Status): AccountStatus {
    return {
        accountId,
        status: "ENABLED",
        resourceStatus: { ...(ec2 ? { ec2 } : {}), ...(ecr ? { ecr } : {}) },
    };
}

function targets(types: ResourceType[], ...accountIds: string[]): Map<string, ResourceType[]> {
    return new Map(accountIds.map((id) => [id, types]));
}

const BOTH: ResourceType[] = ["EC2", "ECR"];

const cases: [string, Direction, Map<string, ResourceType[]>, AccountStatus[], string[], Batch[]][] = [
    [
        "nothing known: every account gets both types",
        "enable",
        targets(BOTH, A, B),
        [],
        [],
        [{ resourceTypes: ["EC2", "ECR"], accountIds: [A, B] }],
    ],
    [
        "adoption: accounts already enabled get no call",
        "enable",
        targets(BOTH, A, B),
        [status(A, "ENABLED", "ENABLED"), status(B, "ENABLED", "ENABLED")],
        [],
        [],
    ],
    [
        "ENABLING needs no call; DISABLING waits until DISABLED",
        "enable",
        targets(BOTH, A, B),
        [status(A, "ENABLING", "ENABLED"), status(B, "DISABLING", "DISABLING")],
        [],
        [],
    ],
    [
        "accounts are grouped by exactly what each still needs",
        "enable",
        targets(BOTH, A, B, C),
        [
            status(A, "ENABLED", "DISABLED"),
            status(B, "DISABLED", "DISABLED"),
            status(C, "ENABLED", "DISABLED"),
        ],
        [],
        [
            { resourceTypes: ["EC2", "ECR"], accountIds: [B] },
            { resourceTypes: ["ECR"], accountIds: [C, A].sort() },
        ],
    ],
    [
        "the administrator goes first, in a call of its own",
        "enable",
        targets(BOTH, C, ADMIN, A),
        [],
        [],
        [
            { resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN] },
            { resourceTypes: ["EC2", "ECR"], accountIds: [C, A].sort() },
        ],
    ],
    [
        "skipped accounts are left out",
        "enable",
        targets(BOTH, A, B),
        [],
        [A],
        [{ resourceTypes: ["EC2", "ECR"], accountIds: [B] }],
    ],
    [
        "disable: only types that are on, ENABLING included",
        "disable",
        targets(BOTH, A, B, C),
        [
            status(A, "ENABLED", "DISABLED"),
            status(B, "ENABLING", "DISABLING"),
            status(C, "DISABLED", "DISABLED"),
        ],
        [],
        [{ resourceTypes: ["EC2"], accountIds: [A, B].sort() }],
    ],
    [
        "disable: the administrator waits while a member still scans",
        "disable",
        targets(BOTH, ADMIN, A),
        [status(ADMIN, "ENABLED", "ENABLED"), status(A, "DISABLING", "DISABLED")],
        [],
        [],
    ],
    [
        "disable: members and administrator together would put the administrator last, but it waits",
        "disable",
        targets(BOTH, ADMIN, A),
        [status(ADMIN, "ENABLED", "ENABLED"), status(A, "ENABLED", "ENABLED")],
        [],
        [{ resourceTypes: ["EC2", "ECR"], accountIds: [A] }],
    ],
    [
        "disable: the administrator goes once every member is off",
        "disable",
        targets(BOTH, ADMIN, A),
        [status(ADMIN, "ENABLED", "ENABLED"), status(A, "DISABLED", "DISABLED")],
        [],
        [{ resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN] }],
    ],
    [
        "disable: a member out of reach does not hold the administrator back",
        "disable",
        targets(BOTH, ADMIN, A),
        [status(ADMIN, "ENABLED", "ENABLED"), status(A, "ENABLED", "ENABLED")],
        [A],
        [{ resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN] }],
    ],
    [
        "disable: per-account types (removed types on kept accounts, all types on removed ones)",
        "disable",
        new Map<string, ResourceType[]>([
            [A, ["ECR"]],
            [B, ["EC2", "ECR"]],
        ]),
        [status(A, "ENABLED", "ENABLED"), status(B, "ENABLED", "ENABLED")],
        [],
        [
            { resourceTypes: ["EC2", "ECR"], accountIds: [B] },
            { resourceTypes: ["ECR"], accountIds: [A] },
        ],
    ],
];

describe("enablement call planning", () => {
    for (const [name, direction, wanted, statuses, skip, expected] of cases) {
        it(name, () => {
            const known = new Map(statuses.map((s) => [s.accountId, s]));
            assert.deepEqual(planBatches(direction, wanted, known, ADMIN, new Set(skip)), expected);
        });
    }

    it("splits a group of 250 accounts into calls of 100, 100 and 50, in account order", () => {
        const ids = Array.from({ length: 250 }, (_, i) => String(100_000_000_000 + i));
        const batches = planBatches("enable", targets(["LAMBDA"], ...[...ids].reverse()), new Map(), ADMIN);
        assert.deepEqual(
            batches.map((batch) => batch.accountIds.length),
            [100, 100, 50],
        );
        assert.deepEqual(
            batches.flatMap((batch) => batch.accountIds),
            ids,
        );
    });
});

describe("enablement chunking", () => {
    const ids = (count: number): string[] =>
        Array.from({ length: count }, (_, i) => String(i).padStart(12, "0"));
    const cases: [string, number, number | undefined, number[]][] = [
        ["nothing", 0, undefined, []],
        ["one account", 1, undefined, [1]],
        ["exactly 100 accounts in one call", 100, undefined, [100]],
        ["101 accounts in two calls", 101, undefined, [100, 1]],
        ["1,000 accounts in ten calls", 1000, undefined, Array(10).fill(100)],
        ["1,001 accounts", 1001, undefined, [...Array(10).fill(100), 1]],
        ["a smaller size", 5, 2, [2, 2, 1]],
    ];
    for (const [name, count, size, sizes] of cases) {
        it(name, () => {
            const items = ids(count);
            const pieces = chunk(items, size);
            assert.deepEqual(
                pieces.map((piece) => piece.length),
                sizes,
            );
            assert.deepEqual(pieces.flat(), items);
        });
    }

    for (const size of [0, -1, 1.5]) {
        it(`refuses size ${size}`, () =>
            assert.throws(() => chunk(["a"], size), {
                name: "RangeError",
                message: `chunk size ${size} is not a whole number above 0`,
            }));
    }
});

describe("enablement goals", () => {
    const cases: [string, Direction, AccountStatus | undefined, boolean, boolean][] = [
        ["enabled, waiting", "enable", status(A, "ENABLED", "ENABLED"), true, true],
        ["still enabling, waiting", "enable", status(A, "ENABLED", "ENABLING"), true, false],
        ["still enabling, not waiting", "enable", status(A, "ENABLING", "ENABLING"), false, true],
        ["not reported, enabling", "enable", undefined, false, false],
        ["not reported, disabling", "disable", undefined, true, true],
        ["suspended, disabling", "disable", status(A, "SUSPENDED", "SUSPENDED"), true, true],
        ["still disabling, waiting", "disable", status(A, "DISABLING", "DISABLED"), true, false],
        ["still disabling, not waiting", "disable", status(A, "DISABLING", "DISABLED"), false, true],
    ];
    for (const [name, direction, account, wait, reached] of cases) {
        it(`${name}: ${reached ? "reached" : "not reached"}`, () =>
            assert.equal(hasReached(direction, BOTH, account, wait), reached));
    }
});

describe("enablement update removals", () => {
    it("turns off removed types on the accounts that stay, and every type on removed accounts", () => {
        const removals = removalTargets(
            { accountIds: [A, B], resourceTypes: ["EC2", "ECR"] },
            { accountIds: [A, C], resourceTypes: ["EC2", "LAMBDA"] },
        );
        assert.deepEqual(
            [...removals],
            [
                [A, ["ECR"]],
                [B, ["EC2", "ECR"]],
            ],
        );
    });

    it("has nothing to remove when only something was added", () => {
        const removals = removalTargets(
            { accountIds: [A], resourceTypes: ["EC2"] },
            { accountIds: [A, B], resourceTypes: ["EC2", "ECR"] },
        );
        assert.equal(removals.size, 0);
    });

    it("plans an update over 40,000 accounts: half removed, half kept, 20,000 added, a type swapped", () => {
        // Every account comparison is a Set lookup; with a list search per account this took seconds.
        const ids = (from: number, count: number) =>
            Array.from({ length: count }, (_, i) => String(100_000_000_000 + from + i));
        const before = ids(0, 40_000);
        const after = ids(20_000, 40_000);
        const removals = removalTargets(
            { accountIds: before, resourceTypes: ["EC2", "ECR"] },
            { accountIds: after, resourceTypes: ["EC2", "LAMBDA"] },
        );
        assert.equal(removals.size, 40_000);
        const byTypes = new Map<string, number>();
        for (const types of removals.values())
            byTypes.set(types.join(","), (byTypes.get(types.join(",")) ?? 0) + 1);
        assert.deepEqual(Object.fromEntries(byTypes), { "EC2,ECR": 20_000, ECR: 20_000 });
        assert.deepEqual(removals.get(before[0]), ["EC2", "ECR"]);
        assert.deepEqual(removals.get(after[0]), ["ECR"]);
        assert.equal(removals.has(after.at(-1)!), false);
    });

    it("keeps managing removals that failed, did not settle or never started; gone accounts are finished", () => {
        const targets = targetsOf([A, ["ECR"]], [B, ["EC2"]], [C, ["EC2"]], [ADMIN, ["EC2"]]);
        const progress = {
            statuses: new Map([
                [A, status(A, "ENABLED", "DISABLED")],
                [B, status(B, "DISABLING")],
                [C, status(C, "DISABLED")],
            ]),
            failures: new Map([[C, {}]]),
            gone: new Map([[ADMIN, {}]]),
        };
        assert.deepEqual([...unfinishedRemovals(targets, progress, true).keys()], [B, C]);
        assert.deepEqual([...unfinishedRemovals(targets, progress, false).keys()], [C]);
        assert.deepEqual([...unfinishedRemovals(targets, undefined, true).keys()], [A, B, C, ADMIN]);
    });

    it("a type an Organizations policy manages is finished: nothing this resource can change it", () => {
        const targets = targetsOf([A, ["EC2", "ECR"]], [B, ["EC2", "ECR"]], [C, ["EC2"]]);
        const progress = {
            statuses: new Map([
                [A, status(A, "ENABLED", "DISABLED")],
                [B, status(B, "ENABLED", "DISABLING")],
                [C, status(C, "ENABLED")],
            ]),
            failures: new Map(),
            gone: new Map(),
            policyManaged: new Map<string, { resourceTypes: ResourceType[] }>([
                [A, { resourceTypes: ["EC2"] }],
                [B, { resourceTypes: ["EC2"] }],
                [C, { resourceTypes: ["EC2"] }],
            ]),
        };
        // A: ECR is off and EC2 is the policy's; B: ECR is still turning off; C: nothing left to change.
        assert.deepEqual([...unfinishedRemovals(targets, progress, true).keys()], [B]);
        assert.deepEqual([...unfinishedRemovals(targets, progress, false).keys()], []);
    });
});

function targetsOf(...entries: [string, ResourceType[]][]): Map<string, ResourceType[]> {
    return new Map(entries);
}
