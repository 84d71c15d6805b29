import assert from "node:assert/strict";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { RunningEmulator } from "../../../../emulator";
import { startEmulator } from "../../../../emulator";
import { ADMINISTRATOR, STANDALONE, stsClient } from "../../support/sdk-clients";

describe("sts GetCallerIdentity (through the SDK)", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator()));
    after(() => emulator.close());

    it("answers the account and IAM user of a long-term key", async () => {
        const administrator = await stsClient(emulator).send(new GetCallerIdentityCommand({}));
        assert.equal(administrator.Account, "111122223333");
        assert.equal(administrator.Arn, "arn:aws:iam::111122223333:user/emulator-administrator");
        assert.match(administrator.UserId ?? "", /^AIDA[A-Z2-7]{17}$/);

        const standalone = await stsClient(emulator, { credentials: STANDALONE }).send(
            new GetCallerIdentityCommand({}),
        );
        assert.equal(standalone.Account, "999988887777");
        assert.equal(standalone.Arn, "arn:aws:iam::999988887777:user/emulator-standalone");
        assert.notEqual(standalone.UserId, administrator.UserId);
    });

    it("answers the same user ID every time, in any region", async () => {
        const first = await stsClient(emulator).send(new GetCallerIdentityCommand({}));
        const second = await stsClient(emulator, { region: "ap-southeast-2" }).send(
            new GetCallerIdentityCommand({}),
        );
        assert.equal(first.UserId, second.UserId);
    });

    it("answers the role's account and the assumed-role session for temporary credentials", async () => {
        const { Credentials, AssumedRoleUser } = await stsClient(emulator).send(
            new AssumeRoleCommand({
                RoleArn: "arn:aws:iam::999988887777:role/InspectorDeployer",
                RoleSessionName: "deploy-1",
            }),
        );
        const identity = await stsClient(emulator, {
            credentials: {
                accessKeyId: Credentials?.AccessKeyId ?? "",
                secretAccessKey: Credentials?.SecretAccessKey ?? "",
                sessionToken: Credentials?.SessionToken ?? "",
            },
        }).send(new GetCallerIdentityCommand({}));
        assert.equal(identity.Account, "999988887777");
        assert.equal(identity.Arn, "arn:aws:sts::999988887777:assumed-role/InspectorDeployer/deploy-1");
        assert.equal(identity.Arn, AssumedRoleUser?.Arn);
        assert.equal(identity.UserId, AssumedRoleUser?.AssumedRoleId);
        assert.match(identity.UserId ?? "", /^AROA[A-Z2-7]{17}:deploy-1$/);
    });

    it("records the call with the signer's account and region", async () => {
        emulator.admin.reset();
        await stsClient(emulator, { credentials: ADMINISTRATOR, region: "eu-west-1" }).send(
            new GetCallerIdentityCommand({}),
        );
        const [call] = emulator.admin.calls();
        assert.deepEqual(
            { ...call, time: undefined },
            {
                service: "sts",
                operation: "GetCallerIdentity",
                accountId: "111122223333",
                region: "eu-west-1",
                status: 200,
                time: undefined,
            },
        );
        assert.deepEqual(emulator.admin.mutations(), []);
    });
});
