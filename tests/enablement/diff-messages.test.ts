import assert from "node:assert/strict";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { AccountStatus, FailedAccount, ResourceType } from "../../provider/enablement/account-status";
import { lifecycle } from "../../provider/enablement/lifecycle";
import type { EnablementOutputs } from "../../provider/enablement/outputs";
import { describeCreate, describeUpdate, type PreviewMessages } from "../../provider/enablement/diff";
import { groupByStatus } from "../../provider/enablement/status-groups";
import { testContext } from "../support/test-context";

const URN = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/inspector:InspectorEnablement::scanning";
const ADMIN = "111122223333";
const A = "444455556666";
const B = "777788889999";
const C = "123456789012";
const REGION = "us-east-1";

/** Checked inputs as diff receives them. */
function inputs(resourceTypes: ResourceType[], accountIds?: string[], extra: Record<string, unknown> = {}) {
    return {
        resourceTypes,
        ...(accountIds ? { accountIds } : {}),
        clientToken: "pulumi-abc",
        region: REGION,
        waitForEnabled: true,
        waitTimeoutSeconds: 900,
        pollIntervalSeconds: 3,
        resourceUrn: URN,
        ...extra,
    };
}

/** Every account with every type ENABLED, unless `statuses` says otherwise for an account. */
function recorded(
    resourceTypes: ResourceType[],
    accountIds: string[],
    statuses: Record<string, AccountStatus["resourceStatus"]> = {},
    failedAccounts: FailedAccount[] = [],
): Partial<EnablementOutputs> {
    const enabled = Object.fromEntries(resourceTypes.map((type) => [type.toLowerCase(), "ENABLED"]));
    return {
        ...inputs(resourceTypes, accountIds),
        callerAccountId: ADMIN,
        managedAccountIds: accountIds,
        managedResourceTypes: resourceTypes,
        statusGroups: groupByStatus(
            accountIds.map((accountId) => ({
                accountId,
                status: "ENABLED",
                resourceStatus: statuses[accountId] ?? enabled,
            })),
        ),
        failedAccounts,
    } as Partial<EnablementOutputs>;
}

function changesOnly(...lines: string[]): PreviewMessages {
    return { changes: lines, drift: [] };
}

const members = (count: number) => Array.from({ length: count }, (_, i) => String(500_000_000_000 + i));

const cases: [string, Partial<EnablementOutputs>, Record<string, unknown>, PreviewMessages][] = [
    [
        "no change: nothing to say",
        recorded(["EC2", "ECR"], [ADMIN, A, B]),
        inputs(["EC2", "ECR"], [ADMIN, A, B]),
        changesOnly(),
    ],
    [
        "a type swapped on every account",
        recorded(["EC2", "ECR"], [ADMIN, A, B]),
        inputs(["EC2", "LAMBDA_CODE"], [ADMIN, A, B]),
        changesOnly("up would enable LAMBDA_CODE and disable ECR on 3 accounts in us-east-1"),
    ],
    [
        "a type added on one account",
        recorded(["EC2"], [A]),
        inputs(["EC2", "LAMBDA"], [A]),
        changesOnly("up would enable LAMBDA on 1 account in us-east-1"),
    ],
    [
        "accounts added and removed, the types as they were",
        recorded(["EC2", "ECR"], [ADMIN, C]),
        inputs(["EC2", "ECR"], [C, A, B]),
        changesOnly(
            "up would enable EC2, ECR on 2 new accounts (444455556666, 777788889999) and disable them on " +
                "1 removed account (111122223333) in us-east-1",
        ),
    ],
    [
        "accounts and types changed together",
        recorded(["EC2", "ECR"], [ADMIN, C]),
        inputs(["EC2"], [C, A]),
        changesOnly(
            "up would disable ECR on 1 existing account, enable EC2 on 1 new account (444455556666) and " +
                "disable EC2, ECR on 1 removed account (111122223333) in us-east-1",
        ),
    ],
    [
        "more than five new accounts: the first five, then how many more",
        recorded(["EC2"], [ADMIN]),
        inputs(["EC2"], [ADMIN, ...members(8)]),
        changesOnly(
            "up would enable EC2 on 8 new accounts (500000000000, 500000000001, 500000000002, 500000000003, " +
                "500000000004 and 3 more) in us-east-1",
        ),
    ],
    [
        "a new region",
        recorded(["EC2", "ECR"], [ADMIN, A]),
        inputs(["EC2", "ECR"], [ADMIN, A], { region: "eu-west-1" }),
        changesOnly(
            "up would enable EC2, ECR on 2 accounts in eu-west-1, then disable EC2, ECR on 2 accounts in " +
                "us-east-1 (a new region replaces the resource)",
        ),
    ],
    [
        "drift: a type found disabled on three accounts",
        recorded(["EC2", "ECR"], [ADMIN, A, B, C], {
            [ADMIN]: { ec2: "ENABLED", ecr: "DISABLED" },
            [A]: { ec2: "ENABLED", ecr: "DISABLED" },
            [B]: { ec2: "ENABLED", ecr: "DISABLED" },
        }),
        inputs(["EC2", "ECR"], [ADMIN, A, B, C]),
        {
            changes: [],
            drift: ["drift: ECR was found DISABLED on 111122223333 (and 2 more accounts); up re-enables it"],
        },
    ],
    [
        "drift on one account, both types, beside a change",
        recorded(["EC2", "ECR"], [ADMIN, A], { [A]: { ec2: "DISABLED", ecr: "DISABLED" } }),
        inputs(["EC2", "ECR", "LAMBDA"], [ADMIN, A]),
        {
            changes: ["up would enable LAMBDA on 2 accounts in us-east-1"],
            drift: ["drift: EC2, ECR were found DISABLED on 444455556666; up re-enables them"],
        },
    ],
    [
        "still enabling when last recorded, and an account that failed",
        recorded(["EC2"], [ADMIN, A, B], { [A]: { ec2: "ENABLING" }, [B]: { ec2: "DISABLED" } }, [
            { accountId: B, errorCode: "ACCESS_DENIED", errorMessage: "denied" },
        ]),
        inputs(["EC2"], [ADMIN, A, B]),
        {
            changes: [],
            drift: [
                "EC2 was still ENABLING on 444455556666 when last recorded; up waits until it is ENABLED",
                "up would try again on 777788889999, which failed last time (ACCESS_DENIED)",
            ],
        },
    ],
    [
        "a new token only: recorded, nothing changes in Inspector",
        recorded(["EC2"], [ADMIN]),
        inputs(["EC2"], [ADMIN], { clientToken: "release-2" }),
        changesOnly("up would only record the new clientToken; nothing changes in Inspector"),
    ],
    [
        "accounts not known yet",
        recorded(["EC2"], [ADMIN]),
        inputs(["EC2"], [ADMIN], { accountIds: unknownValue }),
        changesOnly("up would update Inspector; accountIds is not known yet"),
    ],
];

