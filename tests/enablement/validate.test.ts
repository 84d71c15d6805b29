import assert from "node:assert/strict";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { CheckFailure } from "../../provider/dynamic/check";
import { checkEnablementInputs } from "../../provider/enablement/validate";
import { testContext } from "../support/test-context";

/** Where a region may come from besides the `region` input: the stack's aws:region and the environment. */
type CheckContext = Parameters<typeof testContext>[0];

const URN = "urn:pulumi:dev::scanning-project::pulumi-nodejs:dynamic/inspector:InspectorEnablement::scanning";
/** defaultClientToken(URN), pinned: a new provider version must derive the token an older one recorded. */
const DERIVED_TOKEN = "pulumi-7afc23a8d1697c64c61822bcc598ff336e07c04c";
const TYPES = "EC2, ECR, LAMBDA, LAMBDA_CODE or CODE_REPOSITORY";
const REGION_RULE = "a region is lower-case words joined by dashes and ending in a number, such as eu-west-1";
const TOKEN_RULE = "a client token is a string of 1 to 64 characters";
const STACK: CheckContext = { stackRegion: "eu-west-1", env: {} };

const VALID = { resourceTypes: ["EC2"], resourceUrn: URN };
const DEFAULTS = {
    clientToken: DERIVED_TOKEN,
    region: "eu-west-1",
    waitForEnabled: true,
    waitTimeoutSeconds: 900,
    pollIntervalSeconds: 3,
    resourceUrn: URN,
};

interface Case {
    readonly name: string;
    readonly news: Record<string, unknown>;
    readonly context?: CheckContext;
    /** Expected normalised inputs; left out for cases that only test failures. */
    readonly inputs?: Record<string, unknown>;
    readonly failures: CheckFailure[];
}

