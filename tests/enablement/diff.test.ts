import assert from "node:assert/strict";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { DiffOutcome } from "../../provider/dynamic/adapter";
import type { AccountStatus } from "../../provider/enablement/account-status";
import { diffEnablement } from "../../provider/enablement/diff";
import type { EnablementOutputs } from "../../provider/enablement/outputs";
import { groupByStatus } from "../../provider/enablement/status-groups";

const URN = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/inspector:InspectorEnablement::scanning";
const ADMIN = "111122223333";
const MEMBER = "444455556666";

function account(accountId: string, ec2: string, ecr: string): AccountStatus {
    return { accountId, status: "ENABLED", resourceStatus: { ec2, ecr } } as AccountStatus;
}

const INPUTS = {
    resourceTypes: ["EC2", "ECR"],
    accountIds: [ADMIN, MEMBER],
    clientToken: "pulumi-abc",
    region: "eu-west-1",
    waitForEnabled: true,
    waitTimeoutSeconds: 900,
    pollIntervalSeconds: 3,
    resourceUrn: URN,
};

const OLDS: EnablementOutputs = {
    ...(INPUTS as EnablementOutputs),
    callerAccountId: ADMIN,
    managedAccountIds: [ADMIN, MEMBER],
    managedResourceTypes: ["EC2", "ECR"],
    statusGroups: groupByStatus([
        account(ADMIN, "ENABLED", "ENABLED"),
        account(MEMBER, "ENABLED", "ENABLED"),
    ]),
    failedAccounts: [],
    enabledAccountCount: 2,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
};

/** The same state as version 0.1.0 wrote it: a status record per account in `accounts`. */
const OLDS_V010 = {
    ...INPUTS,
    callerAccountId: ADMIN,
    managedAccountIds: [ADMIN, MEMBER],
    managedResourceTypes: ["EC2", "ECR"],
    accounts: [account(ADMIN, "ENABLED", "ENABLED"), account(MEMBER, "ENABLED", "ENABLED")],
    failedAccounts: [],
    enabledAccountCount: 2,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
} as unknown as Partial<EnablementOutputs>;

const ALL_STABLE = [
    "region",
    "callerAccountId",
    "createdAt",
    "resourceTypes",
    "accountIds",
    "clientToken",
    "waitForEnabled",
    "waitTimeoutSeconds",
    "pollIntervalSeconds",
    "resourceUrn",
    "profile",
    "assumeRole",
];
const ROLE = { roleArn: "arn:aws:iam::999988887777:role/InspectorDeployer" };
const NO_CHANGE: DiffOutcome = {
    changes: false,
    replaces: [],
    stables: ALL_STABLE,
    deleteBeforeReplace: false,
};
const REPLACE: DiffOutcome = {
    changes: true,
    replaces: ["region"],
    stables: [],
    deleteBeforeReplace: false,
};

function inPlace(...changed: string[]): DiffOutcome {
    return {
        changes: true,
        replaces: [],
        stables: ALL_STABLE.filter((key) => !changed.includes(key)),
        deleteBeforeReplace: false,
    };
}