describe("enablement preview messages", () => {
    for (const [name, olds, news, expected] of cases) {
        it(name, () => assert.deepEqual(describeUpdate(olds, news), expected));
    }

    it("state written by 0.1.0: the statuses are only recorded again", () => {
        const { statusGroups, ...rest } = recorded(["EC2"], [ADMIN, A]);
        const v010 = {
            ...rest,
            accounts: statusGroups![0].accountIds.map((accountId) => ({ accountId, ...statusGroups![0] })),
        };
        assert.deepEqual(
            describeUpdate(v010 as Partial<EnablementOutputs>, inputs(["EC2"], [ADMIN, A])),
            changesOnly(
                "up would only record the statuses in this version's compact form (statusGroups); nothing " +
                    "changes in Inspector",
            ),
        );
        // Its statuses count: a type found disabled there is drift.
        const drifted = {
            ...rest,
            accounts: [{ accountId: A, status: "ENABLED", resourceStatus: { ec2: "DISABLED" } }],
        };
        assert.deepEqual(describeUpdate(drifted as Partial<EnablementOutputs>, inputs(["EC2"], [A])).drift, [
            "drift: EC2 was found DISABLED on 444455556666; up re-enables it",
        ]);
    });

    it("create: what it turns on, where", () => {
        assert.deepEqual(
            describeCreate(inputs(["EC2", "ECR"], [ADMIN, A])),
            changesOnly("up would enable EC2, ECR on 2 accounts in us-east-1"),
        );
        assert.deepEqual(
            describeCreate(inputs(["EC2"])),
            changesOnly("up would enable EC2 on the calling account in us-east-1"),
        );
    });

    it("the lifecycle tells changes as progress and drift as warnings, named by the resource", async () => {
        const context = testContext();
        const olds = recorded(["EC2", "ECR"], [ADMIN, A], { [A]: { ec2: "ENABLED", ecr: "DISABLED" } });
        await lifecycle.preview!("id", olds, inputs(["EC2", "ECR", "LAMBDA"], [ADMIN, A]), context);
        assert.deepEqual(context.logs, ["scanning: up would enable LAMBDA on 2 accounts in us-east-1"]);
        assert.deepEqual(context.warnings, [
            "scanning: drift: ECR was found DISABLED on 444455556666; up re-enables it",
        ]);

        const quiet = testContext();
        await lifecycle.previewCreate!(inputs(["EC2"], [A]), quiet);
        assert.deepEqual(
            [quiet.logs, quiet.warnings],
            [["scanning: up would enable EC2 on 1 account in us-east-1"], []],
        );
    });
});