const cases: Case[] = [
    {
        name: "sorts and de-duplicates types and accounts, fills in defaults and the stack's region",
        news: {
            resourceTypes: ["LAMBDA", "EC2", "ECR", "EC2"],
            accountIds: ["777788889999", "111122223333", "777788889999"],
            resourceUrn: URN,
        },
        inputs: {
            resourceTypes: ["EC2", "ECR", "LAMBDA"],
            accountIds: ["111122223333", "777788889999"],
            ...DEFAULTS,
        },
        failures: [],
    },
    {
        name: "keeps given settings and leaves accountIds out for the calling account",
        news: {
            ...VALID,
            clientToken: "release-42",
            region: "us-gov-west-1",
            waitForEnabled: false,
            waitTimeoutSeconds: 60,
            pollIntervalSeconds: 1.5,
        },
        inputs: {
            resourceTypes: ["EC2"],
            clientToken: "release-42",
            region: "us-gov-west-1",
            waitForEnabled: false,
            waitTimeoutSeconds: 60,
            pollIntervalSeconds: 1.5,
            resourceUrn: URN,
        },
        failures: [],
    },
    {
        name: "takes AWS_REGION when the stack has no aws:region",
        news: VALID,
        context: { env: { AWS_REGION: "ap-southeast-2", AWS_DEFAULT_REGION: "eu-north-1" } },
        inputs: { resourceTypes: ["EC2"], ...DEFAULTS, region: "ap-southeast-2" },
        failures: [],
    },
    {
        name: "takes AWS_DEFAULT_REGION last",
        news: VALID,
        context: { env: { AWS_DEFAULT_REGION: "eu-north-1" } },
        inputs: { resourceTypes: ["EC2"], ...DEFAULTS, region: "eu-north-1" },
        failures: [],
    },
    {
        name: "accepts values unknown during preview as they are",
        news: {
            resourceTypes: [unknownValue, "EC2"],
            accountIds: unknownValue,
            region: unknownValue,
            clientToken: unknownValue,
            waitForEnabled: unknownValue,
            waitTimeoutSeconds: unknownValue,
            pollIntervalSeconds: unknownValue,
            resourceUrn: URN,
        },
        inputs: {
            resourceTypes: [unknownValue, "EC2"],
            accountIds: unknownValue,
            clientToken: unknownValue,
            region: unknownValue,
            waitForEnabled: unknownValue,
            waitTimeoutSeconds: unknownValue,
            pollIntervalSeconds: unknownValue,
            resourceUrn: URN,
        },
        failures: [],
    },
    {
        name: "keeps an account list with an unknown member unsorted",
        news: { ...VALID, accountIds: ["777788889999", unknownValue, "111122223333"] },
        inputs: {
            resourceTypes: ["EC2"],
            accountIds: ["777788889999", unknownValue, "111122223333"],
            ...DEFAULTS,
        },
        failures: [],
    },
    {
        name: "an unknown URN leaves the derived token unknown",
        news: { resourceTypes: ["EC2"], resourceUrn: unknownValue },
        inputs: { resourceTypes: ["EC2"], ...DEFAULTS, clientToken: unknownValue, resourceUrn: unknownValue },
        failures: [],
    },
    {
        name: "missing resource types",
        news: { resourceUrn: URN },
        failures: [
            { property: "resourceTypes", reason: `resourceTypes is missing: give at least one of ${TYPES}` },
        ],
    },
    {
        name: "resource types that are not a list",
        news: { ...VALID, resourceTypes: "EC2" },
        failures: [
            {
                property: "resourceTypes",
                reason: `resourceTypes "EC2" is not a list: give a list such as ["EC2", "ECR"]`,
            },
        ],
    },
    {
        name: "an empty list of resource types",
        news: { ...VALID, resourceTypes: [] },
        failures: [
            { property: "resourceTypes", reason: `resourceTypes [] is empty: give at least one of ${TYPES}` },
        ],
    },
    {
        name: "unknown resource types, each named with its position",
        news: { ...VALID, resourceTypes: ["EC2", "ec2", "LAMBDA_LAYER", 7] },
        failures: [
            {
                property: "resourceTypes",
                reason: `resourceTypes[2] "LAMBDA_LAYER" is not a resource type: use ${TYPES} (any letter case)`,
            },
            {
                property: "resourceTypes",
                reason: `resourceTypes[3] 7 is not a resource type: use ${TYPES} (any letter case)`,
            },
        ],
    },
    {
        name: "resource types in any letter case, stored in the canonical spelling",
        news: { ...VALID, resourceTypes: ["lambda", "Ec2", "EC2", "lambda_code"] },
        inputs: { resourceTypes: ["EC2", "LAMBDA", "LAMBDA_CODE"], ...DEFAULTS },
        failures: [],
    },
    {
        name: "a property the resource does not have, with the closest one it has",
        news: { ...VALID, accountIDs: ["111122223333"], timeout: 60 },
        failures: [
            {
                property: "accountIDs",
                reason: "accountIDs is not a property of this resource: did you mean accountIds?",
            },
            {
                property: "timeout",
                reason:
                    "timeout is not a property of this resource; its properties are resourceTypes, accountIds, " +
                    "clientToken, region, waitForEnabled, waitTimeoutSeconds, pollIntervalSeconds, resourceUrn, " +
                    "profile or assumeRole",
            },
        ],
    },
    {
        name: "account IDs that are not a list",
        news: { ...VALID, accountIds: "111122223333" },
        failures: [
            {
                property: "accountIds",
                reason:
                    'accountIds "111122223333" is not a list: give a list of 12-digit account IDs, or leave ' +
                    "accountIds out for the calling account",
            },
        ],
    },
    {
        name: "an empty list of account IDs",
        news: { ...VALID, accountIds: [] },
        failures: [
            {
                property: "accountIds",
                reason:
                    "accountIds [] is empty: give at least one 12-digit account ID, or leave accountIds out for " +
                    "the calling account",
            },
        ],
    },
    {
        name: "malformed account IDs: short, long, letters, a number instead of a string",
        news: { ...VALID, accountIds: ["12345678901", "1234567890123", "12345678901a", 111122223333] },
        failures: [0, 1, 2, 3].map((index) => ({
            property: "accountIds",
            reason: `accountIds[${index}] ${JSON.stringify(
                ["12345678901", "1234567890123", "12345678901a", 111122223333][index],
            )} is not an account ID: an account ID is a string of exactly 12 digits`,
        })),
    },
    {
        name: "an empty client token",
        news: { ...VALID, clientToken: "" },
        failures: [{ property: "clientToken", reason: `clientToken "" is 0 characters long: ${TOKEN_RULE}` }],
    },
    {
        name: "a client token over 64 characters",
        news: { ...VALID, clientToken: "t".repeat(65) },
        failures: [
            {
                property: "clientToken",
                reason: `clientToken "${"t".repeat(65)}" is 65 characters long: ${TOKEN_RULE}`,
            },
        ],
    },
    {
        name: "a client token of exactly 64 characters is fine",
        news: { ...VALID, clientToken: "t".repeat(64) },
        inputs: { resourceTypes: ["EC2"], ...DEFAULTS, clientToken: "t".repeat(64) },
        failures: [],
    },
    {
        name: "a client token that is not a string",
        news: { ...VALID, clientToken: 42 },
        failures: [{ property: "clientToken", reason: `clientToken 42 is not a string: ${TOKEN_RULE}` }],
    },
    {
        name: "a malformed region input",
        news: { ...VALID, region: "EU-WEST-1" },
        failures: [{ property: "region", reason: `region "EU-WEST-1" is not an AWS region: ${REGION_RULE}` }],
    },
    {
        name: "a malformed region from the stack names where it came from",
        news: VALID,
        context: { stackRegion: "europe", env: {} },
        failures: [
            {
                property: "region",
                reason: `region "europe" from the stack's aws:region config is not an AWS region: ${REGION_RULE}`,
            },
        ],
    },
    {
        name: "no region anywhere",
        news: VALID,
        context: { env: {} },
        failures: [
            {
                property: "region",
                reason: "region is not set: set the region input, the stack's aws:region config or AWS_REGION",
            },
        ],
    },
    {
        name: "waitForEnabled that is not a boolean",
        news: { ...VALID, waitForEnabled: "yes" },
        failures: [
            {
                property: "waitForEnabled",
                reason: 'waitForEnabled "yes" is not a boolean: use true or false',
            },
        ],
    },
    ...[0, 1.5, 86_401, "60"].map((value) => ({
        name: `waitTimeoutSeconds ${JSON.stringify(value)}`,
        news: { ...VALID, waitTimeoutSeconds: value },
        failures: [
            {
                property: "waitTimeoutSeconds",
                reason: `waitTimeoutSeconds ${JSON.stringify(value)} is not allowed: use a whole number of seconds from 1 to 86400 (1 day)`,
            },
        ],
    })),
    // A floor of one second: 1e-6 made about 50 status calls in a quarter of a second for one account.
    ...[0, -1, 1e-6, 0.5, 0.999, 300.5, 301, "3", Infinity].map((value) => ({
        name: `pollIntervalSeconds ${String(value)} is refused`,
        news: { ...VALID, pollIntervalSeconds: value },
        failures: [
            {
                property: "pollIntervalSeconds",
                reason: `pollIntervalSeconds ${typeof value === "string" ? JSON.stringify(value) : String(value)} is not allowed: use a number of seconds from 1 to 300`,
            },
        ],
    })),
    ...[1, 2.5, 300].map((value) => ({
        name: `pollIntervalSeconds ${value} is accepted`,
        news: { ...VALID, pollIntervalSeconds: value },
        inputs: { resourceTypes: ["EC2"], ...DEFAULTS, pollIntervalSeconds: value },
        failures: [],
    })),
    {
        name: "no URN (the provider used without the resource class)",
        news: { resourceTypes: ["EC2"] },
        failures: [
            {
                property: "resourceUrn",
                reason: "resourceUrn is missing: create the resource with the InspectorEnablement class, which sets it",
            },
        ],
    },
    {
        name: "a URN that is not one",
        news: { resourceTypes: ["EC2"], resourceUrn: "scanning" },
        failures: [
            {
                property: "resourceUrn",
                reason:
                    'resourceUrn "scanning" is not a Pulumi URN: create the resource with the InspectorEnablement ' +
                    "class, which sets it",
            },
        ],
    },
    {
        name: "long values are shortened in messages",
        news: { ...VALID, accountIds: { list: "x".repeat(200) } },
        failures: [
            {
                property: "accountIds",
                reason:
                    `accountIds {"list":"${"x".repeat(88)}... (object) is not a list: give a list of 12-digit account ` +
                    "IDs, or leave accountIds out for the calling account",
            },
        ],
    },
    {
        name: "every failure at once, in input order",
        news: { resourceTypes: ["EC9"], accountIds: ["1"], clientToken: "", region: "x", resourceUrn: URN },
        failures: [
            {
                property: "resourceTypes",
                reason: `resourceTypes[0] "EC9" is not a resource type: use ${TYPES} (any letter case)`,
            },
            {
                property: "accountIds",
                reason: 'accountIds[0] "1" is not an account ID: an account ID is a string of exactly 12 digits',
            },
            { property: "clientToken", reason: `clientToken "" is 0 characters long: ${TOKEN_RULE}` },
            { property: "region", reason: `region "x" is not an AWS region: ${REGION_RULE}` },
        ],
    },
];

