import assert from "node:assert/strict";
import type { AccountStatus, Status } from "../../provider/enablement/account-status";
import type { Direction } from "../../provider/enablement/direction";
import { planBatches, type Batch } from "../../provider/enablement/plan";
import type { ResourceType } from "../../provider/enablement/resource-types";

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