const cases: [string, Partial<EnablementOutputs>, Record<string, unknown>, DiffOutcome][] = [
    ["nothing changed and nothing drifted", OLDS, INPUTS, NO_CHANGE],
    [
        "the same credentials are no change",
        { ...OLDS, profile: "admin", assumeRole: ROLE },
        { ...INPUTS, profile: "admin", assumeRole: ROLE },
        NO_CHANGE,
    ],
    [
        "a new profile is an update, never a replacement, and the calling account may change with it",
        OLDS,
        { ...INPUTS, profile: "admin" },
        inPlace("profile", "callerAccountId"),
    ],
    [
        "a new role likewise",
        { ...OLDS, assumeRole: ROLE },
        { ...INPUTS, assumeRole: { ...ROLE, sessionName: "ci" } },
        inPlace("assumeRole", "callerAccountId"),
    ],
    [
        "a role taken away likewise",
        { ...OLDS, assumeRole: ROLE },
        INPUTS,
        inPlace("assumeRole", "callerAccountId"),
    ],
    ["a new region replaces, creating the new one first", OLDS, { ...INPUTS, region: "eu-west-2" }, REPLACE],
    ["a region unknown during preview may replace", OLDS, { ...INPUTS, region: unknownValue }, REPLACE],
    [
        "an added type is an update",
        OLDS,
        { ...INPUTS, resourceTypes: ["EC2", "ECR", "LAMBDA"] },
        inPlace("resourceTypes"),
    ],
    ["a removed type is an update", OLDS, { ...INPUTS, resourceTypes: ["EC2"] }, inPlace("resourceTypes")],
    [
        "an added account is an update",
        OLDS,
        { ...INPUTS, accountIds: [ADMIN, MEMBER, "777788889999"] },
        inPlace("accountIds"),
    ],
    [
        "accounts unknown during preview are an update",
        OLDS,
        { ...INPUTS, accountIds: unknownValue },
        inPlace("accountIds"),
    ],
    [
        "types unknown during preview are an update",
        OLDS,
        { ...INPUTS, resourceTypes: unknownValue },
        inPlace("resourceTypes"),
    ],
    [
        "a new token alone is an update that only records it",
        OLDS,
        { ...INPUTS, clientToken: "other" },
        inPlace("clientToken"),
    ],
    [
        "new wait settings alone are an update that only records them",
        OLDS,
        { ...INPUTS, waitTimeoutSeconds: 60, pollIntervalSeconds: 1 },
        inPlace("waitTimeoutSeconds", "pollIntervalSeconds"),
    ],
    [
        "drift: a type disabled outside Pulumi",
        {
            ...OLDS,
            statusGroups: groupByStatus([
                account(ADMIN, "ENABLED", "ENABLED"),
                account(MEMBER, "ENABLED", "DISABLED"),
            ]),
        },
        INPUTS,
        inPlace(),
    ],
    [
        "drift: an account Inspector did not report (it failed or left the organisation)",
        { ...OLDS, statusGroups: groupByStatus([account(ADMIN, "ENABLED", "ENABLED")]) },
        INPUTS,
        inPlace(),
    ],
    [
        "still ENABLING when create waits: the update waits for it",
        {
            ...OLDS,
            statusGroups: groupByStatus([
                account(ADMIN, "ENABLED", "ENABLED"),
                account(MEMBER, "ENABLED", "ENABLING"),
            ]),
        },
        INPUTS,
        inPlace(),
    ],
    [
        "still ENABLING is enough when waiting is off",
        {
            ...OLDS,
            waitForEnabled: false,
            statusGroups: groupByStatus([
                account(ADMIN, "ENABLING", "ENABLING"),
                account(MEMBER, "ENABLED", "ENABLING"),
            ]),
        },
        { ...INPUTS, waitForEnabled: false },
        NO_CHANGE,
    ],
    [
        "a removed account whose Disable did not finish",
        { ...OLDS, managedAccountIds: [ADMIN, MEMBER, "777788889999"] },
        INPUTS,
        inPlace(),
    ],
    [
        "a removed type whose Disable did not finish",
        { ...OLDS, managedResourceTypes: ["EC2", "ECR", "LAMBDA"] },
        INPUTS,
        inPlace(),
    ],
    [
        "the calling account (accountIds left out), enabled",
        {
            ...OLDS,
            accountIds: undefined,
            managedAccountIds: [ADMIN],
            statusGroups: groupByStatus([account(ADMIN, "ENABLED", "ENABLED")]),
        },
        { ...INPUTS, accountIds: undefined },
        NO_CHANGE,
    ],
    [
        "the calling account after a switch of credentials to another account",
        {
            ...OLDS,
            accountIds: undefined,
            callerAccountId: MEMBER,
            managedAccountIds: [ADMIN],
            statusGroups: groupByStatus([account(ADMIN, "ENABLED", "ENABLED")]),
        },
        { ...INPUTS, accountIds: undefined },
        inPlace(),
    ],
    [
        "state written by 0.1.0: an update that only rewrites it in the compact shape",
        OLDS_V010,
        INPUTS,
        inPlace(),
    ],
    [
        "state written by 0.1.0 with a new region: a replacement",
        OLDS_V010,
        { ...INPUTS, region: "us-west-2" },
        REPLACE,
    ],
    [
        "state from a create that stopped before it knew anything",
        { ...INPUTS, statusGroups: [] } as Partial<EnablementOutputs>,
        INPUTS,
        { changes: true, replaces: [], stables: ALL_STABLE, deleteBeforeReplace: false },
    ],
];

describe("enablement diff", () => {
    for (const [name, olds, news, expected] of cases) {
        it(name, () => assert.deepEqual(diffEnablement(olds, news), expected));
    }
});

describe("enablement diff at scale", () => {
    const accountIds = Array.from({ length: 40_000 }, (_, i) => String(100_000_000_000 + i));
    const olds: EnablementOutputs = {
        ...OLDS,
        accountIds,
        managedAccountIds: accountIds,
        statusGroups: groupByStatus(accountIds.map((id) => account(id, "ENABLED", "ENABLED"))),
    };

    it("compares 40,000 accounts: no change, a reordered list, one account drifted, one account swapped", () => {
        const news = { ...INPUTS, accountIds };
        assert.equal(diffEnablement(olds, news).changes, false);
        assert.equal(
            diffEnablement({ ...olds, managedAccountIds: [...accountIds].reverse() }, news).changes,
            false,
        );
        const drifted = groupByStatus([
            ...accountIds.slice(1).map((id) => account(id, "ENABLED", "ENABLED")),
            account(accountIds[0], "ENABLED", "DISABLED"),
        ]);
        assert.equal(diffEnablement({ ...olds, statusGroups: drifted }, news).changes, true);
        const swapped = [...accountIds.slice(1), "999999999999"];
        assert.deepEqual(diffEnablement(olds, { ...news, accountIds: swapped }), inPlace("accountIds"));
    });
});
