import assert from "node:assert/strict";
import { DEFAULT_SETTINGS } from "../../../emulator/settings/default-settings";
import { mergeSettings } from "../../../emulator/settings/merge-settings";
import type { PartialSettings } from "../../../emulator/settings/settings";
import { settingsProblems } from "../../../emulator/settings/settings-validation";

const TABLE: readonly [title: string, patch: Record<string, unknown>, problems: string[]][] = [
    [
        "an unknown setting",
        { colour: "blue" },
        [
            'settings.colour "blue" is not a setting; known: region, seed, accounts, roles, organizationPolicies, delays, scanResources, faults, classic, clockSkewMs',
        ],
    ],
    [
        "a region that is no region",
        { region: "Mars" },
        ['region "Mars" must be a region name such as us-east-1'],
    ],
    ["a seed that is no integer", { seed: 1.5 }, ["seed 1.5 must be an integer"]],
    ["a negative clock skew", { clockSkewMs: -5 }, ["clockSkewMs -5 must be a number of at least 0"]],
    ["accounts that are no list", { accounts: {} }, ["accounts {} must be a list"]],
    [
        "an account ID of the wrong form",
        { accounts: [{ accountId: "12", role: "member" }] },
        ['accounts[0].accountId "12" must be 12 digits'],
    ],
    [
        "a repeated account ID",
        {
            accounts: [
                { accountId: "111122223333", role: "member" },
                { accountId: "111122223333", role: "member" },
            ],
        },
        ['accounts[1].accountId "111122223333" appears twice; account IDs must be unique'],
    ],
    [
        "an unknown role",
        { accounts: [{ accountId: "111122223333", role: "owner" }] },
        ['accounts[0].role "owner" must be one of administrator, member, standalone'],
    ],
    [
        "an unknown account state",
        { accounts: [{ accountId: "111122223333", role: "member", state: "closed" }] },
        ['accounts[0].state "closed" must be one of active, suspended, isolated'],
    ],
    [
        "half a key pair",
        { accounts: [{ accountId: "111122223333", role: "member", accessKeyId: "AKIAIOSFODNN7EXAMPLE" }] },
        ["accounts[0].secretAccessKey undefined must be set together with the other half of the key pair"],
    ],
    [
        "an access key of the wrong form",
        {
            accounts: [
                { accountId: "111122223333", role: "member", accessKeyId: "key", secretAccessKey: "s" },
            ],
        },
        ['accounts[0].accessKeyId "key" must be 16 to 128 capital letters or digits'],
    ],
    [
        "a repeated access key",
        {
            accounts: [
                {
                    accountId: "111122223333",
                    role: "member",
                    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
                    secretAccessKey: "a",
                },
                {
                    accountId: "444455556666",
                    role: "member",
                    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
                    secretAccessKey: "b",
                },
            ],
        },
        ['accounts[1].accessKeyId "AKIAIOSFODNN7EXAMPLE" appears twice; access keys must be unique'],
    ],
    [
        "an empty secret, without showing it",
        {
            accounts: [
                {
                    accountId: "111122223333",
                    role: "member",
                    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
                    secretAccessKey: "",
                },
            ],
        },
        ['accounts[0].secretAccessKey "(hidden)" must be a non-empty string'],
    ],
    [
        "an injected failure with a code Inspector does not have",
        {
            accounts: [
                { accountId: "111122223333", role: "member", failures: [{ errorCode: "OOPS", times: 1 }] },
            ],
        },
        [
            'accounts[0].failures[0].errorCode "OOPS" must be one of ALREADY_ENABLED, ENABLE_IN_PROGRESS, ' +
                "DISABLE_IN_PROGRESS, SUSPEND_IN_PROGRESS, RESOURCE_NOT_FOUND, ACCESS_DENIED, INTERNAL_ERROR, " +
                "SSM_UNAVAILABLE, SSM_THROTTLED, EVENTBRIDGE_UNAVAILABLE, EVENTBRIDGE_THROTTLED, " +
                "RESOURCE_SCAN_NOT_DISABLED, DISASSOCIATE_ALL_MEMBERS, ACCOUNT_IS_ISOLATED, " +
                "EC2_SSM_RESOURCE_DATA_SYNC_LIMIT_EXCEEDED, EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED, " +
                "BLOCKED_BY_ORGANIZATION_POLICY",
        ],
    ],
    [
        "an injected failure without a count",
        {
            accounts: [
                { accountId: "111122223333", role: "member", failures: [{ errorCode: "ACCESS_DENIED" }] },
            ],
        },
        ["accounts[0].failures[0].times undefined must be an integer of at least 0"],
    ],
    [
        "a negative delay",
        { delays: { enablingMs: -1 } },
        ["delays.enablingMs -1 must be a number of at least 0"],
    ],
    [
        "a delay override for an unknown resource type",
        { delays: { overrides: [{ resourceType: "S3", enablingMs: 5 }] } },
        [
            'delays.overrides[0].resourceType "S3" must be one of EC2, ECR, LAMBDA, LAMBDA_CODE, CODE_REPOSITORY',
        ],
    ],
    [
        "a fault of an unknown kind",
        { faults: [{ operation: "Enable", kind: "explode" }] },
        ['faults[0].kind "explode" must be one of throttle, internal, unavailable, latency, drop'],
    ],
    [
        "a fault without an operation",
        { faults: [{ kind: "drop" }] },
        ["faults[0].operation undefined must be an operation name or *"],
    ],
    [
        "a fault probability above 1",
        { faults: [{ operation: "*", kind: "drop", probability: 2 }] },
        ["faults[0].probability 2 must be a number from 0 to 1"],
    ],
    [
        "a fault for an unknown service",
        { faults: [{ service: "s3", operation: "*", kind: "drop" }] },
        ['faults[0].service "s3" must be one of inspector2, inspector, sts'],
    ],
    [
        "a time scale of 0",
        { classic: { timeScale: 0 } },
        ["classic.timeScale 0 must be a number greater than 0"],
    ],
    [
        "no concurrent runs at all",
        { classic: { maxConcurrentRuns: 0 } },
        ["classic.maxConcurrentRuns 0 must be an integer of at least 1"],
    ],
    [
        "an unknown Classic setting",
        { classic: { speed: 2 } },
        ["classic.speed 2 is not a setting; known: timeScale, maxConcurrentRuns, outcome, findingCounts"],
    ],
];

