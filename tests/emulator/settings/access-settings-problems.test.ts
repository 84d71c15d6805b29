import assert from "node:assert/strict";
import { DEFAULT_SETTINGS } from "../../../emulator/settings/default-settings";
import { mergeSettings } from "../../../emulator/settings/merge-settings";
import type { PartialSettings } from "../../../emulator/settings/settings";
import { settingsProblems } from "../../../emulator/settings/settings-validation";

const POLICY = {
    policyId: "p-abcdefgh",
    accountIds: ["444455556666"],
    resourceTypes: ["EC2"],
    state: "ENABLED",
};

const TABLE: readonly [title: string, patch: Record<string, unknown>, problems: string[]][] = [
    ["roles that are no list", { roles: {} }, ["roles {} must be a list"]],
    [
        "a role ARN that is no IAM role ARN",
        { roles: [{ roleArn: "arn:aws:iam::111122223333:user/alice" }] },
        [
            'roles[0].roleArn "arn:aws:iam::111122223333:user/alice" must be an IAM role ARN such as ' +
                "arn:aws:iam::111122223333:role/InspectorDeployer",
        ],
    ],
    [
        "a repeated role",
        {
            roles: [
                { roleArn: "arn:aws:iam::111122223333:role/a" },
                { roleArn: "arn:aws:iam::111122223333:role/a" },
            ],
        },
        ['roles[1].roleArn "arn:aws:iam::111122223333:role/a" appears twice; role ARNs must be unique'],
    ],
    [
        "an external ID STS would refuse",
        { roles: [{ roleArn: "arn:aws:iam::111122223333:role/a", externalId: "x" }] },
        ['roles[0].externalId "x" must be 2 to 1224 letters, digits or any of _+=,.@:/-'],
    ],
    [
        "an unknown role setting",
        { roles: [{ roleArn: "arn:aws:iam::111122223333:role/a", trust: "*" }] },
        ['roles[0].trust "*" is not a setting; known: roleArn, externalId'],
    ],
    [
        "organisation policies that are no list",
        { organizationPolicies: "p-abcdefgh" },
        ['organizationPolicies "p-abcdefgh" must be a list'],
    ],
    [
        "a policy ID of the wrong form",
        { organizationPolicies: [{ ...POLICY, policyId: "p-1" }] },
        ['organizationPolicies[0].policyId "p-1" must be p- and 8 to 128 letters, digits or underscores'],
    ],
    [
        "a policy state that is no status",
        { organizationPolicies: [{ ...POLICY, state: "ON" }] },
        ['organizationPolicies[0].state "ON" must be one of ENABLED, DISABLED'],
    ],
    [
        "a policy over no accounts and an unknown type",
        { organizationPolicies: [{ ...POLICY, accountIds: [], resourceTypes: ["S3"] }] },
        [
            "organizationPolicies[0].accountIds [] must be a list of at least one item",
            'organizationPolicies[0].resourceTypes[0] "S3" must be one of EC2, ECR, LAMBDA, LAMBDA_CODE, CODE_REPOSITORY',
        ],
    ],
    [
        "a policy over an account outside the organisation",
        { organizationPolicies: [{ ...POLICY, accountIds: ["999988887777", "000011112222"] }] },
        [
            'organizationPolicies[0].accountIds[0] "999988887777" must be an account of the organisation (its administrator or a member)',
            'organizationPolicies[0].accountIds[1] "000011112222" must be an account of the organisation (its administrator or a member)',
        ],
    ],
    [
        "two policies over the same account and type",
        {
            organizationPolicies: [
                POLICY,
                { ...POLICY, policyId: "p-ijklmnop", resourceTypes: ["ECR", "EC2"], state: "DISABLED" },
            ],
        },
        [
            'organizationPolicies[1] "p-ijklmnop" manages EC2 of account 444455556666, which p-abcdefgh manages already',
        ],
    ],
    [
        "a repeated policy ID",
        { organizationPolicies: [POLICY, { ...POLICY, resourceTypes: ["ECR"] }] },
        ['organizationPolicies[1].policyId "p-abcdefgh" appears twice; policy IDs must be unique'],
    ],
    [
        "an unknown policy setting",
        { organizationPolicies: [{ ...POLICY, regions: ["us-east-1"] }] },
        [
            'organizationPolicies[0].regions ["us-east-1"] is not a setting; known: policyId, accountIds, resourceTypes, state',
        ],
    ],
    ["a fault for STS", { faults: [{ service: "sts", operation: "AssumeRole", kind: "throttle" }] }, []],
];

describe("settingsProblems of roles and organisation policies", () => {
    it("accepts roles with paths and external IDs, and policies over the organisation's accounts", () => {
        const patch: PartialSettings = {
            roles: [
                { roleArn: "arn:aws:iam::444455556666:role/ops/team/Auditor", externalId: "tenant:42/a" },
                { roleArn: "arn:aws-us-gov:iam::123456789012:role/Deployer" },
            ],
            organizationPolicies: [
                {
                    policyId: "p-abcdefgh",
                    accountIds: ["111122223333", "444455556666"],
                    resourceTypes: ["EC2", "LAMBDA"],
                    state: "DISABLED",
                },
                {
                    policyId: "p-ijklmnop",
                    accountIds: ["444455556666"],
                    resourceTypes: ["ECR"],
                    state: "ENABLED",
                },
            ],
        };
        assert.deepEqual(settingsProblems(mergeSettings(DEFAULT_SETTINGS, patch)), []);
    });

    for (const [title, patch, problems] of TABLE) {
        it(`reports ${title}`, () => {
            assert.deepEqual(
                settingsProblems(mergeSettings(DEFAULT_SETTINGS, patch as PartialSettings)),
                problems,
            );
        });
    }
});
