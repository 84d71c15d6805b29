import assert from "node:assert/strict";
import type { StackSettings } from "../../provider/core/context";
import { configureFromStack, parseStackSettings, stackSettings } from "../../provider/dynamic/stack-config";

const ROLE_A = "arn:aws:iam::111122223333:role/InspectorDeployer";
const ROLE_B = "arn:aws:iam::999988887777:role/InspectorDeployer";
const SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";

/** The settings parsed from a stack config given as `pulumi config` keys and values. */
function parse(config: Record<string, unknown>): StackSettings {
    return parseStackSettings((key) => config[key]);
}

describe("the stack's aws:* settings handed to configure", () => {
    const cases: [string, Record<string, unknown>, StackSettings][] = [
        ["nothing", {}, {}],
        ["the region", { "aws:region": "eu-west-1" }, { region: "eu-west-1" }],
        ["a profile", { "aws:profile": "standalone" }, { credentials: { profile: "standalone" } }],
        [
            "shared files as JSON lists, or one path as text",
            {
                "aws:sharedCredentialsFiles": '["/a/credentials","/b/credentials"]',
                "aws:sharedConfigFiles": "/a/config",
            },
            {
                credentials: {
                    sharedCredentialsFiles: ["/a/credentials", "/b/credentials"],
                    sharedConfigFiles: ["/a/config"],
                },
            },
        ],
        [
            "static keys with a token",
            { "aws:accessKey": "ASIAEXAMPLE", "aws:secretKey": SECRET, "aws:token": "token" },
            { credentials: { accessKey: "ASIAEXAMPLE", secretKey: SECRET, token: "token" } },
        ],
        [
            "aws:assumeRole as JSON text (@pulumi/aws v6)",
            {
                "aws:assumeRole": JSON.stringify({
                    roleArn: ROLE_B,
                    sessionName: "ci",
                    durationSeconds: 900,
                }),
            },
            {
                credentials: {
                    assumeRoles: [{ roleArn: ROLE_B, sessionName: "ci", durationSeconds: 900 }],
                    assumeRolesKey: "aws:assumeRole",
                },
            },
        ],
        [
            "aws:assumeRoles as a value (@pulumi/aws v7), chained in order",
            { "aws:assumeRoles": [{ roleArn: ROLE_B }, { roleArn: ROLE_A, duration: "1h" }] },
            {
                credentials: {
                    assumeRoles: [{ roleArn: ROLE_B }, { roleArn: ROLE_A, durationSeconds: 3600 }],
                    assumeRolesKey: "aws:assumeRoles",
                },
            },
        ],
        ["empty values as unset", { "aws:profile": "", "aws:region": "" }, {}],
    ];
    for (const [name, config, expected] of cases) {
        it(`reads ${name}`, () => assert.deepEqual(parse(config), expected));
    }

    const problems: [string, Record<string, unknown>, { property: string; reason: string }[]][] = [
        [
            "an access key without its secret",
            { "aws:accessKey": "AKIAI44QH8DHBEXAMPLE" },
            [
                {
                    property: "aws:secretKey",
                    reason:
                        "aws:accessKey is set but aws:secretKey is not: set both, the secret one with pulumi config " +
                        "set --secret",
                },
            ],
        ],
        [
            "a secret key without its access key",
            { "aws:secretKey": SECRET },
            [
                {
                    property: "aws:accessKey",
                    reason: "aws:secretKey is set but aws:accessKey is not: set both",
                },
            ],
        ],
        [
            "a token alone",
            { "aws:token": "t" },
            [
                {
                    property: "aws:token",
                    reason: "aws:token is set without aws:accessKey and aws:secretKey: set all three",
                },
            ],
        ],
        [
            "a secret key that is not text, without showing it",
            { "aws:accessKey": "AKIAI44QH8DHBEXAMPLE", "aws:secretKey": { value: SECRET } },
            [
                { property: "aws:secretKey", reason: "aws:secretKey is not a string" },
                {
                    property: "aws:secretKey",
                    reason:
                        "aws:accessKey is set but aws:secretKey is not: set both, the secret one with pulumi config " +
                        "set --secret",
                },
            ],
        ],
        [
            "both role keys",
            { "aws:assumeRole": { roleArn: ROLE_A }, "aws:assumeRoles": [{ roleArn: ROLE_B }] },
            [
                {
                    property: "aws:assumeRoles",
                    reason:
                        "aws:assumeRole and aws:assumeRoles are both set: keep aws:assumeRoles (a list of roles, " +
                        "assumed in order)",
                },
            ],
        ],
        [
            "a role that is not JSON",
            { "aws:assumeRole": "{roleArn:" },
            [
                {
                    property: "aws:assumeRole",
                    reason: 'aws:assumeRole "{roleArn:" is not JSON: set it with pulumi config set --path or --json',
                },
            ],
        ],
        [
            "a bad role in a chain",
            { "aws:assumeRoles": [{ roleArn: ROLE_B }, { roleArn: "nope" }] },
            [
                {
                    property: "aws:assumeRoles[1].roleArn",
                    reason:
                        'aws:assumeRoles[1].roleArn "nope" is not an IAM role ARN: use arn:aws:iam::<12-digit ' +
                        "account ID>:role/<name>, such as arn:aws:iam::123456789012:role/InspectorDeployer",
                },
            ],
        ],
        [
            "roles that are not a list",
            { "aws:assumeRoles": { roleArn: ROLE_B } },
            [
                {
                    property: "aws:assumeRoles",
                    reason: `aws:assumeRoles {"roleArn":"${ROLE_B}"} (object) is not a list: give [{ "roleArn": "…" }, …], assumed in order`,
                },
            ],
        ],
        [
            "shared files that are not paths",
            { "aws:sharedCredentialsFiles": "[1]" },
            [
                {
                    property: "aws:sharedCredentialsFiles",
                    reason: 'aws:sharedCredentialsFiles [1] (list) is not a list of file paths: give ["~/.aws/credentials"]',
                },
            ],
        ],
        [
            "a misspelt role setting",
            { "aws:assumeRole": { roleArn: ROLE_B, externalID: "x1" } },
            [
                {
                    property: "aws:assumeRole.externalID",
                    reason: "aws:assumeRole.externalID is not a setting of aws:assumeRole: did you mean externalId?",
                },
            ],
        ],
    ];
    for (const [name, config, expected] of problems) {
        it(`keeps the problem of ${name}, naming the key`, () => {
            const settings = parse(config);
            assert.deepEqual(settings.problems, expected);
            assert.ok(!JSON.stringify(settings.problems).includes(SECRET), "a problem shows the secret key");
        });
    }

    it("remembers what configure received", () => {
        configureFromStack({
            get: (key) => ({ "aws:region": "ap-south-1", "aws:profile": "p" })[key],
            require: () => "",
        });
        assert.deepEqual(stackSettings(), { region: "ap-south-1", credentials: { profile: "p" } });
        configureFromStack({ get: () => undefined, require: () => "" });
        assert.deepEqual(stackSettings(), {});
    });
});