describe("settingsProblems", () => {
    it("finds nothing wrong with the defaults", () => {
        assert.deepEqual(settingsProblems(DEFAULT_SETTINGS), []);
    });

    for (const [title, patch, problems] of TABLE) {
        it(`reports ${title}`, () => {
            assert.deepEqual(
                settingsProblems(mergeSettings(DEFAULT_SETTINGS, patch as PartialSettings)),
                problems,
            );
        });
    }

    it("reports settings that are no object", () => {
        assert.deepEqual(settingsProblems([]), ["settings [] must be an object"]);
    });
});

describe("mergeSettings", () => {
    it("merges nested objects member by member", () => {
        const merged = mergeSettings(DEFAULT_SETTINGS, {
            delays: { enablingMs: 5 },
            classic: { timeScale: 60 },
        });
        assert.deepEqual(merged.delays, { enablingMs: 5, disablingMs: 200, scanMs: 500 });
        assert.deepEqual(merged.classic, { timeScale: 60, maxConcurrentRuns: 10 });
    });

    it("replaces arrays as a whole", () => {
        const merged = mergeSettings(DEFAULT_SETTINGS, {
            accounts: [{ accountId: "111122223333", role: "standalone" }],
        });
        assert.deepEqual(merged.accounts, [{ accountId: "111122223333", role: "standalone" }]);
    });

    it("replaces forced finding counts whole: severities left out count 0", () => {
        const first = mergeSettings(DEFAULT_SETTINGS, { classic: { findingCounts: { Medium: 5, High: 1 } } });
        const second = mergeSettings(first, { classic: { findingCounts: { High: 2 } } });
        assert.deepEqual(second.classic.findingCounts, { High: 2 });
        assert.equal(second.classic.timeScale, DEFAULT_SETTINGS.classic.timeScale);
    });

    it("keeps the identity of what the patch leaves alone, and leaves the base unchanged", () => {
        const merged = mergeSettings(DEFAULT_SETTINGS, { seed: 1 });
        assert.equal(merged.accounts, DEFAULT_SETTINGS.accounts);
        assert.equal(DEFAULT_SETTINGS.seed, 42);
    });

    it("lets null clear an optional setting", () => {
        const forced = mergeSettings(DEFAULT_SETTINGS, { classic: { outcome: "FAILED" } });
        assert.equal(mergeSettings(forced, { classic: { outcome: null } }).classic.outcome, null);
    });
});
