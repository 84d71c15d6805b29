import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { clientsFor } from "../../provider/aws/clients";
import {
    credentialSource,
    type CredentialStack,
    type ResourceCredentials,
} from "../../provider/aws/credentials";
import { AwsCallError } from "../../provider/aws/errors";
import { callerIdentity } from "../../provider/aws/identity";
import { useSdkEmulator } from "../support/sdk-emulator";
import { testContext } from "../support/test-context";

const ADMINISTRATOR = "111122223333";
const STANDALONE = "999988887777";
const STANDALONE_KEYS = {
    accessKey: "AKIAI44QH8DHBEXAMPLE",
    secretKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
};
const ROLE_ADMIN = `arn:aws:iam::${ADMINISTRATOR}:role/InspectorDeployer`;
const ROLE_STANDALONE = `arn:aws:iam::${STANDALONE}:role/InspectorDeployer`;
const GUARDED_ROLE = `arn:aws:iam::${STANDALONE}:role/Guarded`;

describe("the caller's identity: STS GetCallerIdentity with each credential source (emulator)", () => {
    const fixture = useSdkEmulator({
        roles: [
            { roleArn: ROLE_ADMIN },
            { roleArn: ROLE_STANDALONE },
            { roleArn: GUARDED_ROLE, externalId: "ext-42" },
        ],
    });
    let folder: string;
    before(() => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-inspector-identity-"));
        fs.writeFileSync(
            path.join(folder, "credentials"),
            `[standalone]\naws_access_key_id = ${STANDALONE_KEYS.accessKey}\n` +
                `aws_secret_access_key = ${STANDALONE_KEYS.secretKey}\n`,
        );
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    /** Who the credentials of these settings are, asked the way a lifecycle asks. */
    function whoAmI(stack: CredentialStack, resource: ResourceCredentials = {}) {
        const clients = clientsFor(credentialSource(stack, resource, process.env));
        return callerIdentity(testContext({ clients }), "us-east-1");
    }

    const files = () => ({ sharedCredentialsFiles: [path.join(folder, "credentials")] });

    const cases: [string, () => CredentialStack, ResourceCredentials, string, RegExp][] = [
        ["the environment's keys", () => ({}), {}, ADMINISTRATOR, /:user\//],
        [
            "the stack's aws:profile, over the environment's keys",
            () => ({ credentials: { profile: "standalone", ...files() } }),
            {},
            STANDALONE,
            /:user\//,
        ],
        ["the stack's static keys", () => ({ credentials: STANDALONE_KEYS }), {}, STANDALONE, /:user\//],
        [
            "the stack's aws:assumeRole, on the environment's keys",
            () => ({ credentials: { assumeRoles: [{ roleArn: ROLE_STANDALONE }] } }),
            {},
            STANDALONE,
            /^arn:aws:sts::999988887777:assumed-role\/InspectorDeployer\/pulumi-inspector$/,
        ],
        [
            "the stack's aws:assumeRoles, chained in order",
            () => ({
                credentials: {
                    assumeRoles: [
                        { roleArn: ROLE_STANDALONE },
                        { roleArn: ROLE_ADMIN, sessionName: "second" },
                    ],
                },
            }),
            {},
            ADMINISTRATOR,
            /^arn:aws:sts::111122223333:assumed-role\/InspectorDeployer\/second$/,
        ],
        [
            "the resource's assumeRole, replacing the stack's",
            () => ({ credentials: { assumeRoles: [{ roleArn: ROLE_ADMIN }] } }),
            { assumeRole: { roleArn: ROLE_STANDALONE, sessionName: "ci", durationSeconds: 900 } },
            STANDALONE,
            /assumed-role\/InspectorDeployer\/ci$/,
        ],
        [
            "the resource's profile and role with its external ID",
            () => ({ credentials: files() }),
            { profile: "standalone", assumeRole: { roleArn: GUARDED_ROLE, externalId: "ext-42" } },
            STANDALONE,
            /assumed-role\/Guarded\/pulumi-inspector$/,
        ],
    ];
    for (const [name, stack, resource, account, arn] of cases) {
        it(`answers the account of ${name}`, async () => {
            const identity = await whoAmI(stack(), resource);
            assert.equal(identity.accountId, account);
            assert.match(identity.arn, arn);
        });
    }

    it("assumes a role once for every client and resource of the source", async () => {
        const stack = { credentials: { assumeRoles: [{ roleArn: ROLE_STANDALONE }] } };
        await Promise.all([whoAmI(stack), whoAmI(stack), whoAmI(stack)]);
        await whoAmI(stack);
        const assumed = fixture.emulator.admin.calls().filter((call) => call.operation === "AssumeRole");
        assert.equal(assumed.length, 1);
    });

    it("fails with the role's refusal, naming where the credentials came from", async () => {
        await assert.rejects(
            whoAmI({}, { assumeRole: { roleArn: GUARDED_ROLE, externalId: "wrong-id" } }),
            (error: unknown) => {
                assert.ok(error instanceof AwsCallError);
                assert.equal(error.kind, "access-denied");
                assert.match(
                    error.message,
                    /^STS GetCallerIdentity failed in us-east-1: AccessDenied: .*sts:AssumeRole/,
                );
                assert.ok(
                    error.message.endsWith(
                        `(the credentials (the default credential chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ` +
                            `AWS_PROFILE, the shared files, SSO, the container's or the instance's role), then role ` +
                            `${GUARDED_ROLE} (the resource's assumeRole)) could not be obtained: the base credentials ` +
                            "may not assume the role; check the role's trust policy and its external ID)",
                    ),
                    error.message,
                );
                return true;
            },
        );
    });

    it("fails with a missing profile, as missing credentials, naming the profile", async () => {
        await assert.rejects(whoAmI({ credentials: { profile: "nobody", ...files() } }), (error: unknown) => {
            assert.ok(error instanceof AwsCallError);
            assert.equal(error.kind, "credentials");
            assert.ok(
                error.message.includes(
                    `(the AWS credentials from profile "nobody" (the stack's aws:profile, from ${path.join(folder, "credentials")}) ` +
                        "were missing or refused",
                ),
                error.message,
            );
            return true;
        });
    });
});