describe("enablement check (validation and normalisation)", () => {
    for (const testCase of cases) {
        it(testCase.name, () => {
            const outcome = checkEnablementInputs(testCase.news, testContext(testCase.context ?? STACK));
            assert.deepEqual(outcome.failures, testCase.failures);
            if (testCase.inputs) assert.deepEqual(outcome.inputs, testCase.inputs);
        });
    }

    it("gives the same inputs whatever the order and repetition of list members", () => {
        const a = checkEnablementInputs(
            { ...VALID, resourceTypes: ["ECR", "EC2"], accountIds: ["444455556666", "111122223333"] },
            testContext(STACK),
        );
        const b = checkEnablementInputs(
            {
                ...VALID,
                resourceTypes: ["EC2", "ECR", "ECR"],
                accountIds: ["111122223333", "444455556666", "111122223333"],
            },
            testContext(STACK),
        );
        assert.deepEqual(a, b);
    });

    it("takes up to 10,001 different accounts (an administrator and its 10,000 members) and refuses more", () => {
        const accounts = (count: number) =>
            Array.from({ length: count }, (_, i) => String(100_000_000_000 + i));
        const most = checkEnablementInputs({ ...VALID, accountIds: accounts(10_001) }, testContext(STACK));
        assert.deepEqual(most.failures, []);
        assert.equal((most.inputs.accountIds as string[]).length, 10_001);
        const repeated = [...accounts(10_001), ...accounts(10_001)];
        assert.deepEqual(
            checkEnablementInputs({ ...VALID, accountIds: repeated }, testContext(STACK)).failures,
            [],
            "repetitions do not count",
        );
        const tooMany = checkEnablementInputs({ ...VALID, accountIds: accounts(10_002) }, testContext(STACK));
        assert.deepEqual(tooMany.failures, [
            {
                property: "accountIds",
                reason:
                    `accountIds ${JSON.stringify(accounts(10_002)).slice(0, 97)}... (list) lists 10002 different ` +
                    "accounts: a delegated administrator manages at most 10000 member accounts, so give at most " +
                    "10001 (the administrator and its members)",
            },
        ]);
        assert.equal(tooMany.inputs.accountIds, undefined);
    });

    it("prefers the region input over the stack's and the environment's", () => {
        const outcome = checkEnablementInputs(
            { ...VALID, region: "ca-central-1" },
            testContext({ stackRegion: "eu-west-1", env: { AWS_REGION: "us-west-2" } }),
        );
        assert.equal(outcome.inputs.region, "ca-central-1");
    });
});
