import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    assumeRoleParams,
    credentialSource,
    pickFile,
    resetCredentialSources,
    type CredentialStack,
    type ResourceCredentials,
} from "../../provider/aws/credentials";

const ADMIN = { id: "AKIAIOSFODNN7EXAMPLE", secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const STANDALONE = { id: "AKIAI44QH8DHBEXAMPLE", secret: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY" };
const ROLE_A = "arn:aws:iam::111122223333:role/InspectorDeployer";
const ROLE_B = "arn:aws:iam::999988887777:role/InspectorDeployer";

const CHAIN =
    "the default credential chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the shared files, " +
    "SSO, the container's or the instance's role)";

/** A temporary folder with a shared credentials file of two profiles, the emulator's two keyed accounts. */
function credentialsFolder(): { dir: string; file: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-inspector-credentials-"));
    const file = path.join(dir, "credentials");
    fs.writeFileSync(
        file,
        [
            "[admin]",
            `aws_access_key_id = ${ADMIN.id}`,
            `aws_secret_access_key = ${ADMIN.secret}`,
            "",
            "[standalone]",
            `aws_access_key_id = ${STANDALONE.id}`,
            `aws_secret_access_key = ${STANDALONE.secret}`,
            "",
        ].join("\n"),
    );
    return { dir, file };
}

describe("credential sources: precedence, sharing and secrecy", () => {
    afterEach(() => resetCredentialSources());

    describe("which credentials a resource uses", () => {
        const keys = { accessKey: STANDALONE.id, secretKey: STANDALONE.secret };
        const cases: [string, CredentialStack, ResourceCredentials, string][] = [
            ["nothing set: the SDK's default chain (the environment)", {}, {}, CHAIN],
            [
                "the stack's aws:profile beats the environment",
                { credentials: { profile: "standalone" } },
                {},
                `profile "standalone" (the stack's aws:profile)`,
            ],
            [
                "the stack's static keys beat its profile",
                { credentials: { ...keys, profile: "standalone" } },
                {},
                "the stack's aws:accessKey and aws:secretKey",
            ],
            [
                "a session token goes with the keys",
                { credentials: { ...keys, token: "t" } },
                {},
                "the stack's aws:accessKey and aws:secretKey (with aws:token)",
            ],
            [
                "the resource's profile beats the stack's keys",
                { credentials: { ...keys, profile: "admin" } },
                { profile: "standalone" },
                `profile "standalone" (the resource's profile input)`,
            ],
            [
                "the stack's role is assumed on top of its keys",
                {
                    credentials: {
                        ...keys,
                        assumeRoles: [{ roleArn: ROLE_B }],
                        assumeRolesKey: "aws:assumeRole",
                    },
                },
                {},
                `the stack's aws:accessKey and aws:secretKey, then role ${ROLE_B} (the stack's aws:assumeRole)`,
            ],
            [
                "the stack's roles are chained in order",
                {
                    credentials: {
                        assumeRoles: [{ roleArn: ROLE_B }, { roleArn: ROLE_A }],
                        assumeRolesKey: "aws:assumeRoles",
                    },
                },
                {},
                `${CHAIN}, then role ${ROLE_B} (the stack's aws:assumeRoles[0]), then role ${ROLE_A} (the stack's ` +
                    "aws:assumeRoles[1])",
            ],
            [
                "the resource's role replaces the stack's, on the stack's base credentials",
                {
                    credentials: {
                        profile: "admin",
                        assumeRoles: [{ roleArn: ROLE_A }, { roleArn: ROLE_A }],
                    },
                },
                { assumeRole: { roleArn: ROLE_B } },
                `profile "admin" (the stack's aws:profile), then role ${ROLE_B} (the resource's assumeRole)`,
            ],
            [
                "the resource's profile and role together",
                { credentials: keys },
                { profile: "admin", assumeRole: { roleArn: ROLE_B } },
                `profile "admin" (the resource's profile input), then role ${ROLE_B} (the resource's assumeRole)`,
            ],
        ];
        for (const [name, stack, resource, description] of cases) {
            it(name, () => assert.equal(credentialSource(stack, resource, {}).description, description));
        }
    });

    describe("the source's key in the client caches", () => {
        it("is shared by resources with the same settings, and differs otherwise", () => {
            const stack = { credentials: { profile: "admin" } };
            const one = credentialSource(stack, { assumeRole: { roleArn: ROLE_B } }, {});
            const two = credentialSource(stack, { assumeRole: { roleArn: ROLE_B } }, {});
            assert.equal(one, two);
            const keys = new Set(
                [
                    one,
                    credentialSource(stack, {}, {}),
                    credentialSource(stack, { profile: "standalone" }, {}),
                    credentialSource(stack, { assumeRole: { roleArn: ROLE_B, sessionName: "other" } }, {}),
                    credentialSource({ ...stack, region: "eu-west-1" }, {}, {}),
                    credentialSource(
                        { credentials: { accessKey: ADMIN.id, secretKey: ADMIN.secret } },
                        {},
                        {},
                    ),
                    credentialSource({ credentials: { accessKey: ADMIN.id, secretKey: "other" } }, {}, {}),
                ].map((source) => source.key),
            );
            assert.equal(keys.size, 7);
        });

        it("is a hash: no key, secret or token in clear, in the key or the description", () => {
            const source = credentialSource(
                { credentials: { accessKey: ADMIN.id, secretKey: ADMIN.secret, token: "SESSIONTOKEN" } },
                {},
                {},
            );
            assert.match(source.key, /^credentials-[0-9a-f]{24}$/);
            for (const secret of [ADMIN.id, ADMIN.secret, "SESSIONTOKEN"]) {
                assert.ok(!source.key.includes(secret));
                assert.ok(!source.description.includes(secret));
                assert.ok(!JSON.stringify(source).includes(secret), "the source serialises a secret");
            }
        });
    });

    describe("the credentials each source gives (no call: keys and shared files)", () => {
        const saved = { ...process.env };
        let folder: { dir: string; file: string };
        before(() => (folder = credentialsFolder()));
        after(() => fs.rmSync(folder.dir, { recursive: true, force: true }));
        afterEach(() => {
            for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
            Object.assign(process.env, saved);
        });

        it("gives the stack's static keys, with the token", async () => {
            const source = credentialSource(
                { credentials: { accessKey: STANDALONE.id, secretKey: STANDALONE.secret, token: "t" } },
                {},
                {},
            );
            const identity = await source.provider();
            assert.deepEqual(
                { ...identity },
                { accessKeyId: STANDALONE.id, secretAccessKey: STANDALONE.secret, sessionToken: "t" },
            );
        });

        it("reads the stack's profile from aws:sharedCredentialsFiles, over keys in the environment", async () => {
            process.env.AWS_ACCESS_KEY_ID = ADMIN.id;
            process.env.AWS_SECRET_ACCESS_KEY = ADMIN.secret;
            const source = credentialSource(
                { credentials: { profile: "standalone", sharedCredentialsFiles: [folder.file] } },
                {},
                process.env,
            );
            assert.equal(
                source.description,
                `profile "standalone" (the stack's aws:profile, from ${folder.file})`,
            );
            assert.equal((await source.provider()).accessKeyId, STANDALONE.id);
        });

        it("reads the resource's profile from the same files", async () => {
            const stack = { credentials: { profile: "standalone", sharedCredentialsFiles: [folder.file] } };
            const source = credentialSource(stack, { profile: "admin" }, {});
            assert.equal((await source.provider()).accessKeyId, ADMIN.id);
        });

        it("uses the environment's keys when nothing else is set", async () => {
            process.env.AWS_ACCESS_KEY_ID = STANDALONE.id;
            process.env.AWS_SECRET_ACCESS_KEY = STANDALONE.secret;
            delete process.env.AWS_PROFILE;
            const identity = await credentialSource({}, {}, process.env).provider();
            assert.equal(identity.accessKeyId, STANDALONE.id);
        });

        it("fetches once for every client that shares the source", async () => {
            const stack = { credentials: { profile: "admin", sharedCredentialsFiles: [folder.file] } };
            const source = credentialSource(stack, {}, {});
            const [one, two] = await Promise.all([source.provider(), source.provider()]);
            assert.equal(one, two);
            assert.equal(await source.provider(), one);
        });
    });

    describe("several shared files", () => {
        let dir: string;
        before(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-inspector-files-"));
            fs.writeFileSync(path.join(dir, "first"), "[admin]\nx = 1\n[both]\nx = 1\n");
            fs.writeFileSync(path.join(dir, "second"), "[ both ]\nx = 2\n");
            fs.writeFileSync(path.join(dir, "config"), "[profile admin]\nregion = eu-west-1\n[default]\n");
        });
        after(() => fs.rmSync(dir, { recursive: true, force: true }));

        const cases: [string, string[], string, boolean, string | undefined][] = [
            ["none given: the SDK's default", [], "admin", false, undefined],
            ["the only one", ["first"], "nobody", false, "first"],
            ["the last that has the profile", ["first", "second"], "both", false, "second"],
            ["an earlier one when only it has the profile", ["first", "second"], "admin", false, "first"],
            [
                "the last when none has it (the SDK then says so)",
                ["first", "second"],
                "nobody",
                false,
                "second",
            ],
            ["a config file's [profile name] section", ["second", "config"], "admin", true, "config"],
            ["a config file's [default] section", ["config", "second"], "default", true, "config"],
            ["a missing file is skipped", ["first", "missing"], "admin", false, "first"],
        ];
        for (const [name, files, profile, config, expected] of cases) {
            it(name, () => {
                const picked = pickFile(
                    files.map((file) => path.join(dir, file)),
                    profile,
                    config,
                );
                assert.equal(picked, expected && path.join(dir, expected));
            });
        }

        it("expands ~/", () => {
            assert.equal(pickFile(["~/x/credentials"], "p", false), path.join(os.homedir(), "x/credentials"));
        });
    });

    describe("AssumeRole's parameters", () => {
        it("fill in the session name and duration", () => {
            assert.deepEqual(assumeRoleParams({ roleArn: ROLE_B }), {
                RoleArn: ROLE_B,
                RoleSessionName: "pulumi-inspector",
                DurationSeconds: 3600,
            });
        });

        it("carry every setting given", () => {
            assert.deepEqual(
                assumeRoleParams({
                    roleArn: ROLE_B,
                    sessionName: "ci",
                    externalId: "ext",
                    durationSeconds: 900,
                    policy: "{}",
                    policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                    tags: { team: "security" },
                    transitiveTagKeys: ["team"],
                    sourceIdentity: "alice",
                }),
                {
                    RoleArn: ROLE_B,
                    RoleSessionName: "ci",
                    DurationSeconds: 900,
                    ExternalId: "ext",
                    Policy: "{}",
                    PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
                    Tags: [{ Key: "team", Value: "security" }],
                    TransitiveTagKeys: ["team"],
                    SourceIdentity: "alice",
                },
            );
        });
    });

    it("refuses to make credentials from invalid stack settings, naming every problem", () => {
        assert.throws(
            () =>
                credentialSource({
                    problems: [
                        {
                            property: "aws:secretKey",
                            reason: "aws:accessKey is set but aws:secretKey is not",
                        },
                        { property: "aws:assumeRole.roleArn", reason: "aws:assumeRole.roleArn is missing" },
                    ],
                }),
            {
                message:
                    "The stack's AWS credential settings are invalid: aws:accessKey is set but aws:secretKey is not; " +
                    "aws:assumeRole.roleArn is missing. Fix them with pulumi config set.",
            },
        );
    });
});
