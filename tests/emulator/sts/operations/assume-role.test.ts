import assert from "node:assert/strict";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { RunningEmulator } from "../../../../emulator";
import { startEmulator } from "../../../../emulator";
import { expectAwsError } from "../../support/expect-aws-error";
import { STANDALONE, stsClient, type Credentials } from "../../support/sdk-clients";

const ADMIN_ROLE = "arn:aws:iam::111122223333:role/InspectorDeployer";
const STANDALONE_ROLE = "arn:aws:iam::999988887777:role/InspectorDeployer";
const GUARDED_ROLE = "arn:aws:iam::444455556666:role/ops/InspectorAuditor";
const START = Date.parse("2030-01-02T03:04:05Z");

describe("sts AssumeRole (through the SDK)", () => {
    let emulator: RunningEmulator;
    before(
        async () =>
            (emulator = await startEmulator({
                now: () => START,
                settings: {
                    // The SDK signs with the real clock, years away from the emulator's.
                    clockSkewMs: 20 * 365 * 24 * 3600 * 1000,
                    roles: [
                        { roleArn: ADMIN_ROLE },
                        { roleArn: STANDALONE_ROLE },
                        { roleArn: GUARDED_ROLE, externalId: "audit-2030" },
                    ],
                },
            })),
    );
    after(() => emulator.close());

    const assume = (input: ConstructorParameters<typeof AssumeRoleCommand>[0], credentials?: Credentials) =>
        stsClient(emulator, { credentials }).send(new AssumeRoleCommand(input));

    it("hands out temporary credentials for a declared role, expiring after an hour by default", async () => {
        const answer = await assume({ RoleArn: STANDALONE_ROLE, RoleSessionName: "pulumi" });
        const credentials = answer.Credentials;
        assert.match(credentials?.AccessKeyId ?? "", /^ASIA[A-Z2-7]{16}$/);
        assert.ok((credentials?.SecretAccessKey ?? "").length >= 40);
        assert.ok((credentials?.SessionToken ?? "").length > 100);
        assert.equal(credentials?.Expiration?.toISOString(), "2030-01-02T04:04:05.000Z");
        assert.equal(
            answer.AssumedRoleUser?.Arn,
            "arn:aws:sts::999988887777:assumed-role/InspectorDeployer/pulumi",
        );
        assert.match(answer.AssumedRoleUser?.AssumedRoleId ?? "", /^AROA[A-Z2-7]{17}:pulumi$/);
    });

    it("gives every call new credentials, and the same role ID for the same role", async () => {
        const [one, two] = await Promise.all([
            assume({ RoleArn: ADMIN_ROLE, RoleSessionName: "one" }),
            assume({ RoleArn: ADMIN_ROLE, RoleSessionName: "two" }),
        ]);
        assert.notEqual(one.Credentials?.AccessKeyId, two.Credentials?.AccessKeyId);
        assert.notEqual(one.Credentials?.SessionToken, two.Credentials?.SessionToken);
        const roleId = (answer: typeof one) => answer.AssumedRoleUser?.AssumedRoleId?.split(":")[0];
        assert.equal(roleId(one), roleId(two));
    });

    for (const [seconds, expiration] of [
        [900, "2030-01-02T03:19:05.000Z"],
        [43200, "2030-01-02T15:04:05.000Z"],
    ] as const) {
        it(`expires after DurationSeconds ${seconds}`, async () => {
            const answer = await assume({
                RoleArn: ADMIN_ROLE,
                RoleSessionName: "timed",
                DurationSeconds: seconds,
            });
            assert.equal(answer.Credentials?.Expiration?.toISOString(), expiration);
        });
    }

    for (const [seconds, problem] of [
        [899, "DurationSeconds 899 is less than the minimum of 900"],
        [43201, "DurationSeconds 43201 is greater than the maximum of 43200"],
    ] as const) {
        it(`refuses DurationSeconds ${seconds} with 400 ValidationError`, async () => {
            const error = await expectAwsError(
                assume({ RoleArn: ADMIN_ROLE, RoleSessionName: "timed", DurationSeconds: seconds }),
                "ValidationError",
                400,
            );
            assert.equal(error.message, `1 validation error detected: ${problem}`);
        });
    }

    it("validates the role ARN and the session name against the model", async () => {
        const error = await expectAwsError(
            assume({ RoleArn: "short", RoleSessionName: "has space" }),
            "ValidationError",
            400,
        );
        assert.equal(
            error.message,
            '2 validation errors detected: RoleArn "short" is 5 characters long, shorter than the minimum of 20; ' +
                'RoleSessionName "has space" does not match the pattern [\\w+=,.@-]*',
        );
    });

    it("refuses a role that is not declared with 403 AccessDenied naming the caller and the role", async () => {
        const error = await expectAwsError(
            assume({ RoleArn: "arn:aws:iam::999988887777:role/Other", RoleSessionName: "s1" }, STANDALONE),
            "AccessDenied",
            403,
        );
        assert.equal(
            error.message,
            "User: arn:aws:iam::999988887777:user/emulator-standalone is not authorized to perform: " +
                "sts:AssumeRole on resource: arn:aws:iam::999988887777:role/Other",
        );
    });

    it("lets any known key assume a declared role of another account", async () => {
        const answer = await assume({ RoleArn: ADMIN_ROLE, RoleSessionName: "cross" }, STANDALONE);
        assert.equal(
            answer.AssumedRoleUser?.Arn,
            "arn:aws:sts::111122223333:assumed-role/InspectorDeployer/cross",
        );
    });

    it("needs the role's external ID: missing or wrong is AccessDenied, right answers credentials", async () => {
        const denied = `is not authorized to perform: sts:AssumeRole on resource: ${GUARDED_ROLE}`;
        for (const ExternalId of [undefined, "audit-2029"]) {
            const error = await expectAwsError(
                assume({ RoleArn: GUARDED_ROLE, RoleSessionName: "audit", ExternalId }),
                "AccessDenied",
                403,
            );
            assert.ok(error.message.endsWith(denied), error.message);
        }
        const answer = await assume({
            RoleArn: GUARDED_ROLE,
            RoleSessionName: "audit",
            ExternalId: "audit-2030",
        });
        // The assumed-role ARN names the role without its path.
        assert.equal(
            answer.AssumedRoleUser?.Arn,
            "arn:aws:sts::444455556666:assumed-role/InspectorAuditor/audit",
        );
    });

    it("lets temporary credentials assume a role (chaining), for at most one hour", async () => {
        const first = await assume({ RoleArn: ADMIN_ROLE, RoleSessionName: "hop-1" });
        const hop: Credentials = {
            accessKeyId: first.Credentials?.AccessKeyId ?? "",
            secretAccessKey: first.Credentials?.SecretAccessKey ?? "",
            sessionToken: first.Credentials?.SessionToken ?? "",
        };
        const error = await expectAwsError(
            assume({ RoleArn: STANDALONE_ROLE, RoleSessionName: "hop-2", DurationSeconds: 3601 }, hop),
            "ValidationError",
            400,
        );
        assert.equal(
            error.message,
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
        );
        const second = await assume({ RoleArn: STANDALONE_ROLE, RoleSessionName: "hop-2" }, hop);
        const identity = await stsClient(emulator, {
            credentials: {
                accessKeyId: second.Credentials?.AccessKeyId ?? "",
                secretAccessKey: second.Credentials?.SecretAccessKey ?? "",
                sessionToken: second.Credentials?.SessionToken ?? "",
            },
        }).send(new GetCallerIdentityCommand({}));
        assert.equal(identity.Arn, "arn:aws:sts::999988887777:assumed-role/InspectorDeployer/hop-2");
    });

    it("reads list and structure parameters of the form body (session tags, policy ARNs)", async () => {
        const error = await expectAwsError(
            assume({
                RoleArn: ADMIN_ROLE,
                RoleSessionName: "tagged",
                Tags: [
                    { Key: "team", Value: "security" },
                    { Key: "bad key!", Value: "x" },
                ],
                PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
            }),
            "ValidationError",
            400,
        );
        assert.match(error.message, /^1 validation error detected: Tags\[1\]\.Key "bad key!" does not match/);
    });

    it("echoes the source identity", async () => {
        const answer = await assume({
            RoleArn: ADMIN_ROLE,
            RoleSessionName: "traced",
            SourceIdentity: "alice",
        });
        assert.equal(answer.SourceIdentity, "alice");
    });
});
